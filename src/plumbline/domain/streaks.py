"""Current and best streaks, by the rules of the contract.

Daily and chosen-weekday habits count done days; a skipped or not-due day bridges the run
without adding to it; a missed day breaks it; today while pending does not break it.
N-times-a-week habits count ISO weeks that met N; the week in progress never breaks the run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from plumbline.domain.entries import Entry, Status, day_status
from plumbline.domain.habit import Habit

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class Streaks:
    current: int
    best: int
    unit: str  # "days" or "weeks"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def first_day(entries: Mapping[dt.date, Entry], start: dt.date) -> dt.date:
    """Where a habit's history begins: tracking start, or an earlier record (imported, back-filled)."""
    return min([start, *entries.keys()])


def streaks(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> Streaks:
    if habit.schedule.is_weekly:
        return _weekly_streaks(habit, entries, today, start)
    return _daily_streaks(habit, entries, today, start)


def _daily_streaks(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> Streaks:
    run = best = 0
    begin = day = first_day(entries, start)
    while day <= today:
        status = day_status(habit, entries.get(day), day, today, begin)
        if status is Status.DONE:
            run += 1
            best = max(best, run)
        elif status is Status.MISSED:
            run = 0
        day += ONE_DAY
    return Streaks(run, best, "days")


def week_counts(habit: Habit, entries: Mapping[dt.date, Entry], monday: dt.date) -> tuple[int, int]:
    """(done days, skipped days) in the ISO week that starts on `monday`."""
    done = skips = 0
    for offset in range(7):
        entry = entries.get(monday + dt.timedelta(days=offset))
        if entry is None:
            continue
        if entry.skipped:
            skips += 1
        elif entry.reached(habit.target):
            done += 1
    return done, skips


def _weekly_streaks(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> Streaks:
    target = habit.schedule.per_week or 1
    first_week = monday_of(first_day(entries, start))
    this_week = monday_of(today)
    run = best = 0
    week = first_week
    while week <= this_week:
        done, skips = week_counts(habit, entries, week)
        if done >= target:
            run += 1
            best = max(best, run)
        elif week == this_week or week == first_week or done + skips >= target:
            # In progress, only partly tracked, or made up by planned rest days: bridge, do not break.
            pass
        else:
            run = 0
        week += ONE_WEEK
    return Streaks(run, best, "weeks")
