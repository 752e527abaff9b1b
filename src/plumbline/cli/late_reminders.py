"""The reminder service as the app gets it from the command: made and started only when the app
asks, once its first screen is painted.

Importing the service, APScheduler and dbus-fast, and connecting to the session bus, took about
100 ms and 8 MiB before the first frame; a reminder is never due in the first second, so none
of it has to come first. Until then there is no plan: no break is shown as due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from plumbline.app.tracker import Tracker

if TYPE_CHECKING:
    from plumbline.notify.service import ReminderService


class LateReminders:
    """A ReminderControl (ui/reminder_control.py) that makes the real service on `start`."""

    def __init__(self, tracker: Tracker, clock: Callable[[], dt.datetime]) -> None:
        self.tracker = tracker
        self.clock = clock  # aware, local: the service's clock
        self.service: ReminderService | None = None

    def _service(self) -> ReminderService:
        if self.service is None:
            from plumbline.notify.service import ReminderService

            self.service = ReminderService(self.tracker, self.clock)
        return self.service

    def start(self, show: Callable[[str, str], None], warn: Callable[[str], None]) -> None:
        self._service().start(show, warn)

    def stop(self) -> None:
        if self.service is not None:
            self.service.stop()

    def delivery_problem(self) -> str | None:
        return self.service.delivery_problem() if self.service else None

    def now(self) -> dt.datetime:
        return self.clock()

    def next_break(self) -> dt.datetime | None:
        return self.service.next_break() if self.service else None

    def paused_until(self) -> dt.datetime | None:
        return self.service.paused_until() if self.service else None

    # A key pressed before the service started (within the first moments) makes it: the
    # answer is recorded all the same, and the plan follows once it starts.
    def take_break(self) -> None:
        self._service().take_break()

    def snooze(self) -> dt.datetime:
        return self._service().snooze()

    def toggle_pause(self) -> dt.datetime | None:
        return self._service().toggle_pause()
