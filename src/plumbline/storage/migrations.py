"""Upgrading a data dir written by an older plumbline, once, under the lock, after a backup.

Schema 1 (the first plumbline): `plumbline.json` with schema 1, and one file per year,
`entries/YYYY.json`, with tables `months` and `pain` of one document per habit (or pain log) per
month. A check-in rewrote a whole year's file.
Schema 2: one file per month, `entries/YYYY-MM.json`, holding the same documents plus
`_meta` = {"schema": 2, "month": "YYYY-MM"}; a check-in rewrites one month.
Schema 4 (devices) changes no file: see store.py. The steps here upgrade the files from before it.
Schema 3: a pain day is a list of readings, {"r": [{"t": "HH:MM", "l": 4, "n": "...", "g": [...]}]},
where schema 2 held one {"l": 4, "n": "..."}. The old shape still reads as one untimed reading,
so no file is rewritten; the number moves so that an older plumbline, which could not read the
new shape, says "update plumbline" instead of calling the files damaged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from plumbline.errors import DamagedDatabase
from plumbline.storage.atomic import atomic_write_json
from plumbline.storage.checks import LEGACY_SCHEMA as SCHEMA_VERSION  # these steps bring plumbline.json's files up to it
from plumbline.storage.checks import check_meta, month_meta
from plumbline.storage.locations import Locations
from plumbline.storage.store import Store
from plumbline.storage.tinydb_storage import AtomicJSONStorage


def _split_years_into_months(locations: Locations) -> None:
    folder = locations.entries_dir
    for path in sorted(folder.glob("[0-9][0-9][0-9][0-9].json")) if folder.is_dir() else []:
        months: dict[str, dict[str, dict[str, dict]]] = {}
        for table, docs in (AtomicJSONStorage(path).read() or {}).items():
            for doc in docs.values():
                tables = months.setdefault(doc["month"], {"_meta": {"1": month_meta(doc["month"], SCHEMA_VERSION)}})
                rows = tables.setdefault(table, {})
                rows[str(len(rows) + 1)] = doc
        # Every month is written before the year file goes: a crash in between leaves the year
        # file and schema 1 in place, and the next start splits it again to the same result.
        for month, data in sorted(months.items()):
            atomic_write_json(folder / f"{month}.json", data)
        path.unlink()


# From version N to N + 1.
def _pain_readings(locations: Locations) -> None:
    """Nothing to rewrite: see schema 3 above. Month files get the new number as they are written."""


STEPS: dict[int, Callable[[Locations], None]] = {1: _split_years_into_months, 2: _pain_readings}


def migrate(store: Store, today: dt.date) -> int | None:
    """Bring the data dir to the current schema; returns the version it came from, if it moved.

    A data dir of a newer schema is left alone: Store.meta() reports it.
    """
    try:
        raw = store.raw_meta()
        schema = raw.get("schema", SCHEMA_VERSION)
        if not isinstance(schema, int) or schema >= SCHEMA_VERSION:
            return None  # a schema that is not a number is reported by the next read
        check_meta(store.locations.legacy_database, raw)  # a damaged state is never rewritten, even to migrate
    except DamagedDatabase:
        return None  # reported by whatever reads it next; a migration never touches such a file
    from plumbline.storage.lock import exclusive_lock  # only a data dir that needs migrating locks

    locations = store.locations
    with exclusive_lock(locations.lock_file):
        database = AtomicJSONStorage(locations.legacy_database).read() or {}
        meta = database.get("meta", {}).get("1", {})
        version = meta.get("schema", SCHEMA_VERSION)
        if version >= SCHEMA_VERSION:
            return None  # another process migrated while this one waited for the lock
        from plumbline.storage import backups  # only a data dir that needs migrating loads it

        backups.take_backup(locations, f"before-schema-{SCHEMA_VERSION}-{today.isoformat()}", current_schema=False)
        for step in range(version, SCHEMA_VERSION):
            STEPS[step](locations)
        meta["schema"] = SCHEMA_VERSION
        database.setdefault("meta", {})["1"] = meta
        atomic_write_json(locations.legacy_database, database)
    return version
