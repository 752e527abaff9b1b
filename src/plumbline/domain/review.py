"""The weekly review: each habit's ISO week at a glance, the week's completion, and its pain."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from plumbline.domain.checklist import History, active_in_order
from plumbline.domain.entries import Entry, Status, day_status, is_done, is_due
from plumbline.domain.habit import Habit
from plumbline.domain.pain import PainEntry, PainReading
from plumbline.domain.streaks import Streaks, first_day, monday_of, next_period, period_counts, period_start, streaks

WEEK = 7
# Our choice, not a study's: a share of fewer check-ins than this says less than the counts do
# ("100%" from one back-filled check-in), so the week's percentage is shown only from here.
PERCENT_FROM = 10


class WeekRow(NamedTuple):
    habit: Habit
    days: tuple[tuple[dt.date, Status], ...]  # Monday first
    done: int
    target: int
    expected_so_far: int  # the part of the target that was due by today (all of it for a past week)
    streaks: Streaks

    @property
    def completion(self) -> float | None:
        """Done against what was due by now; None when nothing was due yet."""
        if self.expected_so_far == 0:
            return None
        return min(self.done, self.expected_so_far) / self.expected_so_far


class WeekReview(NamedTuple):
    start: dt.date
    end: dt.date
    rows: tuple[WeekRow, ...]
    pain: tuple[tuple[dt.date, int | None], ...]  # each day's highest reading
    readings: tuple[tuple[PainReading, ...], ...] = ()  # each day's readings, Monday first
    over: bool = True  # the week has ended (seen from today)

    @property
    def completion(self) -> float | None:
        scores = [r.completion for r in self.rows if r.completion is not None]
        return sum(scores) / len(scores) if scores else None

    @property
    def counted(self) -> tuple[WeekRow, ...]:
        """The rows judged by this week: a monthly habit's Done is its month's, kept apart."""
        return tuple(r for r in self.rows if r.habit.schedule.per_month is None)

    @property
    def done(self) -> int:
        """Check-ins of the week that count toward a target (more than a habit asks adds nothing)."""
        return sum(min(r.done, r.target) for r in self.counted)

    @property
    def target(self) -> int:
        """What the schedules ask of the whole week, a rest day asking one less."""
        return sum(r.target for r in self.counted)

    @property
    def share(self) -> float | None:
        """Done over target, only where it means something: a week that is over and asked for
        at least PERCENT_FROM check-ins."""
        if not self.over or self.target < PERCENT_FROM:
            return None
        return self.done / self.target

    @property
    def pain_average(self) -> float | None:
        levels = [level for _, level in self.pain if level is not None]
        return sum(levels) / len(levels) if levels else None


def week_review(
    habits: Sequence[Habit],
    history: History,
    pain_log: Mapping[dt.date, PainEntry],
    day: dt.date,
    today: dt.date,
    start: dt.date,
    streaks_by_habit: Mapping[str, Streaks] | None = None,
) -> WeekReview:
    """The ISO week holding `day`, seen from `today`. Streaks are as of the week's last day (or
    today, for this week); a caller moving from week to week passes them in, worked out from
    each habit's runs (streaks_as_of), so the whole history is not walked again each time."""
    monday = monday_of(day)
    days = [monday + dt.timedelta(days=i) for i in range(WEEK)]
    rows = []
    for habit in active_in_order(habits):
        entries = history.get(habit.id, {})
        known = streaks_by_habit.get(habit.id) if streaks_by_habit else None
        rows.append(_week_row(habit, entries, days, today, start, known))
    pain = tuple((d, pain_log[d].level if d in pain_log else None) for d in days)
    readings = tuple(pain_log[d].readings if d in pain_log else () for d in days)
    return WeekReview(monday, days[-1], tuple(rows), pain, readings, over=days[-1] < today)


def _week_row(habit, entries: Mapping[dt.date, Entry], days, today, start, known: Streaks | None) -> WeekRow:
    begin = first_day(habit, entries, start)
    statuses = tuple((d, day_status(habit, entries.get(d), d, today, begin, entries)) for d in days)
    done = sum(status is Status.DONE for _, status in statuses)
    schedule = habit.schedule
    # A week the habit was tracked only part of (it began mid-week, or a check-in was filled in
    # before the data dir began) asks only for its tracked part.
    tracked = [d for d in days if d >= begin]
    if schedule.per_week is not None:
        skips = sum(status is Status.SKIPPED for _, status in statuses)
        target = max(0, math.ceil(schedule.per_week * len(tracked) / WEEK) - skips)
        elapsed = sum(begin <= d <= today for d in days)  # tracked days of the week so far
        expected = min(target, math.ceil(target * elapsed / WEEK))
    elif schedule.per_month is not None:
        # Judged by the month: the one the week ends in, counted from its first day to the
        # week's end (or today), against the month's N.
        month, upto = period_start(schedule, days[-1]), min(days[-1], today)
        done, skips = period_counts(habit, entries, month, until=upto)
        target = max(0, schedule.per_month - skips)
        length = (next_period(schedule, month) - month).days
        expected = min(target, math.ceil(target * max(0, (upto - month).days + 1) / length))
    else:
        target = _due_days(habit, entries, tracked) - sum(s is Status.SKIPPED for _, s in statuses)
        expected = sum(s in (Status.DONE, Status.MISSED) for _, s in statuses)
    as_of = min(days[-1], today)
    return WeekRow(habit, statuses, done, max(target, 0), expected, known or streaks(habit, entries, as_of, start))


def _due_days(habit: Habit, entries: Mapping[dt.date, Entry], days: list[dt.date]) -> int:
    """How many of `days` the schedule asks for. An every-N-days habit is due again N days after
    each done day; on days still ahead, it is counted as if done whenever due."""
    if habit.schedule.every_days is None:
        return sum(habit.schedule.due_on(d) for d in days)
    assumed = dict(entries)
    due = 0
    for day in days:
        if is_due(habit, assumed, day):
            due += 1
            if day not in assumed:
                assumed[day] = Entry(day, habit.target)
    return due


class PainComparison(NamedTuple):
    """Average pain on days the habit was done versus days it was not: an association only."""

    habit: Habit
    with_habit: float
    without_habit: float
    days_with: int
    days_without: int

    @property
    def days(self) -> int:
        return self.days_with + self.days_without


MIN_DAYS_EACH_SIDE = 7


def pain_comparison(
    habit: Habit, entries: Mapping[dt.date, Entry], pain_log: Mapping[dt.date, PainEntry], until: dt.date
) -> PainComparison | None:
    """None unless at least MIN_DAYS_EACH_SIDE logged days fall on each side, so that a couple
    of days cannot make a difference look meaningful. Rest days and days the habit was not due
    belong to neither side."""
    with_habit: list[int] = []
    without: list[int] = []
    for day, pain in pain_log.items():
        if day > until:
            continue
        entry = entries.get(day)
        if is_done(habit, entry):
            with_habit.append(pain.level)
        elif (entry is None or not entry.skipped) and (habit.schedule.period or is_due(habit, entries, day)):
            without.append(pain.level)
    if len(with_habit) < MIN_DAYS_EACH_SIDE or len(without) < MIN_DAYS_EACH_SIDE:
        return None
    return PainComparison(habit, sum(with_habit) / len(with_habit), sum(without) / len(without),
                          len(with_habit), len(without))


def describe_total(review: WeekReview) -> str:
    """The week in counts, as Today gives them ("18 of 59 done so far"), the same numbers as
    `week --json`; a percentage only where `share` says it means something."""
    if review.target == 0:
        return "nothing asked this week"
    told = f"{review.done} of {review.target} done" + ("" if review.over else " so far")
    return told if review.share is None else f"{told} ({review.share:.0%})"


def describe_comparison(c: PainComparison) -> str:
    # Worded as what was observed together, never as cause and effect; the days are named by the
    # habit's done label ("Kept knees uncrossed") and "other days", so that no habit reads as a
    # double negative ("days without no crossing the knees").
    return (f'On "{c.habit.label_done}" days your pain averaged {c.with_habit:.1f} ({c.days_with} days); '
            f"on other days, {c.without_habit:.1f} ({c.days_without} days).")


# Shown once wherever comparisons are: they show what came together, and they lean one way.
COMPARISON_CAVEAT = (
    "These show what came together, not what caused what. They also lean one way: on a painful "
    "day you are told to stop exercising, so painful days tend to land among the other days and "
    "make them look worse."
)


def describe_too_few_days(habit: Habit) -> str:
    return (f'Not enough days with pain logged to compare "{habit.label_done}" days with other days '
            f"(it takes {MIN_DAYS_EACH_SIDE} of each).")
