"""What makes a stored file readable: the checks every read and every write run on a file first.

A file that passes loads without surprise in every command and in the app. One that does not
is reported as DamagedDatabase naming it, and is never written over: a write reads its file
through the same checks before it changes anything.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from plumbline.domain.days import FIRST_DAY, LAST_DAY, clock_time
from plumbline.domain.entries import Entry
from plumbline.domain.pain import PainEntry, PainReading, valid_level
from plumbline.errors import DamagedDatabase
from plumbline.storage import state_keys
from plumbline.storage.stamps import is_stamp

# 2: one file per month, each with a `_meta` table; 3: pain days as readings (migrations.py);
# 4: each device writes its own files, records carry stamps (store.py). Files from before devices
# stay at 3 and are never written again.
SCHEMA_VERSION = 4
LEGACY_SCHEMA = 3


def month_meta(month: str, schema: int = SCHEMA_VERSION) -> dict[str, Any]:
    return {"schema": schema, "month": month}


def check_month_file(path: Path, month: str, data: dict[str, Any]) -> None:
    """Refuse a month file written by a newer plumbline or holding another month's records."""
    meta = data.get("_meta", {}).get("1")
    if meta is not None and not isinstance(meta.get("schema"), int):
        raise DamagedDatabase(f"entries file {path} has an unreadable schema version: restore a backup")
    if meta is None:
        if data:
            raise DamagedDatabase(f"entries file {path} does not say which month it holds: "
                                  "restore a backup or move it away")
        return
    if meta.get("schema", 0) > SCHEMA_VERSION:
        raise DamagedDatabase(f"entries file {path} was written by a newer plumbline (schema "
                              f"{meta.get('schema')}): update plumbline to read it")
    if meta.get("month") != month:
        raise DamagedDatabase(f"entries file {path} holds the month {meta.get('month')!r}, not {month}: "
                              f"rename it to {meta.get('month')}.json or restore a backup")


def check_month_records(path: Path, data: dict[str, Any]) -> None:
    """Every record of a month file, read as the commands read them."""
    with record_of(path):
        for doc in data.get("months", {}).values():
            if not isinstance(doc["habit"], str):
                raise TypeError("habit id is not text")
            for day, record in days_of(doc):
                entry_from(day, record)
                _check_entry_stamps(record)
        for doc in data.get("pain", {}).values():
            for day, record in days_of(doc):
                pain_from(day, record)
                for reading in record.get("r", ()):
                    _check_reading_stamps(reading)


TAG_PREFIXES = ("legacy", "import-")  # the ids that are not stamps: from before devices, and imports


def _check_entry_stamps(record: dict[str, Any]) -> None:
    stamps = [record["h"]] if "h" in record else []
    stamps += list(dict(record.get("t", {})).values())
    if not all(is_stamp(s) for s in stamps):
        raise ValueError(f"a record's stamps {stamps!r} are not stamps")
    for key in ("a", "x"):
        tags = record.get(key, [])
        if not isinstance(tags, list) or not all(is_stamp(t) or (isinstance(t, str) and t.startswith(TAG_PREFIXES))
                                                 for t in tags):
            raise ValueError(f"a record's tags {tags!r} are not stamps")


def _check_reading_stamps(reading: dict[str, Any]) -> None:
    reading_id, removed = reading.get("i"), reading.get("d")
    if reading_id is not None and not (is_stamp(reading_id) or (isinstance(reading_id, str)
                                                                and reading_id.startswith(TAG_PREFIXES))):
        raise ValueError(f"pain reading id {reading_id!r} is not an id")
    if removed is not None and not is_stamp(removed):
        raise ValueError(f"pain reading removal {removed!r} is not a stamp")


def check_meta(path: Path, meta: dict[str, Any]) -> None:
    """The state document: its fields have the types every command expects."""
    schema = meta.get(state_keys.SCHEMA, SCHEMA_VERSION)
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise DamagedDatabase(f"database file {path} has an unreadable schema version {schema!r}; it was "
                              "left as it is: open plumbline to restore a backup")
    with record_of(path):
        created = meta.get(state_keys.CREATED)
        if created is not None:
            in_range(dt.date.fromisoformat(created))
        archived = meta.get(state_keys.ARCHIVED, [])
        if not isinstance(archived, list) or not all(isinstance(a, str) for a in archived):
            raise TypeError("'archived' is not a list of habit ids")
        for key in (state_keys.HABIT_STARTS, state_keys.ARCHIVED_ON):
            for day in dict(meta.get(key, {})).values():
                in_range(dt.date.fromisoformat(day))
        kinds = ((state_keys.REMINDER_SETTINGS, dict), (state_keys.REMINDER_STATE, dict),
                 (state_keys.REMINDERS_SENT, list), (state_keys.ROUTINE_STOPS, list))
        for name, kind in kinds:
            if not isinstance(meta.get(name, kind()), kind):
                raise TypeError(f"{name!r} is not a {kind.__name__}")


@contextmanager
def record_of(path: Path) -> Iterator[None]:
    """Valid JSON holding a record that makes no sense is as damaged as a truncated file."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise DamagedDatabase(f"database file {path} holds a record that cannot be read ({error!r}); it was "
                              "left as it is: open plumbline to restore a backup") from None


def days_of(doc: dict[str, Any]) -> Iterator[tuple[dt.date, dict[str, Any]]]:
    year, month = map(int, doc["month"].split("-"))
    for slot, record in doc.get("days", {}).items():
        yield in_range(dt.date(year, month, int(slot))), record


def entry_from(day: dt.date, record: dict[str, Any] | None) -> Entry | None:
    if record is None:
        return None
    return Entry(day, *record_fields(record))


def record_fields(record: dict[str, Any]) -> tuple[float, bool, str]:
    """A day's record as (count, skipped, note), checked."""
    count, skipped, note = record.get("c", 0), record.get("s", False), record.get("n", "")
    # `type(...) is` rather than isinstance: ten years are 70,000 records, read on every review,
    # and a bool is not a count. A float count is Loop's (decimal targets); it must be finite.
    if not ((type(count) is int and count >= 0) or (type(count) is float and 0 <= count < math.inf)):
        raise ValueError(f"count {count!r} is not a number of 0 or more")
    if type(skipped) is not bool or type(note) is not str:
        raise TypeError("skip flag or note of the wrong type")
    return count, skipped, note


def pain_from(day: dt.date, record: dict[str, Any]) -> PainEntry:
    """A day of the pain log: {"r": [{"t": "HH:MM", "l": level, "n": note}, ...]}, or, as schema
    2 wrote it, one reading {"l": level, "n": note} with no time."""
    readings = record.get("r", [record])
    if not isinstance(readings, list) or not readings:
        raise ValueError("pain readings are not a list of readings")
    return PainEntry(day, tuple(_reading(raw) for raw in readings))


def _reading(raw: dict[str, Any]) -> PainReading:
    level, note, time, triggers = raw["l"], raw.get("n", ""), raw.get("t"), raw.get("g", [])
    if isinstance(level, bool) or not isinstance(level, int) or not valid_level(level) or not isinstance(note, str):
        raise ValueError(f"pain level {level!r} is not a whole number from 0 to 10")
    if not isinstance(triggers, list) or not all(isinstance(t, str) for t in triggers):
        raise TypeError("pain triggers are not a list of names")
    return PainReading(None if time is None else clock_time(time), level, note, tuple(triggers))


def in_range(day: dt.date) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"the day {day} is outside {FIRST_DAY}..{LAST_DAY}")
    return day
