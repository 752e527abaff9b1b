"""The pain log: one level from 0 (none) to 10 (worst) per day, with an optional note."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PAIN_LEVELS = range(0, 11)


@dataclass(frozen=True)
class PainEntry:
    day: dt.date
    level: int
    note: str = ""


def valid_level(level: int) -> bool:
    return level in PAIN_LEVELS
