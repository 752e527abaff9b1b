"""What a posture break is: the one place that knows.

A break counts toward the posture-breaks habit and restarts the countdown. So `b` in the app,
"I took it" on the desktop, `plumbline check posture-breaks` and `space` on that habit's row all
do the same thing; a check of it on another day (filling in yesterday) is only a count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from plumbline.domain.habit import POSTURE_HABIT

if TYPE_CHECKING:
    from plumbline.app.tracker import Tracker


def take_break(tracker: Tracker, at: dt.datetime) -> None:
    """A break taken at `at` (aware, local): counted for the habit day it falls in (01:30 with
    the day starting at 03:00 counts for the evening before), and the countdown restarts."""
    day = tracker.today(at)
    tracker.check(POSTURE_HABIT, day, today=day, clock=lambda: at)


def after_check(tracker: Tracker, habit_id: str, day: dt.date, clock: Callable[[], dt.datetime] | None) -> None:
    """A check of the posture-breaks habit for the current day, made now (`clock`), is a break."""
    if habit_id != POSTURE_HABIT or clock is None:
        return
    at = clock()
    if day == tracker.today(at):
        tracker.reminders.record_break(at)
