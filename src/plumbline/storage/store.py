"""The user's records in TinyDB, safe against crashes and against several writers at once.

Layout: `plumbline.json` holds small state (schema version, start date, archived habits, flags);
`entries/YYYY-MM.json` holds that month: one document per habit (table `months`) and one for
the pain log (table `pain`). A check-in rewrites one month's file, a few kilobytes whatever the
years behind it. Each month file names its month and schema in a `_meta` table, so a file from
a newer plumbline, or one copied into the wrong place, is refused instead of misread. Every change runs
under one inter-process lock and starts from a fresh read, so the app, the reminder service and
one-shot commands never lose each other's writes. Older layouts are upgraded by migrations.py.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from plumbline.domain.days import FIRST_DAY, LAST_DAY, clock_time
from plumbline.domain.entries import Entry
from plumbline.domain.pain import PainEntry, PainReading, with_reading
from plumbline.domain.routine_stops import RoutineStop
from plumbline.errors import DamagedDatabase
from plumbline.storage import state_keys
from plumbline.storage.atomic import remove_stale_temporaries
from plumbline.storage.checks import (
    SCHEMA_VERSION,
    check_meta,
    check_month_file,
    check_month_records,
    entry_from,
    month_meta,
    pain_from,
    record_of,
)
from plumbline.storage.locations import Locations, month_of
from plumbline.storage.lock import exclusive_lock
from plumbline.storage.month_records import MonthRecords, PainLog, Stamp, file_stamp
from plumbline.storage.tinydb_storage import AtomicJSONStorage
from plumbline.storage.toml_cache import SETTLED_NS

History = dict[str, dict[dt.date, Entry]]
STOPS_KEY = state_keys.ROUTINE_STOPS  # a few a month at most: they live in the state document
EntryChange = Callable[[Entry | None], Entry | None]


class Store:
    def __init__(self, locations: Locations, now_ns: Callable[[], int] = time.time_ns) -> None:
        self.locations = locations
        self.now_ns = now_ns
        self._kept: dict[str, tuple[tuple[int, ...], MonthRecords]] = {}  # see _month

    # -- reading (no lock needed: files are only ever replaced whole) --------------------------

    def meta(self) -> dict[str, Any]:
        """The state document; empty for a data dir nothing was written to yet."""
        return self._checked_meta(self.raw_meta())

    def _checked_meta(self, meta: dict[str, Any]) -> dict[str, Any]:
        check_meta(self.locations.database, meta)
        schema = meta.get("schema", SCHEMA_VERSION)
        if schema != SCHEMA_VERSION:
            raise DamagedDatabase(
                f"database file {self.locations.database} has schema version {schema!r}, but this "
                f"plumbline reads version {SCHEMA_VERSION}: update plumbline or restore a backup"
            )
        return meta

    def check_files(self) -> None:
        """Read every file as the commands do; DamagedDatabase names the first that fails."""
        self.meta()
        for month in self.months():
            self.check_month(self.locations.entries_dir / f"{month}.json")

    def check_month(self, path: Path) -> None:
        data = AtomicJSONStorage(path).read() or {}
        check_month_file(path, path.stem, data)
        check_month_records(path, data)

    def raw_meta(self) -> dict[str, Any]:
        """The state document as stored, whatever its schema version (for migrations)."""
        with self._open(self.locations.database) as db:
            doc = _table(db, "meta").get(doc_id=1)
        return dict(doc or {})

    def started(self, today: dt.date) -> dt.date:
        """The day tracking began: earlier days are not counted as missed."""
        created = self.meta().get(state_keys.CREATED)
        with record_of(self.locations.database):
            return dt.date.fromisoformat(created) if created else today

    def archived(self) -> set[str]:
        return set(self.meta().get(state_keys.ARCHIVED, []))

    def habit_state(self) -> tuple[set[str], dict[str, dt.date]]:
        """The archived habits, and the first day of each habit added after the data dir began
        (see `first_day`): one read of the state for what every list of habits needs."""
        meta = self.meta()
        with record_of(self.locations.database):
            starts = {str(habit_id): dt.date.fromisoformat(day)
                      for habit_id, day in meta.get(state_keys.HABIT_STARTS, {}).items()}
        return set(meta.get(state_keys.ARCHIVED, [])), starts

    def archived_days(self) -> dict[str, dt.date]:
        """The day each archived habit was archived, where it was recorded."""
        meta = self.meta()
        with record_of(self.locations.database):
            return {str(k): dt.date.fromisoformat(v) for k, v in meta.get(state_keys.ARCHIVED_ON, {}).items()
                    if k in meta.get(state_keys.ARCHIVED, [])}

    def set_habit_starts(self, starts: dict[str, dt.date], replace: bool = False) -> None:
        """Note when habits began: a habit that has a start keeps it, unless `replace`."""
        def change(meta: dict[str, Any]) -> None:
            known = dict(meta.get(state_keys.HABIT_STARTS, {}))
            for habit_id, day in starts.items():
                if replace or habit_id not in known:
                    known[habit_id] = day.isoformat()
            meta[state_keys.HABIT_STARTS] = dict(sorted(known.items()))

        self.update_meta(change)

    def months(self) -> list[str]:
        """The months ("YYYY-MM") that have an entries file, oldest first."""
        try:
            names = os.listdir(self.locations.entries_dir)  # a tenth of the cost of Path.glob
        except FileNotFoundError:
            return []
        except NotADirectoryError:
            raise DamagedDatabase(f"{self.locations.entries_dir} should be the folder of month files but is a "
                                  "file: move it aside, then open plumbline to restore a backup") from None
        months = sorted(name[:-5] for name in names if MONTH_FILE.fullmatch(name))
        for month in (months[0], months[-1]) if months else ():
            if not month_of(FIRST_DAY) <= month <= month_of(LAST_DAY):
                # Written before dates were checked: the month arithmetic of streaks would
                # overflow on it, so it is reported like any file that cannot be read.
                raise DamagedDatabase(f"entries file {self.locations.entries_dir / month}.json holds days outside "
                                      f"{FIRST_DAY}..{LAST_DAY}; it was left as it is: move it away, or open "
                                      "plumbline to restore a backup")
        return months

    def history(
        self, since: dt.date | None = None, before: dt.date | None = None, habits: Collection[str] | None = None
    ) -> History:
        """Check-ins of every habit, or of `habits`; with `since` and `before`, only the months from
        since's month up to (not including) before's month are read."""
        return self._read(since, before, habits, pain=False)[0]

    def pain_log(self, since: dt.date | None = None, before: dt.date | None = None) -> PainLog:
        """The pain entries, of the months from since's month up to before's if given."""
        return self._read(since, before, habits=(), pain=True)[1]

    def history_and_pain(self) -> tuple[History, PainLog]:
        """Both, reading each month's file once: the weekly review needs all of both."""
        return self._read(None, None, None, pain=True)

    def _read(
        self, since: dt.date | None, before: dt.date | None, habits: Collection[str] | None, pain: bool
    ) -> tuple[History, PainLog]:
        history: History = {}
        log: PainLog = {}
        first, end = month_of(since) if since else "", month_of(before) if before else "9999-99"
        for month in self.months():
            if not first <= month < end:
                continue
            records = self._month(month)
            for habit_id in records.habits() if habits is None else habits:
                entries = records.entries(habit_id)
                if entries:
                    history.setdefault(habit_id, {}).update(entries)
            if pain:
                log.update(records.pains())
        return history, log

    def month_stamps(self) -> dict[str, Stamp | None]:
        """Every month file's stamp (see file_stamp): a stat call each, no reading."""
        folder = str(self.locations.entries_dir)  # joined as text: a Path per month costs more than its stat
        return {month: file_stamp(os.path.join(folder, f"{month}.json")) for month in self.months()}

    def settled(self, stamp: Stamp | None) -> bool:
        """Whether a stamp can be trusted to change with the file: not written in the last
        SETTLED_NS, when a second write within the same clock tick could leave it as it is."""
        return stamp is not None and self.now_ns() - max(stamp[0], stamp[1]) > SETTLED_NS

    def month_records(self, month: str) -> MonthRecords:
        """One month's records (decoded habit by habit, as asked for)."""
        return self._month(month)

    def _month(self, month: str) -> MonthRecords:
        """One month's records, read from its file, or from memory when the file is unchanged.

        Stepping through days on Today reads the same few months over and over; parsing them
        each time was most of a step's cost. A file is kept only once it has settled (see
        SETTLED_NS), so two writes within one tick of the file system's clock cannot leave a
        stale copy behind the same stamp; the callers get fresh dicts, never the kept ones."""
        path = self.locations.entries_dir / f"{month}.json"
        stamp = file_stamp(path)
        kept = self._kept.get(month)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        # Straight from the storage: TinyDB's Table would wrap every document in an object
        # first, which is most of the cost of reading ten years.
        data = AtomicJSONStorage(path).read() or {}
        check_month_file(path, month, data)
        records = MonthRecords(path, data)
        if stamp is not None and self.settled(stamp):
            self._kept[month] = (stamp, records)
        else:
            self._kept.pop(month, None)
        return records

    def signature(self) -> tuple[int, int]:
        """Changes whenever any process writes: every write renames a file into one of these two
        folders, which updates the folder's modification time. Two stat calls, so cheap to poll."""
        def mtime(folder: Path) -> int:
            try:
                return folder.stat().st_mtime_ns
            except OSError:
                return 0  # gone, or not ours: the next read names the problem

        return mtime(self.locations.data_dir), mtime(self.locations.entries_dir)

    # -- writing -------------------------------------------------------------------------------

    def ensure_created(self, today: dt.date) -> None:
        """Record the first day of use, once."""
        if not self.meta().get(state_keys.CREATED):
            self.update_meta(lambda meta: meta.setdefault(state_keys.CREATED, today.isoformat()))

    def update_meta(self, change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
        with self._writing(self.locations.database) as db:
            table = _table(db, "meta")
            meta = dict(table.get(doc_id=1) or {"schema": SCHEMA_VERSION})
            change(meta)
            table.upsert(_document(meta, 1))
        return meta

    def set_archived(self, habit_id: str, archived: bool, day: dt.date | None = None) -> None:
        """`day`: when it was archived, kept for the report's "what changed" (older data has none)."""
        def change(meta: dict[str, Any]) -> None:
            ids = set(meta.get(state_keys.ARCHIVED, []))
            ids = ids | {habit_id} if archived else ids - {habit_id}
            meta[state_keys.ARCHIVED] = sorted(ids)
            days = {k: v for k, v in meta.get(state_keys.ARCHIVED_ON, {}).items() if k != habit_id}
            if archived and day is not None:
                days[habit_id] = day.isoformat()
            meta[state_keys.ARCHIVED_ON] = dict(sorted(days.items()))

        self.update_meta(change)

    def change_entry(self, habit_id: str, day: dt.date, change: EntryChange) -> Entry | None:
        """Read the day's entry afresh under the lock, apply `change`, write the result.

        `change` returns the new entry, or None to remove the record.
        """
        result: list[Entry | None] = []

        def change_record(record: dict[str, Any] | None) -> dict[str, Any] | None:
            new = change(entry_from(day, record))
            result.append(new)
            return None if new is None else _entry_to(new)

        self._change_day("months", {"habit": habit_id}, day, change_record)
        return result[0]

    def routine_stops(self) -> list[RoutineStop]:
        """Every "this hurts" stop, oldest first."""
        meta = self.meta()
        with record_of(self.locations.database):
            return [RoutineStop(dt.date.fromisoformat(s["day"]), clock_time(s["time"]), str(s["routine"]),
                                str(s["step"])) for s in meta.get(STOPS_KEY, [])]

    def add_routine_stop(self, stop: RoutineStop) -> None:
        record = {"day": stop.day.isoformat(), "time": f"{stop.time:%H:%M}", "routine": stop.routine, "step": stop.step}
        self.update_meta(lambda meta: meta.__setitem__(STOPS_KEY, [*meta.get(STOPS_KEY, []), record]))

    def set_pain(self, entry: PainEntry | None, day: dt.date) -> None:
        """Replace the day's readings with `entry`'s, or remove them all with None."""
        record = None if entry is None else _pain_to(entry)
        self._change_day("pain", {}, day, lambda _: record)

    def add_pain(self, day: dt.date, reading: PainReading) -> PainEntry:
        """Add a reading to the day's pain, read afresh under the lock: two processes logging at
        once keep both readings."""
        result: list[PainEntry] = []

        def change(record: dict[str, Any] | None) -> dict[str, Any]:
            with record_of(self.locations.entries_file(day)):
                earlier = pain_from(day, record) if record is not None else None
            result.append(with_reading(earlier, day, reading))
            return _pain_to(result[0])

        self._change_day("pain", {}, day, change)
        return result[0]

    def put_many(self, entries: list[tuple[str, Entry]], pains: list[PainEntry]) -> None:
        """Write many records at once (an import): one locked rewrite per month file, not per record.

        Each record replaces the one for the same habit (or the pain log) and day.
        """
        by_month: dict[str, list[tuple[str, dict[str, str], dt.date, dict[str, Any]]]] = {}
        for habit_id, entry in entries:
            by_month.setdefault(month_of(entry.day), []).append(("months", {"habit": habit_id}, entry.day, _entry_to(entry)))
        for pain in pains:
            by_month.setdefault(month_of(pain.day), []).append(("pain", {}, pain.day, _pain_to(pain)))
        for month, items in sorted(by_month.items()):
            with self._writing(self.locations.entries_dir / f"{month}.json") as db:
                grouped: dict[tuple[str, str], tuple[dict[str, str], dict[str, Any]]] = {}
                for table_name, fields, day, record in items:
                    month = month_of(day)
                    key = "|".join([*fields.values(), month])
                    slot = grouped.setdefault((table_name, key), ({**fields, "month": month}, {}))
                    slot[1][f"{day.day:02d}"] = record
                # One write for the whole month: through TinyDB's storage directly, because each
                # Table call would rewrite (and fsync) the whole file once per document.
                data = db.storage.read() or {}
                data["_meta"] = {"1": month_meta(month)}
                for (table_name, key), (fields, days) in grouped.items():
                    table = data.setdefault(table_name, {})
                    doc_id = next((i for i, doc in table.items() if doc.get("key") == key), None)
                    if doc_id is None:
                        doc_id = str(max((int(i) for i in table), default=0) + 1)
                    merged = {**table.get(doc_id, {}).get("days", {}), **days}
                    table[doc_id] = {"key": key, **fields, "days": merged}
                db.storage.write(data)

    def _change_day(self, table_name: str, fields: dict[str, str], day: dt.date,
                    change: Callable[[dict[str, Any] | None], dict[str, Any] | None]) -> None:
        month = month_of(day)
        key = "|".join([*fields.values(), month])
        with self._writing(self.locations.entries_file(day)) as db:
            table = _table(db, table_name)
            doc = table.get(Query().key == key)
            days = dict(doc.get("days", {})) if isinstance(doc, dict) else {}
            slot = f"{day.day:02d}"
            new = change(days.get(slot))
            if new is None and slot not in days:
                return  # nothing to remove: write nothing, and create no file
            if new is None:
                days.pop(slot, None)
            else:
                days[slot] = new
            named = _table(db, "_meta").get(doc_id=1)
            if not named:
                # A new month file names itself before it holds anything, so a crash between the
                # two writes leaves a file that still loads.
                _table(db, "_meta").insert(_document(month_meta(month), 1))
            elif named.get("schema", 0) < SCHEMA_VERSION:
                # What this writes may be in the newer shape: the file says so, for older readers.
                _table(db, "_meta").update(month_meta(month), doc_ids=[1])
            if doc is not None and not days:
                table.remove(doc_ids=[doc.doc_id])
            elif days:
                table.upsert({"key": key, **fields, "month": month, "days": days}, Query().key == key)

    # -- plumbing ------------------------------------------------------------------------------

    @contextmanager
    def _open(self, path: Path) -> Iterator[TinyDB]:
        if not os.path.lexists(path):
            # Reading a file that is not there yet must not create it (or the data dir). A
            # dangling link is there: its read reports it rather than an empty database.
            yield TinyDB(storage=_EmptyStorage)
            return
        db = TinyDB(path, storage=AtomicJSONStorage)
        try:
            yield db
        finally:
            db.close()

    @contextmanager
    def _writing(self, path: Path) -> Iterator[TinyDB]:
        with exclusive_lock(self.locations.lock_file):
            # Every folder a locked write can leave a temporary in, whichever file this write is
            # for: the reminder service only ever writes the meta file, and the habit-file cache
            # is written only when a habit file changed.
            for folder in {path.parent, self.locations.data_dir, self.locations.entries_dir, self.locations.cache_dir}:
                remove_stale_temporaries(folder)
            from plumbline.storage.backups import remove_stale_backups  # here: reads never load it

            remove_stale_backups(self.locations)  # and a backup killed mid-copy
            # A fresh TinyDB per change: it reads the file now, inside the lock, and its cached
            # next document id cannot collide with another process's insert.
            db = TinyDB(path, storage=AtomicJSONStorage)
            try:
                # The whole file is checked before any change: a file that cannot be read is
                # reported and left exactly as it is, never rewritten from the part that loads.
                data = db.storage.read() or {}
                if path.parent == self.locations.entries_dir:
                    check_month_file(path, path.stem, data)
                    check_month_records(path, data)
                elif path == self.locations.database:
                    self._checked_meta(dict(data.get("meta", {}).get("1", {})))
                yield db
            finally:
                db.close()


class _EmptyStorage(AtomicJSONStorage):
    def __init__(self, *_: Any, **__: Any) -> None:
        pass

    def read(self) -> None:
        return None

    def write(self, data: Any) -> None:  # pragma: no cover - reads never write
        raise RuntimeError("a missing database file is never written by a read")


MONTH_FILE = re.compile(r"[0-9]{4}-[0-9]{2}\.json")


def _table(db: TinyDB, name: str) -> Table:
    # cache_size=0: TinyDB's query cache would hide another process's writes.
    return db.table(name, cache_size=0)


def _document(data: dict[str, Any], doc_id: int) -> Document:
    return Document(data, doc_id=doc_id)


def _entry_to(entry: Entry) -> dict[str, Any]:
    record: dict[str, Any] = {"c": entry.count}
    if entry.skipped:
        record["s"] = True
    if entry.note:
        record["n"] = entry.note
    return record


def _pain_to(entry: PainEntry) -> dict[str, Any]:
    return {"r": [{**({"t": f"{r.time:%H:%M}"} if r.time else {}), "l": r.level, **({"n": r.note} if r.note else {}),
                   **({"g": list(r.triggers)} if r.triggers else {})}
                  for r in entry.readings]}
