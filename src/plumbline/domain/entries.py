"""A day's record of one habit, and the status a day has for that habit."""

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import NamedTuple

from plumbline.domain.habit import Habit, Kind

MAX_COUNT = 100_000  # the most a day's number (or a target) may be: beyond it, a typing slip


class Status(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"  # a planned rest day
    MISSED = "missed"  # due, past, not done
    PENDING = "pending"  # today, due, not done yet
    NOT_DUE = "not_due"
    FUTURE = "future"


class Entry(NamedTuple):
    """What was recorded for one habit on one day. No entry at all means nothing was recorded.

    A NamedTuple rather than a dataclass: ten years of history are tens of thousands of these,
    and a tuple is several times cheaper to build than a frozen dataclass.
    """

    day: dt.date
    # A yes/no habit: 1; a numeric one: the day's number (an int where whole). The field hides
    # tuple.count(), which nothing calls on an entry.
    count: float = 0  # type: ignore[assignment]
    skipped: bool = False
    note: str = ""


def is_done(habit: Habit, entry: Entry | None) -> bool:
    """Whether the day's record meets the habit: a limit habit is met at or under its target."""
    if entry is None or entry.skipped:
        return False
    if habit.kind is Kind.LIMIT:
        return entry.count <= habit.target
    return entry.count >= habit.target


def checked(habit: Habit, entry: Entry | None, day: dt.date, amount: float = 1, note: str = "") -> Entry:
    """The entry after checking a habit: a numeric habit adds, a yes/no habit is simply done."""
    base = entry if entry is not None and not entry.skipped else Entry(day)
    count = whole(base.count + amount) if habit.kind.numeric else 1
    return base._replace(count=count, skipped=False, note=note or base.note)


def decremented(entry: Entry | None) -> Entry | None:
    """A count habit one lower; reaching zero removes the record."""
    if entry is None or entry.skipped or entry.count <= 1:
        return None
    return entry._replace(count=whole(entry.count - 1))


def checked_count(value: object) -> float | None:
    """`value` as a day's number or a target (0 to MAX_COUNT, decimals kept), or None when it is
    not one: a bool, a text, nan, inf, below 0 or past the most."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= MAX_COUNT:
        return None
    return whole(value)


def whole(number: float) -> float:
    """An int where the number is whole, so 3 reads and stores as 3, not 3.0; decimals to 3
    places, as fine as Loop keeps them (thousandths)."""
    rounded = round(number, 3)
    return int(rounded) if rounded == int(rounded) else rounded


def skipped(entry: Entry | None, day: dt.date) -> Entry:
    return Entry(day, skipped=True, note=entry.note if entry else "")


def is_due(habit: Habit, entries: Mapping[dt.date, Entry], day: dt.date) -> bool:
    """Whether the schedule asks for the habit on `day`: the calendar, and for an every-N-days
    habit, no done day in the N-1 days before it."""
    every = habit.schedule.every_days
    if every is None:
        return habit.schedule.due_on(day)
    return not any(is_done(habit, entries.get(day - dt.timedelta(days=back))) for back in range(1, every))


def day_status(habit: Habit, entry: Entry | None, day: dt.date, today: dt.date, start: dt.date,
               entries: Mapping[dt.date, Entry] | None = None) -> Status:
    """The status of `day` as seen from `today`; days before `start` were never tracked.
    `entries` (the habit's records) are needed for an every-N-days habit."""
    if day > today:
        return Status.FUTURE
    if entry is not None and entry.skipped:
        return Status.SKIPPED
    if is_done(habit, entry):
        return Status.DONE
    if not is_due(habit, entries or {}, day):
        return Status.NOT_DUE
    if day == today:
        return Status.PENDING
    return Status.NOT_DUE if day < start else Status.MISSED
