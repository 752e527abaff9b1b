"""Messages every screen may hear."""

import datetime as dt

from textual.message import Message

# Not a write: a reminder shown in the app, or the delivery problem said in full (the countdown).
REMINDER_SHOWN_CHANGE = "reminder-shown"


class DataChanged(Message, bubble=False):
    """Something was written: by this app, another process, or an answer on the desktop
    (`what`: one of app/changes.py's kinds). Each screen that shows data refreshes itself.
    It does not bubble: the app hands it to every screen, which must not hand it back."""

    def __init__(self, what: str = "") -> None:
        super().__init__()
        self.what = what


class NewDay(Message, bubble=False):
    """Midnight (or the hour the user's day starts) passed while the app was open."""

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today
