"""Opening the app from the command line: check the data first, then start Textual."""

from __future__ import annotations

from plumbline.cli import clock
from plumbline.storage.locations import resolve_data_dir
from plumbline.storage.tracker import Tracker


def run_app(data_dir: str | None, routine: str | None = None) -> int:
    """Open the app on today's checklist, or with `routine` on that routine's player."""
    tracker = Tracker(resolve_data_dir(data_dir))
    # A database that cannot be read stops here, with the one-line error, before any screen.
    tracker.store.meta()
    tracker.store.history()
    from plumbline.reminders.service import ReminderService
    from plumbline.ui.app import PlumblineApp

    PlumblineApp(tracker, clock=clock.now, routine=routine, reminders=ReminderService(tracker, clock.now_local)).run()
    return 0
