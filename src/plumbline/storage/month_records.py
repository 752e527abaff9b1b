"""One month file's records, decoded habit by habit when first asked for.

Today's streak walk reads back only the habits whose run goes on, and a habit's history only
its own: decoding the other habits of each month file was most of their cost. Records are
checked as they are decoded, so a damaged one is reported by whoever reads it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from plumbline.domain.entries import Entry
from plumbline.domain.pain import PainEntry
from plumbline.storage.checks import days_of, entry_from, pain_from, record_of

PainLog = dict[dt.date, PainEntry]
Stamp = tuple[int, int, int, int]  # modification and change times, size, inode


def file_stamp(path: Path) -> Stamp | None:
    """What changes whenever a file is written or replaced (None: not there, or not readable;
    the read that follows reports which)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino


class MonthRecords:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self._docs: dict[str, list[dict[str, Any]]] = {}
        with record_of(path):
            for doc in data.get("months", {}).values():
                self._docs.setdefault(doc["habit"], []).append(doc)
        self._pain_docs = list(data.get("pain", {}).values())
        self._entries: dict[str, dict[dt.date, Entry]] = {}
        self._pains: PainLog | None = None

    def habits(self) -> list[str]:
        return list(self._docs)

    def entries(self, habit_id: str) -> dict[dt.date, Entry]:
        """The habit's records of the month (the kept dict: callers copy before changing it)."""
        entries = self._entries.get(habit_id)
        if entries is None:
            entries = {}
            with record_of(self.path):
                for doc in self._docs.get(habit_id, ()):
                    for day, record in days_of(doc):
                        entries[day] = entry_from(day, record)  # type: ignore[assignment]
            self._entries[habit_id] = entries
        return entries

    def pains(self) -> PainLog:
        if self._pains is None:
            pains: PainLog = {}
            with record_of(self.path):
                for doc in self._pain_docs:
                    for day, record in days_of(doc):
                        pains[day] = pain_from(day, record)
            self._pains = pains
        return self._pains
