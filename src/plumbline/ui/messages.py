"""Messages every screen may hear."""

from textual.message import Message


class DataChanged(Message):
    """Something was written: by this app, another process, or an answer on the desktop.
    Each screen that shows data refreshes itself."""
