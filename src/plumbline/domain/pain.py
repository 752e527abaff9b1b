"""The pain log: readings from 0 (none) to 10 (worst), as many a day as pain comes, each with its
time (when known) and an optional note. The day's figure, in the review and its comparisons, is
its highest reading."""

import datetime as dt
from typing import NamedTuple

PAIN_LEVELS = range(0, 11)
# What brought the pain on, as the articles name the movements that often make SI pain worse:
# getting up after sitting, lying on the sore side, stiffness after rest (on waking), long
# sitting, and bending forward with a twist. Key (for the CLI) -> how it reads.
TRIGGERS = {
    "sitting": "long sitting",
    "standing-up": "getting up from sitting",
    "lying": "lying on the sore side",
    "waking": "on waking",
    "bending": "bending and twisting",
}


class PainReading(NamedTuple):
    time: dt.time | None  # None: logged for a past day without a time
    level: int
    note: str = ""
    triggers: tuple[str, ...] = ()  # keys of TRIGGERS


class PainEntry(NamedTuple):
    """One day's pain: its readings in time order (those without a time last)."""

    day: dt.date
    readings: tuple[PainReading, ...]

    @property
    def level(self) -> int:
        return max(r.level for r in self.readings)

    @property
    def note(self) -> str:
        return "; ".join(r.note for r in self.readings if r.note)


def one_reading(day: dt.date, level: int, note: str = "", time: dt.time | None = None) -> PainEntry:
    return PainEntry(day, (PainReading(time, level, note),))


def with_reading(entry: PainEntry | None, day: dt.date, reading: PainReading) -> PainEntry:
    """The day with `reading` added; a reading at the same minute replaces the one there."""
    kept = [r for r in (entry.readings if entry else ()) if r.time is None or r.time != reading.time]
    readings = sorted([*kept, reading], key=lambda r: (r.time is None, r.time or dt.time()))
    return PainEntry(day, tuple(readings))


def valid_level(level: int) -> bool:
    return level in PAIN_LEVELS


def parse_level(text: str) -> int | None:
    """A level as typed ("4"), or None when it is not a whole number from 0 to 10."""
    text = text.strip()
    return int(text) if text.isdecimal() and valid_level(int(text)) else None
