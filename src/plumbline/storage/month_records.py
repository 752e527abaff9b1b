"""One month file's records, decoded habit by habit when first asked for, or given by its digest.

Today's streak walk reads back only the habits whose run goes on, and a habit's history only
its own: decoding the other habits of each month file was most of their cost. Records are
checked as they are decoded, so a damaged one is reported by whoever reads it. A digest (the
month as readers need it, kept in the device's cache: month_digests.py) is checked the same way,
a habit's days and the pain records each when first asked for; a damaged cache is never
reported as a damaged data file: the month is read from its files instead.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plumbline.domain.entries import Entry
from plumbline.domain.pain import PainEntry
from plumbline.errors import DamagedDatabase
from plumbline.storage.checks import days_of, in_range, pain_from, record_fields, record_of
from plumbline.storage.record_merge import live_tags, plain_pain

PainLog = dict[dt.date, PainEntry]
Stamp = tuple[int, int, int, int]  # modification and change times, size, inode
Row = tuple[float, bool, str]  # a day's record: count, skipped, note
DONE: Row = (1, False, "")
SKIPPED: Row = (0, True, "")
SLOTS = {f"{day:02d}": day - 1 for day in range(1, 32)}  # a day's key in a month file -> its index
# A day in a digest (see `digest`): nothing, a rest day, a count of 0 to 9 without a note (done
# once is "1"), or a record given in full.
CODES: dict[str, Row | None] = {".": None, "s": SKIPPED, "o": None, **{str(n): (n, False, "") for n in range(10)}}


def file_stamp(path: Path | str) -> Stamp | None:
    """What changes whenever a file is written or replaced (None: not there, or not readable;
    the read that follows reports which)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino


class MonthRecords:
    def __init__(self, path: Path, data: dict[str, Any], month: str | None = None) -> None:
        self.path = path  # named in errors: the month's file (of this device, when several)
        self.month = month or path.stem  # "YYYY-MM", as check_month_file found it
        with record_of(path):
            first = in_range(dt.date.fromisoformat(f"{self.month}-01"))
        self.first = first.toordinal()
        self.length = ((first + dt.timedelta(days=31)).replace(day=1) - first).days if first.month < 12 else 31
        self._docs: dict[str, list[dict[str, Any]]] = {}
        with record_of(path):
            for doc in data.get("months", {}).values():
                self._docs.setdefault(doc["habit"], []).append(doc)
        self._pain_docs = list(data.get("pain", {}).values())
        self._ids = list(self._docs)
        self._rows: dict[str, list[Row | None]] = {}  # by_day's, each habit's decoded once
        self._coded: dict[str, tuple[str, dict[str, Any]]] = {}  # from a digest, not decoded yet
        self._sound: set[str] = set()  # the habits whose days in the digest were checked
        self._entries: dict[str, dict[dt.date, Entry]] = {}
        self._dates: list[dt.date] | None = None
        self._pains: PainLog | None = None
        self._files: Callable[[], MonthRecords] | None = None  # for a digest: the month from its files

    # -- digests: what readers need of a month, kept between runs (storage/month_digests.py) ---

    def digest(self) -> dict[str, Any]:
        """Each habit's days as `coded` gives them, and the pain records as they are: what a
        reader needs, without the stamps and tags only merging reads. Decodes every record, so
        a month that holds a damaged one raises DamagedDatabase and has no digest."""
        self.pains()
        habits = {}
        for habit_id in self._ids:
            code, full = self.coded(habit_id)
            habits[habit_id] = [code, {str(index): record for index, record in full.items()}]
        return {"habits": habits, "pain": self._pain_docs}

    def coded(self, habit_id: str) -> tuple[str, dict[int, Row]]:
        """The habit's days as one character each (see CODES; "o" for a record given in full)
        and those records by the day's index: what the CSV export writes its lines from."""
        coded = self._digest_of(habit_id)
        if coded is not None:
            code, full = coded
            return code, {int(key): (count, skipped, note) for key, (count, skipped, note) in full.items()}
        rows = self.by_day(habit_id)
        code = "".join(_code(row) for row in rows)
        return code, {index: row for index, row in enumerate(rows) if row is not None and code[index] == "o"}

    @classmethod
    def from_digest(cls, path: Path, month: str, digest: dict[str, Any],
                    files: Callable[[], MonthRecords]) -> MonthRecords:
        """The month as `digest` gave it; ValueError, TypeError, KeyError or AttributeError when
        it is not one (a cache damaged, or from elsewhere). A habit's days and the pain records
        are checked when first asked for: today's checklist asks for a few habits of most months
        it reads, and checking every habit and pain record was a third of its reading. If they
        turn out damaged, the cache is, and `files()` gives the month as its files hold it."""
        records = cls(path, {"pain": dict(enumerate(digest["pain"]))}, month)
        for habit_id, (code, full) in digest["habits"].items():
            if type(habit_id) is not str:
                raise ValueError(f"not a digest of {month}")
            records._coded[habit_id] = (code, full)
        records._ids = list(records._coded)
        records._files = files
        return records

    def _digest_of(self, habit_id: str) -> tuple[str, dict[str, Any]] | None:
        """The habit's days as the digest gave them, checked as a record is; None when the month
        was not given by a digest, or is read from its files since the digest proved damaged."""
        coded = self._coded.get(habit_id)
        if coded is None or habit_id in self._sound:
            return coded
        code, full = coded
        try:
            if type(code) is not str or len(code) != self.length or not set(code) <= CODES.keys() \
                    or code.count("o") != len(full):
                raise ValueError(f"not a digest of {self.month}")
            for index, fields in full.items():
                if not index.isdigit() or code[int(index)] != "o" or len(fields) != 3:
                    raise ValueError(f"not a digest of {self.month}")
                record_fields({"c": fields[0], "s": fields[1], "n": fields[2]})
        except (ValueError, TypeError, KeyError, AttributeError, DamagedDatabase):
            self._read_from_files()
            return None
        self._sound.add(habit_id)
        return coded

    def _read_from_files(self) -> None:
        """Become the month as its files hold it: the digest proved damaged. What was already
        given from the digest was checked, so it stands; the rest is decoded from the files."""
        assert self._files is not None
        read = self._files()
        self._files = None
        self._docs, self._pain_docs, self._ids = read._docs, read._pain_docs, read._ids
        self._coded, self._rows, self._entries, self._pains = {}, {}, {}, None

    def habits(self) -> list[str]:
        return list(self._ids)

    def first_days(self) -> dict[str, int]:
        """Each habit's first recorded day of the month (as an ordinal)."""
        firsts = {}
        for habit_id in self._ids:
            found = next((i for i, row in enumerate(self.by_day(habit_id)) if row is not None), None)
            if found is not None:
                firsts[habit_id] = self.first + found
        return firsts

    def entries(self, habit_id: str) -> dict[dt.date, Entry]:
        """The habit's records of the month (the kept dict: callers copy before changing it)."""
        entries = self._entries.get(habit_id)
        if entries is None:
            entries = {}
            days = self._days()
            for index, fields in enumerate(self.by_day(habit_id)):
                if fields is not None:
                    entries[days[index]] = Entry(days[index], *fields)
            self._entries[habit_id] = entries
        return entries

    def _days(self) -> list[dt.date]:
        if self._dates is None:
            self._dates = [dt.date.fromordinal(self.first + i) for i in range(self.length)]
        return self._dates

    def by_day(self, habit_id: str) -> list[Row | None]:
        """The habit's records as (count, skipped, note), the month's first day first (None for a
        day without one): checked as `entries` checks them, but without a date or an Entry for
        each, which an export of every record and day can do without."""
        found = self._rows.get(habit_id)
        if found is None:
            found = self._rows[habit_id] = self._decoded(habit_id)
        return found

    def _decoded(self, habit_id: str) -> list[Row | None]:
        coded = self._digest_of(habit_id)
        if coded is not None:
            code, full = coded
            rows = [CODES[c] for c in code]
            for key, (count, skipped, note) in full.items():
                rows[int(key)] = (count, skipped, note)
            return rows
        found: list[Row | None] = [None] * self.length
        with record_of(self.path):
            for doc in self._docs.get(habit_id, ()):
                if doc["month"] != self.month:
                    raise ValueError(f"a record of {doc['month']} in the file of {self.month}")
                for slot, record in doc.get("days", {}).items():
                    index = SLOTS.get(slot)
                    if index is None or index >= self.length:
                        index = int(slot) - 1  # "1" for "01" is still read
                        if not 0 <= index < self.length:
                            raise ValueError(f"day {slot!r} of {self.month} does not exist")
                    if not removed(record):
                        found[index] = _plain(record) or record_fields(record)
        return found

    def pains(self) -> PainLog:
        if self._pains is None:
            try:
                self._pains = self._decoded_pains()
            except DamagedDatabase:
                if self._files is None:
                    raise
                # A digest's damage is the cache's, never reported as the data file's (whose
                # remedy, a restore, would lose data): the files say what the pain records are.
                self._read_from_files()
                self._pains = self._decoded_pains()
        return self._pains

    def _decoded_pains(self) -> PainLog:
        pains: PainLog = {}
        with record_of(self.path):
            for doc in self._pain_docs:
                for day, record in days_of(doc):
                    shown = plain_pain(record) if _has_ids(record) else record
                    if shown is not None:
                        pains[day] = pain_from(day, shown)
        return pains


def _code(row: Row | None) -> str:
    if row is None:
        return "."
    count, skipped, note = row
    # `type() is int`: a count of 1.0 (Loop's) must come back as 1.0, not as 1.
    if type(count) is not int or note:
        return "o"
    if skipped:
        return "s" if count == 0 else "o"
    return str(count) if count <= 9 else "o"


def _plain(record: dict[str, Any]) -> Row | None:
    """The record's fields without the full check, for the shapes most records have: a count
    that is a whole number (a bool is not one), and a rest day as the store writes it (a
    device's record also holds its stamps and tags, which only merging reads)."""
    count = record.get("c")
    if type(count) is not int or count < 0:
        return None
    if "s" not in record and "n" not in record:
        return DONE if count == 1 else (count, False, "")
    return SKIPPED if count == 0 and record.get("s") is True and "n" not in record else None


def removed(record: dict[str, Any]) -> bool:
    """A device's record whose checks were all unchecked (record_merge.py). Only such records
    have "x": the others cost one lookup."""
    return "x" in record and not live_tags(record)


def _has_ids(record: dict[str, Any]) -> bool:
    readings = record.get("r")
    return isinstance(readings, list) and any(isinstance(r, dict) and ("i" in r or "d" in r) for r in readings)
