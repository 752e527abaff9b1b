"""Current and best streaks, by the rules of the contract.

Daily and chosen-weekday habits count done days; a skipped or not-due day bridges the run
without adding to it; a missed day breaks it; today while pending does not break it.
N-times-a-week habits count ISO weeks that met N, N-times-a-month habits calendar months; the
week or month in progress never breaks the run. An every-N-days habit is due again N days after
its last done day; the days between bridge.
"""

import datetime as dt
from collections.abc import Mapping
from operator import attrgetter
from typing import NamedTuple

from plumbline.domain.entries import Entry, Status, day_status, is_done
from plumbline.domain.habit import Habit, Kind, Schedule

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)


class Streaks(NamedTuple):
    current: int
    best: int
    unit: str  # "days", "weeks" or "months"

    @property
    def short_unit(self) -> str:
        """For a narrow column: d, w or mo."""
        return {"weeks": "w", "months": "mo"}.get(self.unit, "d")


class Run(NamedTuple):
    """One unbroken streak: its first and last done day (or week's Monday) and its length."""

    first: dt.date
    last: dt.date
    length: int
    ongoing: bool = False  # nothing has broken it up to today


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


# -- weeks and months alike: the period an N-times-a-week or N-times-a-month habit is judged by --


def period_start(schedule: Schedule, day: dt.date) -> dt.date:
    return monday_of(day) if schedule.per_week is not None else day.replace(day=1)


def next_period(schedule: Schedule, start: dt.date) -> dt.date:
    if schedule.per_week is not None:
        return start + ONE_WEEK
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def previous_period(schedule: Schedule, start: dt.date) -> dt.date:
    if schedule.per_week is not None:
        return start - ONE_WEEK
    return (start - ONE_DAY).replace(day=1)


def period_counts(habit: Habit, entries: Mapping[dt.date, Entry], start: dt.date,
                  until: dt.date | None = None) -> tuple[int, int]:
    """(done days, skipped days) in the week or month that begins on `start` (up to `until`)."""
    done = skips = 0
    day, end = start, next_period(habit.schedule, start)
    if until is not None:
        end = min(end, until + ONE_DAY)
    get = entries.get
    while day < end:
        entry = get(day)
        if entry is not None:  # most days of a few-times-a-week habit have none: no call for those
            if entry.skipped:
                skips += 1
            elif is_done(habit, entry):
                done += 1
        day += ONE_DAY
    return done, skips


def first_day(habit: Habit, entries: Mapping[dt.date, Entry], start: dt.date) -> dt.date:
    """Where a habit's history begins: the day it was added (`start` for the habits the data dir
    began with), or an earlier record of it (imported, back-filled). Each habit is judged from
    its own first day, so a habit added later is never missed on the days before it existed."""
    base = habit.started or start
    return min(base, min(entries, default=base))  # no list of every key: asked once a row and more


def streaks(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> Streaks:
    return streaks_of(habit, runs(habit, entries, today, start))


def streaks_of(habit: Habit, all_runs: list[Run]) -> Streaks:
    """Current and best from a habit's runs (see `runs`)."""
    current = all_runs[-1].length if all_runs and all_runs[-1].ongoing else 0
    best = max((r.length for r in all_runs), default=0)
    return Streaks(current, best, habit.schedule.period or "days")


def streaks_as_of(habit: Habit, entries: Mapping[dt.date, Entry], all_runs: list[Run], day: dt.date,
                  start: dt.date) -> Streaks:
    """Current and best as they stood on `day`, given the habit's runs as of a later today: the
    same as `streaks(habit, entries, day, start)`, without walking the whole history again (the
    weekly review asks this for each habit at every week it shows).

    The current run is a walk back from `day` (its cost is its length). A run of today's that
    ended before `day` (before its week or month) is either one that had ended by then too, or
    the one still going on `day`, which then has the same done days; so the best is the longer
    of the two."""
    from bisect import bisect_left  # only the review asks: an extension module `today` need not load

    current = current_streak(habit, entries, day, start).length
    edge = period_start(habit.schedule, day) if habit.schedule.period else day
    ended = bisect_left(all_runs, edge, key=attrgetter("last"))  # runs are oldest first
    best = max(current, max(map(attrgetter("length"), all_runs[:ended]), default=0))
    return Streaks(current, best, habit.schedule.period or "days")


class RecentEntries(dict[dt.date, Entry]):
    """A habit's records read from `known_from` on, not all of them: ten years need not be read to
    show a three-day streak. A streak that runs past `known_from` says so (`reaches_back`), and
    the caller reads further back and asks again."""

    def __init__(self, entries: Mapping[dt.date, Entry], known_from: dt.date) -> None:
        super().__init__(entries)
        self.known_from = known_from


def sure_from(habit: Habit, known_from: dt.date) -> dt.date:
    """The first day whose status records from `known_from` on decide: an every-N-days habit's
    day also looks back N-1 days for a done one (entries.is_due)."""
    return known_from + dt.timedelta(days=(habit.schedule.every_days or 1) - 1)


class CurrentStreak(NamedTuple):
    length: int
    unit: str
    # The run was still going where RecentEntries begin: read further back, ask again.
    reaches_back: bool = False


def current_streak(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> CurrentStreak:
    """The run that reaches today, walking back from today until it breaks.

    Cost follows the length of the run, not of the history, so the checklist can load only the
    recent years (RecentEntries).
    """
    known_from = entries.known_from if isinstance(entries, RecentEntries) else None
    if habit.schedule.period:
        return _periodic_current(habit, entries, today, start, known_from)
    begin = first_day(habit, entries, start)
    # With a partial history, walk past its edge (even below `begin`, which only knows the
    # loaded entries) so that a run still going there is reported, not cut short.
    edge = sure_from(habit, known_from) if known_from is not None else None
    bottom = min(begin, edge - ONE_DAY) if edge is not None else begin
    run, day = 0, today
    while day >= bottom:
        if edge is not None and day < edge:
            return CurrentStreak(run, "days", reaches_back=True)
        status = day_status(habit, entries.get(day), day, today, begin, entries)
        if status is Status.DONE:
            run += 1
        elif status is Status.MISSED:
            break
        day -= ONE_DAY
    return CurrentStreak(run, "days")


def _periodic_current(habit, entries, today, start, known_from) -> CurrentStreak:
    schedule = habit.schedule
    target, unit = schedule.per_period, schedule.period or "weeks"
    first = period_start(schedule, first_day(habit, entries, start))
    bottom = first
    if known_from is not None:
        bottom = min(first, previous_period(schedule, period_start(schedule, known_from)))
    this = period = period_start(schedule, today)
    run = 0
    while period >= bottom:
        if known_from is not None and period < known_from:
            return CurrentStreak(run, unit, reaches_back=True)
        done, skips = period_counts(habit, entries, period)
        if done >= target:
            run += 1
        elif not _period_bridges(period, this, first, done + skips >= target):
            break
        period = previous_period(schedule, period)
    return CurrentStreak(run, unit)


def runs(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> list[Run]:
    """Every streak of the habit's history, oldest first."""
    if habit.schedule.period:
        return _periodic_runs(habit, entries, today, start)
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
    every = habit.schedule.every_days or 1
    last_done = -every  # the day number of the last done day, for an every-N-days habit
    today_number = today.toordinal()
    for number in range(first_day(habit, entries, start).toordinal(), today_number + 1):
        entry = by_number.get(number)
        if entry is not None and entry.skipped:
            continue  # a rest day bridges
        if entry is not None and (entry.count <= target if at_most else entry.count >= target):
            builder.add(dt.date.fromordinal(number))
            last_done = number
        elif weekdays is not None and (number - 1) % 7 not in weekdays:
            continue  # not due (day 1 of the proleptic calendar is a Monday)
        elif number - last_done < every:
            continue  # not due yet: the last done day still covers it
        elif number != today_number:
            builder.cut()  # missed; today, still pending, breaks nothing
    return builder.finish()


def _period_bridges(period: dt.date, this: dt.date, first: dt.date, made_up_by_skips: bool) -> bool:
    """A week or month short of its target that still does not break the run: the one in
    progress, the first (only partly tracked) one or one before it, or one made up by rest days."""
    return period == this or period <= first or made_up_by_skips


def _periodic_runs(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> list[Run]:
    schedule = habit.schedule
    target = schedule.per_period
    first = period_start(schedule, first_day(habit, entries, start))
    this = period_start(schedule, today)
    builder = _RunBuilder()
    period = first
    while period <= this:
        done, skips = period_counts(habit, entries, period)
        if done >= target:
            builder.add(period)
        elif not _period_bridges(period, this, first, done + skips >= target):
            builder.cut()
        period = next_period(schedule, period)
    return builder.finish()
