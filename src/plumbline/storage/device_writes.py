"""What this device writes for a change: the difference from what every device has said.

store.py reads the joined record under the lock, then these work out the record to add to this
device's file (record_merge.py describes the shapes). Only what changed gets a new stamp, so a
field another device changed meanwhile is not overwritten with an old value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from plumbline.domain.days import clock_time
from plumbline.domain.entries import Entry
from plumbline.domain.pain import PainEntry, PainReading, with_reading
from plumbline.domain.routine_stops import RoutineStop
from plumbline.storage.checks import entry_from, pain_from
from plumbline.storage.record_merge import (
    FIELDS,
    content_id,
    live_tags,
    make_record,
    max_stamp,
    normal_pain,
    plain_entry,
    plain_pain,
    tie_key,
)
from plumbline.storage.stamps import Clock


def entry_record(entry: Entry) -> dict[str, Any]:
    record: dict[str, Any] = {"c": entry.count}
    if entry.skipped:
        record["s"] = True
    if entry.note:
        record["n"] = entry.note
    return record


def entry_delta(joined: dict[str, Any] | None, day: dt.date, change: Callable[[Entry | None], Entry | None],
                clock: Clock) -> tuple[dict[str, Any] | None, Entry | None]:
    """The record to join into this device's for `change`, or None when nothing changes; and the
    entry as it is after."""
    shown = plain_entry(joined) if joined is not None else None
    new = change(entry_from(day, shown))
    if new is None:
        tags = live_tags(joined) if joined is not None else set()
        return (make_record({}, set(), tags) if tags else None), None
    target = entry_record(new)
    # What the fields are now: a removed record's fields still count (a new check must not bring
    # back its old note), and a field left at its default needs no stamp. A changed field is set
    # even to its default ("n": ""), so that it wins over the older value.
    base = shown if shown is not None else (joined or {})
    changed = {field: target.get(field, default) for field, default in FIELDS.items()
               if base.get(field, default) != target.get(field, default) or (field == "c" and shown is None)}
    if not changed:
        return None, new
    stamp = clock.next([max_stamp(joined)] if joined is not None else [])
    # The stamp is also the change's tag: a day changed here stays, whatever uncheck elsewhere had not seen it.
    return make_record({field: (stamp, value) for field, value in changed.items()}, {stamp}, set()), new


def own_days(own: dict[str, Any], table: str, habit_id: str | None, month: str) -> dict[str, Any]:
    """The days of this device's document for the habit (or the pain log) in its month data."""
    docs = own.setdefault(table, {})
    key = f"{habit_id}|{month}" if habit_id is not None else month
    for known in docs.values():
        if known.get("key") == key:
            return known.setdefault("days", {})
    doc: dict[str, Any] = {"key": key, **({"habit": habit_id} if habit_id is not None else {}), "month": month, "days": {}}
    docs[str(max((int(i) for i in docs), default=0) + 1)] = doc
    return doc["days"]


def reading_record(reading: PainReading) -> dict[str, Any]:
    return {**({"t": f"{reading.time:%H:%M}"} if reading.time else {}), "l": reading.level,
            **({"n": reading.note} if reading.note else {}), **({"g": list(reading.triggers)} if reading.triggers else {})}


def pain_additions(day: dt.date, joined: dict[str, Any] | None, change: PainReading | PainEntry | None,
                   clock: Clock) -> tuple[list[dict[str, Any]], PainEntry]:
    """The readings to join into this device's day: a new one, or (to make the day's readings an
    entry's) removals of those not wanted and the wanted ones not there."""
    shown = plain_pain(joined) if joined is not None else None
    earlier = pain_from(day, shown) if shown is not None else None
    # A new reading replaces one at the same minute (domain/pain.py): the day becomes that entry.
    fresh = clock.next() if isinstance(change, PainReading) else None
    target = with_reading(earlier, day, change) if isinstance(change, PainReading) else change
    wanted = [reading_record(r) for r in target.readings] if target is not None else []
    missing = list(wanted)
    additions = []
    readings = normal_pain(joined)["r"] if joined is not None else []
    known = {r["i"] for r in readings}
    for reading in readings:
        content = {k: v for k, v in reading.items() if k not in ("i", "d")}
        if reading.get("d"):
            continue
        if content in missing:
            missing.remove(content)
        else:
            additions.append({**reading, "d": fresh or clock.next()})
    for index, content in enumerate(wanted):
        if content in missing:
            missing.remove(content)
            # An imported reading gets the same id wherever the file is imported: two devices agree.
            digest = content_id(f"{day}|{index}|{tie_key(content)}")
            # ...unless that id was removed before: a removal is for good, so it needs a new one.
            reading_id = fresh or f"import-{digest}"
            if reading_id in known:
                reading_id = clock.next()
            additions.append({"i": reading_id, **content})
    return additions, target if target is not None else PainEntry(day, ())


def routine_stop_record(stop: RoutineStop) -> dict[str, Any]:
    return {"day": stop.day.isoformat(), "time": f"{stop.time:%H:%M}", "routine": stop.routine, "step": stop.step}


def stop_from(record: dict[str, Any]) -> RoutineStop:
    return RoutineStop(dt.date.fromisoformat(record["day"]), clock_time(record["time"]), str(record["routine"]),
                       str(record["step"]))
