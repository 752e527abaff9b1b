"""A day's checklist: every active habit with its status, streak and the week behind it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from plumbline.domain.entries import Entry, Status, day_status
from plumbline.domain.habit import CATEGORIES, Habit
from plumbline.domain.streaks import (
    CurrentStreak,
    RecentEntries,
    current_streak,
    first_day,
    period_counts,
    period_start,
    sure_from,
)

History = Mapping[str, Mapping[dt.date, Entry]]
STRIP_DAYS = 7


class ChecklistRow(NamedTuple):
    habit: Habit
    status: Status
    entry: Entry | None
    streak: CurrentStreak
    strip: tuple[Status, ...]  # the last seven days, oldest first, ending on the checklist's day
    period_done: int  # done days in the ISO week or month so far (what N-a-week/month habits are judged by)

    @property
    def counts_toward_today(self) -> bool:
        """Whether the row belongs in "k of n done": due today, or done today anyway."""
        return self.status is not Status.NOT_DUE


def habit_row(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> ChecklistRow:
    """The habit's row; `entries` may be RecentEntries (streaks.py), when older ones were not read."""
    begin = first_day(habit, entries, start)
    strip = tuple(
        day_status(habit, entries.get(day), day, today, begin, entries)
        for day in (today - dt.timedelta(days=back) for back in range(STRIP_DAYS - 1, -1, -1))
    )
    done, _ = period_counts(habit, entries, period_start(habit.schedule, today), until=today)
    return ChecklistRow(
        habit=habit,
        status=strip[-1],
        entry=entries.get(today),
        streak=current_streak(habit, entries, today, start),
        strip=strip,
        period_done=done,
    )


def needs_earlier_history(row: ChecklistRow, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> bool:
    """Whether a row worked out from RecentEntries could change with older records: its run goes
    on past the oldest day loaded, or its strip is not settled."""
    return row.streak.reaches_back or not strip_settled(row.habit, entries, today, start)


def strip_settled(habit: Habit, entries: Mapping[dt.date, Entry], today: dt.date, start: dt.date) -> bool:
    """Whether older records than `entries` hold would leave the strip as it is: it begins on or
    after the habit's first known day (an older, back-filled record would turn the days before
    from not counted into missed), and after the records that decide its days were read (an
    every-N-days habit looks back N-1 days)."""
    if not isinstance(entries, RecentEntries):
        return True  # everything was read
    strip_start = today - dt.timedelta(days=STRIP_DAYS - 1)
    return first_day(habit, entries, start) <= strip_start and sure_from(habit, entries.known_from) <= strip_start


def with_earlier_history(row: ChecklistRow, before: Mapping[dt.date, Entry], after: Mapping[dt.date, Entry],
                         today: dt.date, start: dt.date) -> ChecklistRow:
    """`row`, worked out from `before`, again from `after`, which reaches further back. The day,
    its record and its week or month lie within the weeks any first read covers, and the strip
    stands if it was settled: then only the run is walked again."""
    if strip_settled(row.habit, before, today, start):
        return row._replace(streak=current_streak(row.habit, after, today, start))
    return habit_row(row.habit, after, today, start)


def checklist(habits: Sequence[Habit], history: History, today: dt.date, start: dt.date) -> list[ChecklistRow]:
    """Rows for the active habits, grouped by category, in library order within each."""
    return [habit_row(h, history.get(h.id, {}), today, start) for h in active_in_order(habits)]


def active_in_order(habits: Sequence[Habit]) -> list[Habit]:
    return sorted((h for h in habits if not h.archived), key=_checklist_order)


def progress(rows: Sequence[ChecklistRow]) -> tuple[int, int]:
    """(done, due) for the header's "k of n done"."""
    counted = [r for r in rows if r.counts_toward_today]
    return sum(r.status is Status.DONE for r in counted), len(counted)


def _checklist_order(habit: Habit) -> tuple[int, int, str]:
    rank = CATEGORIES.index(habit.category) if habit.category in CATEGORIES else len(CATEGORIES)
    return rank, habit.order, habit.name.lower()
