"""Merging one record as several devices (and conflict copies) wrote it: a join that loses nothing.

A day's check-in, as a device file holds it:
    {"c": 2, "s": true, "n": "note", "t": {"c": stamp, "s": stamp, "n": stamp}, "a": [tag], "x": [tag]}
- the fields c (count), s (skipped) and n (note), each with the stamp of its last change in t:
  the latest change of each field wins, field by field;
- a: the tags (stamps) of the checks that made the record; x: the tags an uncheck removed. The
  record is there while one of its tags is not removed, so an uncheck removes only the checks
  its device had seen, and a check made elsewhere meanwhile stays (add wins).
A record from before devices has no t, a or x: it is there, with stamps older than any.

A pain day: {"r": [reading, ...]}, each reading {"i": id, "t": "HH:MM", "l": 4, "n": ..., "g": [...]}
and, once removed, "d": the stamp of its removal. Readings are never edited, only added and
removed, so merging is by id, and a removal is for good.

Every join here is commutative, associative and idempotent: any order of arrival, any duplicate
and any split of the records between files gives the same result.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

FIELDS = {"c": 0, "s": False, "n": ""}  # a check-in's fields and their values when not set
LEGACY_TAG = "legacy"  # what made a record from before devices


def tie_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def normal_entry(record: dict[str, Any]) -> dict[str, Any]:
    """A record from before devices in the shape devices write (a device's own record as it is)."""
    if "a" in record or "x" in record:
        return record
    return {**record, "a": [LEGACY_TAG]}


def join_entries(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    first, second = normal_entry(first), normal_entry(second)
    joined: dict[str, Any] = {}
    stamps: dict[str, str] = {}
    for field, default in FIELDS.items():
        candidates = [(r.get("t", {}).get(field, ""), tie_key(r.get(field, default)), r.get(field, default))
                      for r in (first, second)]
        stamp, _, value = max(candidates, key=lambda c: (c[0], c[1]))
        if value != default or field == "c":
            joined[field] = value
        if stamp:
            stamps[field] = stamp
    if stamps:
        joined["t"] = stamps
    joined["a"] = sorted({*first.get("a", ()), *second.get("a", ())})  # always there: a device's record
    removed = sorted({*first.get("x", ()), *second.get("x", ())})
    if removed:
        joined["x"] = removed
    return joined


def live_tags(record: dict[str, Any]) -> set[str]:
    record = normal_entry(record)
    return set(record.get("a", ())) - set(record.get("x", ()))


def max_stamp(record: dict[str, Any]) -> str:
    """The latest stamp a record holds: a change to it must come after this."""
    stamps = [*record.get("t", {}).values(), *record.get("a", ()), *record.get("x", ())]
    return max([s for s in stamps if s != LEGACY_TAG and not s.startswith(LEGACY_TAG)] + [""])


def plain_entry(record: dict[str, Any]) -> dict[str, Any] | None:
    """The record as a reader wants it ({"c", "s", "n"} as before devices), or None when removed."""
    if "x" in record or "a" in record:
        if not live_tags(record):
            return None
        return {"c": record.get("c", 0), **{field: record[field] for field in ("s", "n") if record.get(field)}}
    return record


def legacy_reading_id(reading: dict[str, Any], index: int) -> str:
    """An id for a reading from before devices: the same reading in two copies gets the same id."""
    digest = hashlib.sha256(f"{index}|{tie_key(reading)}".encode()).hexdigest()[:16]
    return f"{LEGACY_TAG}-{digest}"


def normal_pain(record: dict[str, Any]) -> dict[str, Any]:
    readings = record.get("r", [record])
    if all(isinstance(r, dict) and "i" in r for r in readings):
        return record
    return {"r": [r if "i" in r else {**r, "i": legacy_reading_id(r, index)} for index, r in enumerate(readings)]}


def join_pain(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    by_id: dict[str, dict[str, Any]] = {}
    for reading in [*normal_pain(first)["r"], *normal_pain(second)["r"]]:
        known = by_id.get(reading["i"])
        if known is None:
            by_id[reading["i"]] = reading
            continue
        removed = max(known.get("d", ""), reading.get("d", ""))
        content = max(known, reading, key=lambda r: tie_key({k: v for k, v in r.items() if k != "d"}))
        by_id[reading["i"]] = {**content, "d": removed} if removed else {k: v for k, v in content.items() if k != "d"}
    return {"r": sorted(by_id.values(), key=reading_order)}


def reading_order(reading: dict[str, Any]) -> tuple[bool, str, str]:
    """By time, untimed last (as domain/pain.py orders a day), then by id: the same in every join."""
    return reading.get("t") is None, reading.get("t") or "", reading["i"]


def plain_pain(record: dict[str, Any]) -> dict[str, Any] | None:
    """The day's readings that are not removed, as before devices; None when none are left."""
    readings = sorted(normal_pain(record)["r"], key=reading_order)  # as a join sorts them
    kept = [{k: v for k, v in r.items() if k not in ("i", "d")} for r in readings if not r.get("d")]
    return {"r": kept} if kept else None
