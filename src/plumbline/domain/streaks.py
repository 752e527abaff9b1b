"""Current and best streaks, by the rules of the contract.

Daily and chosen-weekday habits count done days; a skipped or not-due day bridges the run
without adding to it; a missed day breaks it; today while pending does not break it.
N-times-a-week habits count ISO weeks that met N; the week in progress never breaks the run.
"""

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from plumbline.domain.entries import Entry, Status, day_status, is_done
from plumbline.domain.habit import Habit, Kind

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)


class Streaks(NamedTuple):
    current: int
    best: int
    unit: str  # "days" or "weeks"


class Run(NamedTuple):
    """One unbroken streak: its first and last done day (or week's Monday) and its length."""

    first: dt.date
    last: dt.date
    length: int
    ongoing: bool = False  # nothing has broken it up to today


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def first_day(habit: Habit, entries: Mapping[dt.date, Entry], start: dt.date) -> dt.date:
    """Where a habit's history begins: the day it was added (`start` for the habits the data dir
    began with), or an earlier record of it (imported, back-filled). Each habit is judged from
    its own first day, so a habit added later is never missed on the days before it existed."""
    return min([habit.started or start, *entries.keys()])


def streaks(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> Streaks:
    return streaks_of(habit, runs(habit, entries, today, start))


def streaks_of(habit: Habit, all_runs: list[Run]) -> Streaks:
    """Current and best from a habit's runs (see `runs`)."""
    current = all_runs[-1].length if all_runs and all_runs[-1].ongoing else 0
    best = max((r.length for r in all_runs), default=0)
    return Streaks(current, best, "weeks" if habit.schedule.is_weekly else "days")


class CurrentStreak(NamedTuple):
    length: int
    unit: str
    # The run was still going at `known_from`, the oldest day the caller loaded: load more, ask again.
    reaches_back: bool = False


def current_streak(
    habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date, known_from: dt.date | None = None
) -> CurrentStreak:
    """The run that reaches today, walking back from today until it breaks.

    Cost follows the length of the run, not of the history, so the checklist can load only the
    recent years (`known_from` says where loaded history begins).
    """
    if habit.schedule.is_weekly:
        return _weekly_current(habit, entries, today, start, known_from)
    begin = first_day(habit, entries, start)
    # With a partial history, walk past its edge (even below `begin`, which only knows the
    # loaded entries) so that a run still going there is reported, not cut short.
    bottom = min(begin, known_from - ONE_DAY) if known_from is not None else begin
    run, day = 0, today
    while day >= bottom:
        if known_from is not None and day < known_from:
            return CurrentStreak(run, "days", reaches_back=True)
        status = day_status(habit, entries.get(day), day, today, begin)
        if status is Status.DONE:
            run += 1
        elif status is Status.MISSED:
            break
        day -= ONE_DAY
    return CurrentStreak(run, "days")


def _weekly_current(habit, entries, today, start, known_from) -> CurrentStreak:
    target = habit.schedule.per_week or 1
    first_week = monday_of(first_day(habit, entries, start))
    bottom = min(first_week, known_from - ONE_WEEK) if known_from is not None else first_week
    this_week = week = monday_of(today)
    run = 0
    while week >= bottom:
        if known_from is not None and week < known_from:
            return CurrentStreak(run, "weeks", reaches_back=True)
        done, skips = week_counts(habit, entries, week)
        if done >= target:
            run += 1
        elif not _week_bridges(week, this_week, first_week, done + skips >= target):
            break
        week -= ONE_WEEK
    return CurrentStreak(run, "weeks")


def runs(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> list[Run]:
    """Every streak of the habit's history, oldest first."""
    if habit.schedule.is_weekly:
        return _weekly_runs(habit, entries, today, start)
    return _daily_runs(habit, entries, today, start)


class _RunBuilder:
    def __init__(self) -> None:
        self.done: list[Run] = []
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.length = 0

    def add(self, day: dt.date) -> None:
        if self.first is None:
            self.first = day
        self.last = day
        self.length += 1

    def cut(self) -> None:
        if self.first is not None and self.last is not None:
            self.done.append(Run(self.first, self.last, self.length))
        self.first, self.last, self.length = None, None, 0

    def finish(self) -> list[Run]:
        if self.first is not None and self.last is not None:
            self.done.append(Run(self.first, self.last, self.length, ongoing=True))
        return self.done


def _daily_runs(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> list[Run]:
    """The rules of `day_status`, inlined over day numbers: the review computes this for every
    habit over its whole history, and ten years are 3,650 days a habit."""
    builder = _RunBuilder()
    by_number = {day.toordinal(): entry for day, entry in entries.items()}
    weekdays, target, at_most = habit.schedule.weekdays, habit.target, habit.kind is Kind.LIMIT
    today_number = today.toordinal()
    for number in range(first_day(habit, entries, start).toordinal(), today_number + 1):
        entry = by_number.get(number)
        if entry is not None and entry.skipped:
            continue  # a rest day bridges
        if entry is not None and (entry.count <= target if at_most else entry.count >= target):
            builder.add(dt.date.fromordinal(number))
        elif weekdays is not None and (number - 1) % 7 not in weekdays:
            continue  # not due (day 1 of the proleptic calendar is a Monday)
        elif number != today_number:
            builder.cut()  # missed; today, still pending, breaks nothing
    return builder.finish()


def _week_bridges(week: dt.date, this_week: dt.date, first_week: dt.date, made_up_by_skips: bool) -> bool:
    """A week short of its target that still does not break the run: the week in progress, the
    first (only partly tracked) week or one before it, or one made up by planned rest days."""
    return week == this_week or week <= first_week or made_up_by_skips


def week_counts(habit: Habit, entries: Mapping[dt.date, Entry], monday: dt.date) -> tuple[int, int]:
    """(done days, skipped days) in the ISO week that starts on `monday`."""
    done = skips = 0
    for offset in range(7):
        entry = entries.get(monday + dt.timedelta(days=offset))
        if entry is None:
            continue
        if entry.skipped:
            skips += 1
        elif is_done(habit, entry):
            done += 1
    return done, skips


def _weekly_runs(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> list[Run]:
    target = habit.schedule.per_week or 1
    first_week = monday_of(first_day(habit, entries, start))
    this_week = monday_of(today)
    builder = _RunBuilder()
    week = first_week
    while week <= this_week:
        done, skips = week_counts(habit, entries, week)
        if done >= target:
            builder.add(week)
        elif _week_bridges(week, this_week, first_week, done + skips >= target):
            pass
        else:
            builder.cut()
        week += ONE_WEEK
    return builder.finish()
