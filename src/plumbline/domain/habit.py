"""What a habit is: its kind, its schedule and the words that explain it."""

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

# The built-in habit that posture-break reminders count toward and restart from.
POSTURE_HABIT = "posture-breaks"
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Also the order the checklist shows them in: sitting and standing first, sleep last.
CATEGORIES = ("posture", "movement", "mobility", "strength", "sleep", "other")


class Kind(StrEnum):
    DO = "do"
    AVOID = "avoid"  # checking it means a clean day
    COUNT = "count"  # a number to reach each day: at least the target
    LIMIT = "limit"  # a number to stay under each day: at most the target (a logged 0 is a good day)

    @property
    def numeric(self) -> bool:
        """A number is logged each day (decimals allowed, as Loop's), not a yes or no."""
        return self in (Kind.COUNT, Kind.LIMIT)


# NamedTuples, not dataclasses, here and in the rest of what `plumbline today` loads: importing
# `dataclasses` pulls in `inspect` and half the compiler (about 6 ms). And no `from __future__
# import annotations` in these modules: NamedTuple compiles each field's annotation given as a
# string, about 60 us a field, which added up to 3 ms across the record types.
class Schedule(NamedTuple):
    """Daily, N times per ISO week, or chosen weekdays (0 is Monday)."""

    per_week: int | None = None
    weekdays: frozenset[int] | None = None

    @classmethod
    def daily(cls) -> "Schedule":
        return cls()

    @property
    def is_weekly(self) -> bool:
        return self.per_week is not None

    def due_on(self, day: dt.date) -> bool:
        # An N-a-week habit is never due on a given day: its week is judged as a whole.
        if self.per_week is not None:
            return False
        if self.weekdays is not None:
            return day.weekday() in self.weekdays
        return True

    @classmethod
    def from_words(cls, text: str) -> "Schedule":
        """A schedule as a person types it: "daily", "3 a week", "mon wed fri", "weekdays"."""
        words = text.lower().replace(",", " ").replace("x", " ").split()
        if words in (["daily"], ["every", "day"]):
            return cls.daily()
        if words == ["weekdays"]:
            return cls(weekdays=frozenset(range(5)))
        if words == ["weekends"]:
            return cls(weekdays=frozenset({5, 6}))
        if words and words[0].isdecimal() and [w for w in words[1:] if w != "times"] in (["a", "week"], ["per", "week"], ["week"]):
            n = int(words[0])
            if 1 <= n <= 7:
                return cls(per_week=n)
            raise ValueError(f"'{text}': a week has room for 1 to 7 times")
        days = [w[:3] for w in words]
        if days and all(d in WEEKDAY_NAMES for d in days):
            return cls(weekdays=frozenset(WEEKDAY_NAMES.index(d) for d in days))
        raise ValueError(f"'{text}' is not a schedule: write daily, 3 a week, weekdays, or days like mon wed fri")

    def per_day(self) -> float:
        """Expected repetitions per day, the `freq` of the strength formula."""
        if self.per_week is not None:
            return self.per_week / 7
        return 1.0

    def describe(self) -> str:
        if self.per_week is not None:
            return "once a week" if self.per_week == 1 else f"{self.per_week} times a week"
        if self.weekdays is not None:
            days = sorted(self.weekdays)
            if days == [0, 1, 2, 3, 4]:
                return "weekdays"
            if days == [5, 6]:
                return "weekends"
            return ", ".join(WEEKDAY_NAMES[d].capitalize() for d in days)
        return "daily"


class Habit(NamedTuple):
    id: str
    name: str
    category: str
    kind: Kind
    schedule: Schedule = Schedule()
    target: float = 1  # count: at least this a day; limit: at most this (an int where whole)
    unit: str = ""
    done_label: str = ""
    time: dt.time | None = None
    why: str = ""
    how: str = ""
    cautions: tuple[str, ...] = ()
    order: int = 1000
    archived: bool = False
    custom: bool = False
    started: dt.date | None = None  # added after the data dir began (None: from its first day)

    @property
    def label_done(self) -> str:
        """How a checked day reads: an avoid habit says what was kept ("Kept knees uncrossed")."""
        return self.done_label or self.name
