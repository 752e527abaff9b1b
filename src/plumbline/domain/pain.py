"""The pain log: one level from 0 (none) to 10 (worst) per day, with an optional note."""

import datetime as dt
from typing import NamedTuple

PAIN_LEVELS = range(0, 11)


class PainEntry(NamedTuple):
    day: dt.date
    level: int
    note: str = ""


def valid_level(level: int) -> bool:
    return level in PAIN_LEVELS


def parse_level(text: str) -> int | None:
    """A level as typed ("4"), or None when it is not a whole number from 0 to 10."""
    text = text.strip()
    return int(text) if text.isdecimal() and valid_level(int(text)) else None
