"""What a habit is: its kind, its schedule and the words that explain it."""

import datetime as dt
import re
from collections.abc import Collection
from enum import StrEnum
from typing import NamedTuple

# The built-in habit that posture-break reminders count toward and restart from.
POSTURE_HABIT = "posture-breaks"
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Also the order the checklist shows them in: sitting and standing first, sleep last.
CATEGORIES = ("posture", "movement", "mobility", "strength", "sleep", "other")


def new_id(name: str, taken: Collection[str], fallback: str = "habit") -> str:
    """An id for a new habit or routine, made from its name: lowercase ASCII letters and digits
    joined by dashes (`fallback` for a name with none of them), then -2, -3... until no id in
    `taken` is the same."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class Kind(StrEnum):
    DO = "do"
    AVOID = "avoid"  # checking it means a clean day
    COUNT = "count"  # a number to reach each day: at least the target
    LIMIT = "limit"  # a number to stay under each day: at most the target (a logged 0 is a good day)

    @property
    def numeric(self) -> bool:
        """A number is logged each day (decimals allowed, as Loop's), not a yes or no."""
        return self in (Kind.COUNT, Kind.LIMIT)


# Every record in the domain is a NamedTuple (one style): importing `dataclasses` pulls in
# `inspect` and half the compiler (about 6 ms), which `plumbline today` would pay. And no
# `from __future__ import annotations` in the modules `today` loads: NamedTuple compiles each
# field's annotation given as a string, about 60 us a field, 3 ms across the record types.
class Schedule(NamedTuple):
    """How often a habit is asked for: daily, chosen weekdays (0 is Monday), N times per ISO
    week, N times per calendar month, or every N days (after a done day, the next N-1 are free).
    These are Loop Habit Tracker's frequencies too: 3/7, 2/30 and 1/3 in its terms."""

    per_week: int | None = None
    weekdays: frozenset[int] | None = None
    per_month: int | None = None
    every_days: int | None = None

    @classmethod
    def daily(cls) -> "Schedule":
        return cls()

    @property
    def is_weekly(self) -> bool:
        return self.per_week is not None

    @property
    def period(self) -> str | None:
        """"weeks" or "months" for a habit judged over a week or month as a whole, else None."""
        if self.per_week is not None:
            return "weeks"
        return "months" if self.per_month is not None else None

    @property
    def per_period(self) -> int:
        return self.per_week or self.per_month or 1

    def due_on(self, day: dt.date) -> bool:
        """What the calendar alone says. A habit judged per week or month is never due on a given
        day; an every-N-days habit also depends on its last done day (`entries.is_due`)."""
        if self.per_week is not None or self.per_month is not None:  # self.period, without its call: asked of every day walked
            return False
        if self.weekdays is not None:
            return day.weekday() in self.weekdays
        return True

    @classmethod
    def from_words(cls, text: str) -> "Schedule":
        """As a person types it: "daily", "3 a week", "2 times a month", "every 3 days", "mon wed fri"."""
        words = text.lower().replace(",", " ").replace("x", " ").split()
        if words in (["daily"], ["every", "day"]):
            return cls.daily()
        if words == ["weekdays"]:
            return cls(weekdays=frozenset(range(5)))
        if words == ["weekends"]:
            return cls(weekdays=frozenset({5, 6}))
        if len(words) == 3 and words[0] == "every" and words[1].isdecimal() and words[2] == "days":
            n = int(words[1])
            if 2 <= n <= 365:
                return cls(every_days=n)
            raise ValueError(f"'{text}': give every 2 to every 365 days (every 1 day is daily)")
        counted = [w for w in words[1:] if w != "times"] if words and words[0].isdecimal() else []
        if counted in (["a", "week"], ["per", "week"], ["week"]):
            n = int(words[0])
            if 1 <= n <= 7:
                return cls(per_week=n)
            raise ValueError(f"'{text}': a week has room for 1 to 7 times")
        if counted in (["a", "month"], ["per", "month"], ["month"]):
            n = int(words[0])
            if 1 <= n <= 28:
                return cls(per_month=n)
            raise ValueError(f"'{text}': give 1 to 28 times a month (every month has 28 days)")
        days = [w[:3] for w in words]
        if days and all(d in WEEKDAY_NAMES for d in days):
            return cls(weekdays=frozenset(WEEKDAY_NAMES.index(d) for d in days))
        raise ValueError(f"'{text}' is not a schedule: write daily, 3 a week, 2 a month, every 3 days, "
                         "weekdays, or days like mon wed fri")

    def per_day(self) -> float:
        """Expected repetitions per day, the `freq` of the strength formula (Loop's num/den)."""
        if self.per_week is not None:
            return self.per_week / 7
        if self.per_month is not None:
            return self.per_month / 30
        if self.every_days is not None:
            return 1 / self.every_days
        return 1.0

    def describe(self) -> str:
        if self.per_week is not None:
            return "once a week" if self.per_week == 1 else f"{self.per_week} times a week"
        if self.per_month is not None:
            return "once a month" if self.per_month == 1 else f"{self.per_month} times a month"
        if self.every_days is not None:
            return f"every {self.every_days} days"
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
