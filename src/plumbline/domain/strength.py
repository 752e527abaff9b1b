"""Habit strength: an exponential moving average of completion.

The published formula of Loop Habit Tracker's habit score: with `freq` the expected repetitions
per day, `m = 0.5 ** (sqrt(freq) / 13)` and each day `score = prev * m + completion * (1 - m)`.
A daily habit's score halves its distance to the truth in about 13 days; one done day from zero
gives about 0.0519 and 30 perfect days about 0.80. A skipped or not-due day freezes the score.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping

from plumbline.domain.entries import Entry, is_done
from plumbline.domain.habit import Habit, Kind, Schedule
from plumbline.domain.streaks import ONE_DAY, first_day


def multiplier(per_day: float) -> float:
    return 0.5 ** (math.sqrt(per_day) / 13.0)


def strength_series(
    habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date
) -> Iterator[tuple[dt.date, float]]:
    """The score at the end of each day from the first tracked day up to `today`.

    Today counts only once it is done, so an unfinished morning does not pull the score down.
    """
    schedule = habit.schedule
    m = multiplier(schedule.per_day())
    score = 0.0
    # N a week, N a month and every N days: as in Loop, a day counts by how much of its
    # frequency the last days achieved (done days in a window of 7, 30 or N days, over N).
    window, wanted = _window(schedule)
    recent: list[int] = []  # done flags of the last `window` days
    day = first_day(habit, entries, start)
    while day <= today:
        entry = entries.get(day)
        done = is_done(habit, entry)
        if window:
            recent = (recent + [int(done)])[-window:]
        if entry is not None and entry.skipped or day == today and not done:
            pass
        elif window:
            score = score * m + min(1.0, sum(recent) / wanted) * (1 - m)
        elif schedule.due_on(day) or done:
            completion = 1.0 if done else _partial(habit, entry)
            score = score * m + completion * (1 - m)
        yield day, score
        day += ONE_DAY


def _window(schedule: Schedule) -> tuple[int, int]:
    """(days, done days wanted in them), or (0, 0) for a habit judged day by day."""
    if schedule.per_week is not None:
        return 7, schedule.per_week
    if schedule.per_month is not None:
        return 30, schedule.per_month
    if schedule.every_days is not None:
        return schedule.every_days, 1
    return 0, 0


def _partial(habit: Habit, entry: Entry | None) -> float:
    # A count habit that got part of the way earns that part, as in Loop's numerical habits.
    if entry is None or habit.kind is not Kind.COUNT or habit.target <= 1:
        return 0.0
    return min(1.0, entry.count / habit.target)


def strength(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> float:
    score = 0.0
    for _day, score in strength_series(habit, entries, today, start):  # noqa: B007  the last one is today's
        pass
    return score
