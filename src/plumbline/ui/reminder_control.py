"""What the app asks of the reminder service. The CLI hands one in; the UI never imports
`plumbline.notify` (they are independent layers), and the app runs without one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol


class ReminderControl(Protocol):
    def start(self, show: Callable[[str, str], None], warn: Callable[[str], None]) -> None:
        """Start on the running loop; `show` is the in-app fallback, `warn` said once per data dir.
        What the service writes (an answer on the desktop, a natural break) reaches the app
        through the tracker's listeners, as the app's own changes do."""

    def delivery_problem(self) -> str | None:
        """Why reminders show in the app instead of on the desktop, while that is so."""

    def stop(self) -> None: ...

    def now(self) -> dt.datetime:
        """The service's aware clock, so the countdown and the schedule agree."""

    def next_break(self) -> dt.datetime | None: ...

    def paused_until(self) -> dt.datetime | None: ...

    def take_break(self) -> None: ...

    def snooze(self) -> dt.datetime: ...

    def toggle_pause(self) -> dt.datetime | None: ...
