"""One habit's longer view: a year of day statuses, strength over time, and its best streaks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from plumbline.domain.entries import Entry, Status, day_status, is_done
from plumbline.domain.habit import Habit
from plumbline.domain.scan import BEST_RUNS, Standing
from plumbline.domain.streaks import Run, Streaks, first_day, runs, streaks_of
from plumbline.domain.strength import strength_series

YEAR_WEEKS = 52


class HabitHistory(NamedTuple):
    habit: Habit
    statuses: dict[dt.date, Status]  # the days of the last YEAR_WEEKS weeks
    weekly_strength: list[tuple[dt.date, float]]  # the score at the end of each of those weeks
    best_runs: list[Run]  # longest first
    streaks: Streaks
    strength: float
    done_days: int


def habit_history(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> HabitHistory:
    """From the whole history (the app works it out from month summaries: history_from)."""
    first_shown = first_shown_on(today)
    weekly: list[tuple[dt.date, float]] = []
    score = 0.0
    for day, score in strength_series(habit, entries, today, start):
        if day >= first_shown and (day.weekday() == 6 or day == today):
            weekly.append((day, score))
    all_runs = runs(habit, entries, today, start)
    return HabitHistory(
        habit=habit,
        statuses=_statuses(habit, entries, today, first_day(habit, entries, start)),
        weekly_strength=_padded(weekly, first_shown),
        best_runs=sorted(all_runs, key=lambda r: (-r.length, r.first))[:BEST_RUNS],
        streaks=streaks_of(habit, all_runs),
        strength=score,
        done_days=sum(1 for e in entries.values() if is_done(habit, e) and e.day <= today),
    )


def history_from(habit: Habit, recent: Mapping[dt.date, Entry], today: dt.date, standing: Standing) -> HabitHistory:
    """The same from a scan's standing (with the strength on each Sunday shown, and today) and
    the records of the weeks shown; `habit.started` is its first day (streaks.first_day)."""
    first_shown = first_shown_on(today)
    begin = habit.started or today
    weekly = sorted((day, score) for day, score in standing.scores.items() if day >= first_shown)
    return HabitHistory(habit, _statuses(habit, recent, today, begin), _padded(weekly, first_shown),
                        standing.best_runs, standing.streaks, standing.strength, standing.done_days)


def first_shown_on(today: dt.date) -> dt.date:
    """The Monday the calendar of the last YEAR_WEEKS weeks begins on."""
    return today - dt.timedelta(days=today.weekday(), weeks=YEAR_WEEKS - 1)


def _statuses(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, begin: dt.date) -> dict[dt.date, Status]:
    statuses = {}
    day = first_shown_on(today)
    while day <= today:
        statuses[day] = day_status(habit, entries.get(day), day, today, begin, entries)
        day += dt.timedelta(days=1)
    return statuses


def _padded(weekly: list[tuple[dt.date, float]], first_shown: dt.date) -> list[tuple[dt.date, float]]:
    # Weeks before tracking began have no score yet: show them as zero so the chart keeps its scale.
    missing = YEAR_WEEKS - len(weekly)
    return [(first_shown + dt.timedelta(weeks=i, days=6), 0.0) for i in range(max(0, missing))] + weekly
