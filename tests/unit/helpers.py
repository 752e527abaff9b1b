"""Small builders for domain tests."""

from __future__ import annotations

import datetime as dt

from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit, Kind, Schedule


def habit(kind: Kind = Kind.DO, schedule: Schedule | None = None, target: int = 1, id: str = "h") -> Habit:
    return Habit(id=id, name=id, category="posture", kind=kind, schedule=schedule or Schedule.daily(), target=target)


def done_on(*days: dt.date, count: int = 1) -> dict[dt.date, Entry]:
    return {d: Entry(d, count=count) for d in days}


def days_from(start: dt.date, n: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(n)]
