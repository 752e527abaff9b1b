"""The damage shapes the sweep runs: each puts one kind of damage into a data dir that holds a
week of check-ins, and returns the path it damaged. Named for what a user could find on disk.

"database" and "month" are this device's state file and its file of November; the "legacy"
shapes damage the files of a data dir from before devices, which are still read, so still ours."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from plumbline.storage.locations import Locations
from tests.conftest import MONDAY

Damage = Callable[[Path], Path]
Place = Callable[[Locations], Path]


def database(here: Locations) -> Path:
    return here.database


def month(here: Locations) -> Path:
    return here.entries_file(MONDAY)


def legacy_database(here: Locations) -> Path:
    return here.legacy_database


def legacy_month(here: Locations) -> Path:
    return here.entries_dir / "2026-11.json"


def _database(text: bytes | str, where: Place = database) -> Damage:
    def damage(data_dir: Path) -> Path:
        path = where(Locations(data_dir))
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return path

    return damage


def _meta(**fields) -> Damage:
    """One setting of this device's state file given a value of the wrong kind (its schema, in _meta)."""
    def change(data: dict) -> None:
        records = data["state"]["1"]
        stamp = records["created"][0]
        for name, value in fields.items():
            if name == "schema":
                data["_meta"]["1"]["schema"] = value
            else:
                records[name] = [stamp, value]

    return _month(change, database)


def _legacy_meta(**fields) -> Damage:
    return _database(json.dumps({"meta": {"1": {"schema": 2, "created": "2026-11-01", "notice_seen": True, **fields}}}),
                     legacy_database)


def _month(change: Callable[[dict], object] | bytes, where: Place = month) -> Damage:
    def damage(data_dir: Path) -> Path:
        path = where(Locations(data_dir))
        if isinstance(change, bytes):
            path.write_bytes(change)
        else:
            data = json.loads(path.read_text())
            change(data)
            path.write_text(json.dumps(data))
        return path

    return damage


def _record(**fields) -> Damage:
    def change(data: dict) -> None:
        doc = next(iter(data["months"].values()))
        next(iter(doc["days"].values())).update(fields)

    return _month(change)


def _doc(**fields) -> Damage:
    return _month(lambda data: next(iter(data["months"].values())).update(fields))


def _pain_reading(data: dict) -> dict:
    """The first reading of the day's pain, as schema 3 writes it ({"r": [{"l": ...}]})."""
    return next(iter(data["pain"].values()))["days"]["23"]["r"][0]


def _pain(**fields) -> Damage:
    return _month(lambda data: _pain_reading(data).update(fields))


def _replace_with(make: Callable[[Path], None], where: Place) -> Damage:
    def damage(data_dir: Path) -> Path:
        path = where(Locations(data_dir))
        if path.is_dir():
            import shutil

            shutil.rmtree(path)
        elif os.path.lexists(path):
            path.unlink()
        make(path)
        return path

    return damage


def _month_named(name: str, month: str) -> Damage:
    """A month file from before devices: only a plumbline from before the dates were checked wrote one."""
    def damage(data_dir: Path) -> Path:
        path = data_dir / "entries" / f"{name}.json"
        path.write_text(json.dumps({"_meta": {"1": {"schema": 2, "month": month}}, "months": {"1": {
            "key": f"core-work|{month}", "habit": "core-work", "month": month, "days": {"01": {"c": 1}}}}}))
        return path

    return damage


SHAPES: dict[str, Damage] = {
    "database truncated": _database('{"meta": {"1": {"schema": 2, "crea'),
    "database empty": _database(b""),
    "database binary": _database(b"\x00\xff\xfe garbage"),
    "database not UTF-8": _database(b'{"meta": {"1": {"schema": 2, "n": "\xff"}}}'),
    "database a list": _database("[]"),
    "database null": _database("null"),
    "database table a list": _database('{"meta": []}'),
    "database document a number": _database('{"meta": {"1": 5}}'),
    "schema a string": _meta(schema="2"),
    "schema from the future": _meta(schema=99),
    "created a number": _meta(created=5),
    "created not a date": _meta(created="last tuesday"),
    "created in the year 500": _meta(created="0500-06-01"),
    "archived a string": _meta(archived="core-work"),
    "reminder settings a list": _meta(reminder_settings=[]),
    "reminder state a number": _meta(reminder_state=7),
    "reminders sent a dict": _meta(reminders_sent={}),
    "database a folder": _replace_with(lambda p: p.mkdir(), database),
    "database a dangling link": _replace_with(lambda p: p.symlink_to("gone.json"), database),
    "database a looping link": _replace_with(lambda p: p.symlink_to(p.name), database),
    "database a FIFO": _replace_with(lambda p: os.mkfifo(p), database),
    "legacy database truncated": _database('{"meta": {"1": {"schema": 2, "crea', legacy_database),
    "legacy database a list": _database("[]", legacy_database),
    "legacy schema from the future": _legacy_meta(schema=99),
    "legacy created not a date": _legacy_meta(created="last tuesday"),
    "legacy database a dangling link": _replace_with(lambda p: p.symlink_to("gone.json"), legacy_database),
    "month truncated": _month(b'{"_meta": {"1": {"schema": 2, "mon'),
    "month binary": _month(b"\x00\x01\x02"),
    "month without _meta": _month(lambda data: data.pop("_meta")),
    "month _meta of another month": _month(lambda data: data["_meta"]["1"].update(month="2026-10")),
    "month schema a string": _month(lambda data: data["_meta"]["1"].update(schema="2")),
    "month from the future": _month(lambda data: data["_meta"]["1"].update(schema=9)),
    "count a string": _record(c="abc"),
    "count null": _record(c=None),
    "count negative": _record(c=-3),
    "count a list": _record(c=[1]),
    "skip flag a string": _record(s="yes"),
    "note a number": _record(n=12),
    "days a list": _doc(days=[]),
    "day 32": _doc(days={"32": {"c": 1}}),
    "day not a number": _doc(days={"x1": {"c": 1}}),
    "record a number": _doc(days={"01": 1}),
    "month key missing": _month(lambda data: next(iter(data["months"].values())).pop("month")),
    "month key malformed": _doc(month="November"),
    "habit a number": _doc(habit=5),
    "pain level a string": _pain(l="x"),
    "pain level 11": _pain(l=11),
    "pain level missing": _month(lambda data: _pain_reading(data).pop("l")),
    "pain readings not a list": _month(lambda data: next(iter(data["pain"].values()))["days"]["23"].update(r=5)),
    "pain time not a time": _pain(t="25:99"),
    "month a folder": _replace_with(lambda p: p.mkdir(), month),
    "month a FIFO": _replace_with(lambda p: os.mkfifo(p), month),
    "month a dangling link": _replace_with(lambda p: p.symlink_to("gone.json"), month),
    "legacy month truncated": _database(b'{"_meta": {"1": {"schema": 2, "mon', legacy_month),
    "legacy month a FIFO": _replace_with(lambda p: os.mkfifo(p), legacy_month),
    "entries a file": _replace_with(lambda p: p.write_text("not a folder"), lambda here: here.entries_dir),
    "month of the year 500": _month_named("0500-06", "0500-06"),
    "month of the year 9999": _month_named("9999-12", "9999-12"),
}
