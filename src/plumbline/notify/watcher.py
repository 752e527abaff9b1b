"""Noticing a suspend or a clock change while reminders are scheduled.

Timers run on the monotonic clock, which stops while the machine sleeps: after a resume a job is
late in wall-clock terms and APScheduler drops it as missed (APScheduler issue #794), which can
leave up to two intervals silent. Comparing how far the wall clock and the monotonic clock moved
between two looks tells a suspend (or a clock set forward or back) apart from normal running.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

TOLERANCE = dt.timedelta(seconds=60)
UTC = dt.UTC


class ClockWatcher:
    def __init__(self, wall: Callable[[], dt.datetime], monotonic: Callable[[], float],
                 tolerance: dt.timedelta = TOLERANCE) -> None:
        self.wall = wall
        self.monotonic = monotonic
        self.tolerance = tolerance
        self._mark = (wall().astimezone(UTC), monotonic())

    def check(self) -> dt.timedelta | None:
        """How far the wall clock jumped since the last look (positive: forward, as after a
        suspend), or None when both clocks moved alike."""
        wall, mono = self.wall().astimezone(UTC), self.monotonic()
        last_wall, last_mono = self._mark
        self._mark = (wall, mono)
        drift = (wall - last_wall) - dt.timedelta(seconds=mono - last_mono)
        return drift if abs(drift) > self.tolerance else None
