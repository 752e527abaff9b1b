"""The line under the header: how long until the next posture break, or that reminders are paused,
and what its keys do (b break now, z snooze, P pause; Today's bindings hand them here).

It is also where the app says that reminders cannot reach the desktop: in full the first time a
data dir meets the problem (a second line, pushing the list down rather than covering it), and
as a short mark after that; the help screen always has the whole text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from plumbline.ui.errors import reported
from plumbline.ui.services import plumbline_app
from plumbline.ui.user_text import user_text

if TYPE_CHECKING:
    from plumbline.ui.reminder_control import ReminderControl

REFRESH_SECONDS = 15


class BreakCountdown(Static):
    next_break: reactive[dt.datetime | None] = reactive(None)
    paused_until: reactive[dt.datetime | None] = reactive(None)
    now: reactive[dt.datetime | None] = reactive(None)
    delivery_problem: reactive[str | None] = reactive(None, layout=True)
    say_in_full: reactive[bool] = reactive(False, layout=True)
    reminder: reactive[str] = reactive("", layout=True)  # a reminder shown here, not as a toast

    def on_mount(self) -> None:
        self.set_interval(REFRESH_SECONDS, self.refresh_from_service)
        self.call_after_refresh(self.refresh_from_service)

    def refresh_from_service(self) -> None:
        app = plumbline_app(self)
        if app.reminders is None:
            return
        reminders = app.reminders
        self.now, self.next_break, self.paused_until = reminders.now(), reminders.next_break(), reminders.paused_until()
        self.delivery_problem = reminders.delivery_problem()
        self.reminder = app.current_reminder()
        self.say_in_full = app.delivery_in_full

    # -- its keys ------------------------------------------------------------------------------

    def take_break(self) -> None:
        def take(reminders: ReminderControl) -> str:
            reminders.take_break()
            return "Break counted; the countdown starts again"

        self._answer(take)

    def snooze(self) -> None:
        self._answer(lambda r: f"Posture break snoozed until {r.snooze():%H:%M}")

    def toggle_pause(self) -> None:
        self._answer(lambda r: _pause_said(r.toggle_pause()))

    def _answer(self, action: Callable[[ReminderControl], str]) -> None:
        app = plumbline_app(self)
        if app.reminders is None:
            app.notify("Reminders are not running in this window", severity="warning")
            return
        with reported(app):
            said = action(app.reminders)
            app.clear_reminder()  # answered: b, z or P
            self.refresh_from_service()
            app.notify(said, markup=False)

    # -- drawing -------------------------------------------------------------------------------

    def render(self) -> Text:
        text, keys = self._countdown()
        marker = "   in-app reminders only (? says why)" if self.delivery_problem and not self.say_in_full else ""
        # One line: the key hints (also in help) give way to the marker where both do not fit.
        # The marker first: the size is asked only when it matters, and asking while Textual lays
        # the screen out (the first frame) made it lay the whole screen out once more.
        if not marker or len(text) + len(keys) + len(marker) <= self.size.width:
            text.append(keys, style="dim")
        text.append(marker, style="dim yellow")
        if self.reminder:
            text.append("\n ")
            text.append_text(user_text(self.reminder, "bold yellow"))
            text.append("   b break now  z snooze", style="dim")
        if self.delivery_problem and self.say_in_full:
            text.append("\n ")
            text.append(self.delivery_problem[0].upper() + self.delivery_problem[1:], style="yellow")
        return text

    def _countdown(self) -> tuple[Text, str]:
        """The countdown, and the key hints that go with it."""
        text = Text(" ")
        if self.paused_until is not None:
            text.append(f"Reminders paused until {self.paused_until:%H:%M}", style="yellow")
            return text, "   P resume"
        if self.next_break is None or self.now is None:
            text.append("No posture break due in the next 24 hours", style="dim")
            return text, ""
        text.append("Next posture break ", style="dim")
        text.append(f"{self.next_break:%H:%M}", style="bold")
        if self.next_break.date() != self.now.date():
            text.append(f" {self.next_break:%a}", style="bold")
        text.append(f" ({_until(self.now, self.next_break)})")
        return text, "   b break now  z snooze  P pause"


def _until(now: dt.datetime, then: dt.datetime) -> str:
    minutes = max(0, round((then - now).total_seconds() / 60))
    if minutes == 0:
        return "now"
    hours, rest = divmod(minutes, 60)
    return f"in {hours} h {rest} min" if hours else f"in {minutes} min"


def _pause_said(until: dt.datetime | None) -> str:
    return f"Reminders paused until {until:%H:%M}; P resumes them" if until else "Reminders resumed"
