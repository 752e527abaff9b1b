"""A day's record of one habit, and the status a day has for that habit."""

import datetime as dt
from typing import NamedTuple
from enum import StrEnum

from plumbline.domain.habit import Habit, Kind


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
    count: int = 0
    skipped: bool = False
    note: str = ""

    def reached(self, target: int) -> bool:
        return not self.skipped and self.count >= target


def checked(habit: Habit, entry: Entry | None, day: dt.date, amount: int = 1, note: str = "") -> Entry:
    """The entry after checking a habit: a count habit adds, a yes/no habit is simply done."""
    base = entry if entry is not None and not entry.skipped else Entry(day)
    count = base.count + amount if habit.kind is Kind.COUNT else 1
    return base._replace(count=count, skipped=False, note=note or base.note)


def decremented(entry: Entry | None) -> Entry | None:
    """A count habit one lower; reaching zero removes the record."""
    if entry is None or entry.skipped or entry.count <= 1:
        return None
    return entry._replace(count=entry.count - 1)


def skipped(entry: Entry | None, day: dt.date) -> Entry:
    return Entry(day, skipped=True, note=entry.note if entry else "")


def day_status(habit: Habit, entry: Entry | None, day: dt.date, today: dt.date, start: dt.date) -> Status:
    """The status of `day` as seen from `today`; days before `start` were never tracked."""
    if day > today:
        return Status.FUTURE
    if entry is not None and entry.skipped:
        return Status.SKIPPED
    if entry is not None and entry.reached(habit.target):
        return Status.DONE
    if not habit.schedule.due_on(day):
        return Status.NOT_DUE
    if day == today:
        return Status.PENDING
    return Status.NOT_DUE if day < start else Status.MISSED
