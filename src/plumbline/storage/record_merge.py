"""Merging one record as several devices (and conflict copies) wrote it: a join that loses nothing.

A day's check-in, as a device file holds it (most are just {"c": 1, "h": stamp}):
    {"c": 2, "s": true, "n": "note", "h": stamp, "t": {"n": stamp}, "a": [tag], "x": [tag]}
- the fields c (count), s (skipped) and n (note) that the device set; each was changed at h, or
  at its own stamp in t: the latest change of each field wins, field by field;
- the tags of the changes that keep the day: h, and any in a. An uncheck records the tags it saw
  in x. The record is there while one of its tags is not in an x, so an uncheck removes only
  what its device had seen, and a check (or any change to the day) made elsewhere meanwhile
  stays: add wins.
A record from before devices has none of h, t, a or x: it is there, with stamps older than any.

A pain day: {"r": [reading, ...]}, each reading {"i": id, "t": "HH:MM", "l": 4, "n": ..., "g": [...]}
and, once removed, "d": the stamp of its removal. Readings are never edited, only added and
removed, so merging is by id, and a removal is for good.

Every join here is commutative, associative and idempotent: any order of arrival, any duplicate
and any split of the records between files gives the same result.
"""

from __future__ import annotations

import json
from typing import Any

FIELDS = {"c": 0, "s": False, "n": ""}  # a check-in's fields and their values when not set
LEGACY_TAG = "legacy"  # what made a record from before devices


def tie_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


Fields = dict[str, tuple[str, Any]]  # field -> (stamp, value), for the fields a record sets


def content_id(text: str) -> str:
    """16 hex digits that only this text gives: the same record in two copies gets the same id."""
    import hashlib  # here: loading OpenSSL costs a short command milliseconds it does not need

    return hashlib.sha256(text.encode()).hexdigest()[:16]


def is_device_record(record: dict[str, Any]) -> bool:
    return "h" in record or "t" in record or "a" in record or "x" in record


def fields_of(record: dict[str, Any]) -> Fields:
    stamp, own = record.get("h", ""), record.get("t", {})
    return {field: (own.get(field, stamp), record[field]) for field in FIELDS if field in record}


def tags_of(record: dict[str, Any]) -> set[str]:
    if not is_device_record(record):
        return {LEGACY_TAG}
    tags = set(record.get("a", ()))
    if record.get("h"):
        tags.add(record["h"])
    return tags


def make_record(fields: Fields, tags: set[str], removed: set[str]) -> dict[str, Any]:
    """The compact record: h is the latest stamp, so a record written once carries one stamp."""
    stamps = [stamp for stamp, _ in fields.values() if stamp]
    latest = max(stamps, default="")
    record: dict[str, Any] = {field: value for field, (_, value) in fields.items()}
    if latest:
        record["h"] = latest
    own = {field: stamp for field, (stamp, _) in fields.items() if stamp != latest}
    if own:
        record["t"] = own
    extra = sorted(tags - removed - {latest})
    if extra and (latest or removed or extra != [LEGACY_TAG]):
        record["a"] = extra
    if removed:
        record["x"] = sorted(removed)
    return record


def join_entries(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    fields = fields_of(first)
    for field, candidate in fields_of(second).items():
        known = fields.get(field)
        if known is None or (candidate[0], tie_key(candidate[1])) > (known[0], tie_key(known[1])):
            fields[field] = candidate
    removed = set(first.get("x", ())) | set(second.get("x", ()))
    return make_record({f: fields[f] for f in FIELDS if f in fields}, tags_of(first) | tags_of(second), removed)


def live_tags(record: dict[str, Any]) -> set[str]:
    return tags_of(record) - set(record.get("x", ()))


def max_stamp(record: dict[str, Any]) -> str:
    """The latest stamp a record holds: a change to it must come after this."""
    stamps = [stamp for stamp, _ in fields_of(record).values()] + [*record.get("a", ()), *record.get("x", ())]
    return max([s for s in stamps if not s.startswith(LEGACY_TAG)] + [""])


def plain_entry(record: dict[str, Any]) -> dict[str, Any] | None:
    """The record as a reader wants it ({"c", "s", "n"} as before devices), or None when removed."""
    if is_device_record(record):
        if not live_tags(record):
            return None
        return {"c": record.get("c", 0), **{field: record[field] for field in ("s", "n") if record.get(field)}}
    return record


def legacy_reading_id(reading: dict[str, Any], index: int) -> str:
    """An id for a reading from before devices: the same reading in two copies gets the same id."""
    digest = content_id(f"{index}|{tie_key(reading)}")
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
