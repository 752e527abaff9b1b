"""One habit's longer view: a year of day statuses, strength over time, and its best streaks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from plumbline.domain.entries import Entry, Status, day_status, is_done
from plumbline.domain.habit import Habit
from plumbline.domain.streaks import Run, Streaks, first_day, runs, streaks_of
from plumbline.domain.strength import strength_series

YEAR_WEEKS = 52
BEST_RUNS = 5


class HabitHistory(NamedTuple):
    habit: Habit
    statuses: dict[dt.date, Status]  # the days of the last YEAR_WEEKS weeks
    weekly_strength: list[tuple[dt.date, float]]  # the score at the end of each of those weeks
    best_runs: list[Run]  # longest first
    streaks: Streaks
    strength: float
    done_days: int


def habit_history(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> HabitHistory:
    begin = first_day(habit, entries, start)
    first_shown = today - dt.timedelta(days=today.weekday(), weeks=YEAR_WEEKS - 1)
    statuses = {}
    day = first_shown
    while day <= today:
        statuses[day] = day_status(habit, entries.get(day), day, today, begin, entries)
        day += dt.timedelta(days=1)

    weekly: list[tuple[dt.date, float]] = []
    score = 0.0
    for day, score in strength_series(habit, entries, today, start):
        if day >= first_shown and (day.weekday() == 6 or day == today):
            weekly.append((day, score))
    # Weeks before tracking began have no score yet: show them as zero so the chart keeps its scale.
    missing = YEAR_WEEKS - len(weekly)
    padding = [(first_shown + dt.timedelta(weeks=i, days=6), 0.0) for i in range(max(0, missing))]

    all_runs = runs(habit, entries, today, start)
    return HabitHistory(
        habit=habit,
        statuses=statuses,
        weekly_strength=padding + weekly,
        best_runs=sorted(all_runs, key=lambda r: (-r.length, r.first))[:BEST_RUNS],
        streaks=streaks_of(habit, all_runs),
        strength=score,
        done_days=sum(1 for e in entries.values() if is_done(habit, e) and e.day <= today),
    )
