"""The report for a physical therapist: a period of whole ISO weeks, each habit's done/target per
week, the pain readings, the "this hurts" stops, the notes and what changed.

The week numbers are the weekly review's own (`week_review`), so they are the numbers
`plumbline week --json` prints for the same weeks; nothing here counts a week a second way.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from plumbline.domain.checklist import History, active_in_order
from plumbline.domain.entries import Entry, is_done
from plumbline.domain.habit import Habit
from plumbline.domain.pain import PainEntry, PainReading
from plumbline.domain.review import PainComparison, WeekReview, WeekRow, pain_comparison, week_review
from plumbline.domain.routine import Routine
from plumbline.domain.routine_stops import RoutineStop
from plumbline.domain.streaks import Streaks, monday_of, period_start, runs, streaks_as_of, streaks_of
from plumbline.domain.strength import strength

WEEK = dt.timedelta(days=7)
DEFAULT_WEEKS = 8
# Our limit: a week is a column of the habit table, and past half a year it no longer fits a page.
MAX_WEEKS = 26
# A pain reading logged this soon after a "this hurts" stop is taken as the one the stop asked for.
STOP_READING_MINUTES = 60


class Period(NamedTuple):
    """Whole ISO weeks: `start` is a Monday, `end` a Sunday."""

    start: dt.date
    end: dt.date

    @property
    def mondays(self) -> list[dt.date]:
        return [self.start + i * WEEK for i in range((self.end - self.start).days // 7 + 1)]

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def default_period(today: dt.date) -> Period:
    """The last DEFAULT_WEEKS weeks that are over: this week, not yet whole, is left out."""
    end = monday_of(today) - dt.timedelta(days=1)
    return Period(end - DEFAULT_WEEKS * WEEK + dt.timedelta(days=1), end)


def period_between(first: dt.date, last: dt.date) -> Period:
    """The whole weeks from the one holding `first` to the one holding `last`; ValueError names
    what is wrong (the CLI says it as bad input)."""
    if first > last:
        raise ValueError(f"--from {first} is after --to {last}: give the earlier day first")
    period = Period(monday_of(first), monday_of(last) + dt.timedelta(days=6))
    if len(period.mondays) > MAX_WEEKS:
        raise ValueError(f"{first} to {last} covers {len(period.mondays)} weeks; a report covers at most "
                         f"{MAX_WEEKS}: give a later --from or an earlier --to")
    return period


class HabitReport(NamedTuple):
    habit: Habit
    weeks: tuple[WeekRow | None, ...]  # None: a week after the habit was archived
    done: int  # check-ins that count toward a target (more than asked adds nothing)
    target: int
    streaks: Streaks  # as of the period's last day (or today)
    strength: float
    archived_on: dt.date | None = None

    @property
    def adherence(self) -> float | None:
        return self.done / self.target if self.target else None


class PainWeek(NamedTuple):
    start: dt.date
    levels: tuple[int, ...]  # every reading of the week

    @property
    def highest(self) -> int | None:
        return max(self.levels, default=None)

    @property
    def median(self) -> float | None:
        return statistics.median(self.levels) if self.levels else None


class StopLine(NamedTuple):
    stop: RoutineStop
    routine: str  # its name, or its id where the routine file is gone
    reading: PainReading | None  # the pain logged right after the stop, if any


class Note(NamedTuple):
    day: dt.date
    time: dt.time | None
    about: str  # the habit's name, or "Pain 4/10"
    text: str


class Change(NamedTuple):
    day: dt.date | None  # None: the data does not say when
    habit: Habit
    what: str  # "added", "archived"


class RoutineLine(NamedTuple):
    routine: Routine
    habit: Habit
    days_done: int  # the linked habit's done days: a finished routine checks it


class Report(NamedTuple):
    period: Period
    made: dt.date
    habits: tuple[HabitReport, ...]
    readings: tuple[tuple[dt.date, PainReading], ...]
    pain_weeks: tuple[PainWeek, ...]
    comparisons: tuple[PainComparison, ...]
    stops: tuple[StopLine, ...]
    notes: tuple[Note, ...]
    changes: tuple[Change, ...]
    routines: tuple[RoutineLine, ...]
    recorded: bool  # anything at all was recorded in the period

    @property
    def done(self) -> int:
        return sum(h.done for h in self.habits)

    @property
    def target(self) -> int:
        return sum(h.target for h in self.habits)

    @property
    def empty(self) -> bool:
        """Nothing recorded and nothing asked: the period is before plumbline was in use."""
        return not self.recorded and self.target == 0

    def days(self) -> list[dt.date]:
        return [self.period.start + dt.timedelta(days=i) for i in range((self.period.end - self.period.start).days + 1)]


class ReportSource(NamedTuple):
    """What a report reads, as the storage layer hands it over."""

    habits: Sequence[Habit]  # archived ones too
    history: History
    pain_log: Mapping[dt.date, PainEntry]
    start: dt.date  # the data dir's first day
    stops: Sequence[RoutineStop] = ()
    routines: Sequence[Routine] = ()
    archived_on: Mapping[str, dt.date] | None = None
    # Each habit's strength as of the period's end, where the caller has it already (the month
    # summaries give it without a walk over ten years); worked out from `history` otherwise.
    strengths: Mapping[str, float] | None = None


def build_report(source: ReportSource, period: Period, today: dt.date) -> Report:
    archived_on = source.archived_on or {}
    shown = _habits_shown(source, period, archived_on)
    weeks = _week_reviews(shown, source, period, today)
    habits = tuple(_habit_report(h, weeks, source, period, today, archived_on) for h in shown)
    readings = tuple((day, r) for day, entry in sorted(source.pain_log.items()) if period.holds(day)
                     for r in entry.readings)
    until = min(period.end, today)
    in_period = {d: e for d, e in source.pain_log.items() if period.holds(d)}
    comparisons = tuple(c for h in shown if (c := pain_comparison(h, source.history.get(h.id, {}), in_period, until)))
    stops = _stops(source, period)
    notes = _notes(shown, source, period, readings)
    recorded = bool(readings or stops or any(period.holds(d) for h in shown for d in source.history.get(h.id, {})))
    return Report(period, today, habits, readings, _pain_weeks(period, readings), comparisons, stops, notes,
                  _changes(source.habits, {h.id for h in shown}, period, archived_on), _routines(source, period),
                  recorded)


def _habits_shown(source: ReportSource, period: Period, archived_on: Mapping[str, dt.date]) -> list[Habit]:
    """The active habits, and the archived ones that were in use during the period: a record in
    it, or archived in it. They are judged as if active, so their weeks count as the review did."""
    shown = []
    for habit in source.habits:
        if habit.archived:
            entries = source.history.get(habit.id, {})
            day = archived_on.get(habit.id)
            if not (any(period.holds(d) for d in entries) or (day is not None and day >= period.start)):
                continue
        shown.append(habit._replace(archived=False))
    archived = {h.id for h in source.habits if h.archived}
    return [h._replace(archived=h.id in archived) for h in active_in_order(shown)]


def _week_reviews(habits: list[Habit], source: ReportSource, period: Period, today: dt.date) -> list[WeekReview]:
    """The review of each week, as `week --json` makes it. Streaks come from each habit's runs,
    worked out once (as the review screen does), rather than a walk of the whole history a week."""
    active = [h._replace(archived=False) for h in habits]
    all_runs = {h.id: runs(h, source.history.get(h.id, {}), today, source.start) for h in active}
    reviews = []
    for monday in period.mondays:
        if monday > today:
            break
        as_of = min(monday + dt.timedelta(days=6), today)
        known = {h.id: streaks_of(h, all_runs[h.id]) if as_of >= today
                 else streaks_as_of(h, source.history.get(h.id, {}), all_runs[h.id], as_of, source.start)
                 for h in active}
        reviews.append(week_review(active, source.history, source.pain_log, monday, today, source.start, known))
    return reviews


def _habit_report(habit: Habit, reviews: list[WeekReview], source: ReportSource, period: Period, today: dt.date,
                  archived_on: Mapping[str, dt.date]) -> HabitReport:
    entries = source.history.get(habit.id, {})
    gone = _archived_from(habit, entries, archived_on)
    weeks = tuple(None if gone is not None and review.start > gone else
                  next(r for r in review.rows if r.habit.id == habit.id) for review in reviews)
    counted = [w for w in weeks if w is not None]
    if habit.schedule.per_month is not None:
        # Each week shows its month so far: the month's last week in the period holds it whole.
        by_month = {period_start(habit.schedule, w.days[-1][0]): w for w in counted}
        counted = list(by_month.values())
    as_of = min(period.end, today)
    last = counted[-1].streaks if counted else Streaks(0, 0, habit.schedule.period or "days")
    return HabitReport(habit, weeks, sum(min(w.done, w.target) for w in counted), sum(w.target for w in counted),
                       last, _strength(habit, source, as_of), archived_on.get(habit.id))


def _strength(habit: Habit, source: ReportSource, as_of: dt.date) -> float:
    if source.strengths is not None and habit.id in source.strengths:
        return source.strengths[habit.id]
    return strength(habit, source.history.get(habit.id, {}), as_of, source.start)


def _archived_from(habit: Habit, entries: Mapping[dt.date, Entry], archived_on: Mapping[str, dt.date]) -> dt.date | None:
    """From when an archived habit no longer counts: the day it was archived, or, where that was
    not recorded, its last record (the weeks after it would otherwise all look missed)."""
    if not habit.archived:
        return None
    return archived_on.get(habit.id) or max(entries, default=None)


def _pain_weeks(period: Period, readings: Sequence[tuple[dt.date, PainReading]]) -> tuple[PainWeek, ...]:
    return tuple(PainWeek(monday, tuple(r.level for day, r in readings if monday <= day < monday + WEEK))
                 for monday in period.mondays)


def _stops(source: ReportSource, period: Period) -> tuple[StopLine, ...]:
    names = {r.id: r.name for r in source.routines}
    lines = []
    for stop in sorted(s for s in source.stops if period.holds(s.day)):
        lines.append(StopLine(stop, names.get(stop.routine, stop.routine), _reading_after(source, stop)))
    return tuple(lines)


def _reading_after(source: ReportSource, stop: RoutineStop) -> PainReading | None:
    """The hurt dialog logs its reading when answered, a moment after the stop."""
    entry = source.pain_log.get(stop.day)
    stopped = dt.datetime.combine(stop.day, stop.time)
    for reading in entry.readings if entry else ():
        if reading.time is not None and dt.timedelta(0) <= dt.datetime.combine(stop.day, reading.time) - stopped \
                <= dt.timedelta(minutes=STOP_READING_MINUTES):
            return reading
    return None


def _notes(habits: Sequence[Habit], source: ReportSource, period: Period,
           readings: Sequence[tuple[dt.date, PainReading]]) -> tuple[Note, ...]:
    notes = [Note(day, None, h.name, entry.note) for h in habits
             for day, entry in source.history.get(h.id, {}).items() if entry.note and period.holds(day)]
    notes += [Note(day, r.time, f"Pain {r.level}/10", r.note) for day, r in readings if r.note]
    # Date order; on one day, timed pain notes in time order, then the day's check-in notes.
    return tuple(sorted(notes, key=lambda n: (n.day, n.time is None, n.time or dt.time(), n.about)))


def _changes(habits: Sequence[Habit], shown: set[str], period: Period,
             archived_on: Mapping[str, dt.date]) -> tuple[Change, ...]:
    changes = [Change(h.started, h, "added") for h in habits if h.started and period.holds(h.started)]
    for habit in habits:
        day = archived_on.get(habit.id)
        if habit.archived and (period.holds(day) if day else habit.id in shown):
            changes.append(Change(day, habit, "archived"))
    return tuple(sorted(changes, key=lambda c: (c.day or dt.date.max, c.habit.name.lower())))


def _routines(source: ReportSource, period: Period) -> tuple[RoutineLine, ...]:
    habits = {h.id: h for h in source.habits}
    lines = []
    for routine in source.routines:
        habit = habits.get(routine.habit or "")
        if habit is not None:
            entries = source.history.get(habit.id, {})
            done = sum(1 for day, entry in entries.items() if period.holds(day) and is_done(habit, entry))
            lines.append(RoutineLine(routine, habit, done))
    return tuple(lines)
