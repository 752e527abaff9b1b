"""The user's records in TinyDB files, merged over every device that shares the data dir.

Layout (see docs/architecture.md): each device writes only its own files, named with its id:
`plumbline.<device>.json`, its state as records (state_merge.py), and `entries/YYYY-MM.<device>.json`,
its records of that month (record_merge.py). A data dir from before devices keeps its
`plumbline.json` and `entries/YYYY-MM.json` as they are: they are read like another device's
files and never written again. Readers join every file of a month (and any conflict copy of
one) into the month as it was before devices; a check-in rewrites only this device's file of
its month, a few kilobytes whatever the years behind it. Every change runs under this device's
lock and starts from a fresh read, so the app, the reminder service and one-shot commands never
lose each other's writes, and every change carries a stamp (stamps.py) that orders it against
the other devices' changes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plumbline.domain.days import FIRST_DAY, LAST_DAY
from plumbline.domain.entries import Entry
from plumbline.domain.pain import PainEntry, PainReading
from plumbline.errors import DamagedDatabase
from plumbline.storage import data_files
from plumbline.storage.atomic import atomic_write_json, remove_stale_temporaries, set_temporary_owner
from plumbline.storage.checks import SCHEMA_VERSION, check_month_file, check_month_records, record_of
from plumbline.storage.locations import Locations, month_of
from plumbline.storage.month_digests import MonthDigests
from plumbline.storage.month_records import MonthRecords, PainLog, Stamp
from plumbline.storage.record_merge import join_entries, join_pain
from plumbline.storage.stamps import Clock
from plumbline.storage.state_merge import FlatState
from plumbline.storage.state_store import StateStore
from plumbline.storage.tinydb_storage import AtomicJSONStorage
from plumbline.storage.toml_cache import SETTLED_NS

if TYPE_CHECKING:  # the writing half (device_writes, month_merge) loads with the first write or read of files
    from plumbline.storage.month_merge import JoinedMonth

History = dict[str, dict[dt.date, Entry]]
EntryChange = Callable[[Entry | None], Entry | None]
Signature = tuple[int, int]  # see Store.signature
OWN_WRITES_KEPT = 64  # more than one change of the app's writes; a process nobody asks keeps no more
MonthEdit = Callable[["JoinedMonth", dict[str, Any]], bool]  # changes this device's month data; True: write it


class Store(StateStore):
    def __init__(self, locations: Locations, now_ns: Callable[[], int] = time.time_ns) -> None:
        self.locations = locations
        self.now_ns = now_ns
        self.device = locations.device
        self.clock = Clock(self.device, now_ns)
        set_temporary_owner(self.device)
        self.files = data_files.Reader(self.device, lambda line: self.warn(line))
        self.warn: Callable[[str], None] = lambda line: None  # the tracker passes these on to the user
        self._kept: dict[str, tuple[Stamp, MonthRecords]] = {}  # see _month
        self.digests = MonthDigests(locations)
        self._state_kept: tuple[Stamp | None, FlatState] | None = None
        self._listing_kept: tuple[tuple[int, int], data_files.Listing] | None = None
        self._meta_kept: tuple[FlatState, dict[str, Any]] | None = None
        # The folders' signature just before and just after each of this store's writes, both read
        # under the lock (see _writing): what tells a watcher its own writes from another process's.
        self.own_writes: deque[tuple[Signature, Signature]] = deque(maxlen=OWN_WRITES_KEPT)

    # -- reading (no lock needed: files are only ever replaced whole) --------------------------

    def listing(self) -> data_files.Listing:
        """The data dir's files, from memory while neither folder has changed: a month's read
        would otherwise list both folders again. Kept only once the folders have settled (see
        SETTLED_NS), as the months are."""
        signature = self.signature()
        kept = self._listing_kept
        if kept is not None and kept[0] == signature:
            return kept[1]
        found = data_files.listing(self.locations)
        settled = self.now_ns() - max(signature) > SETTLED_NS and min(signature) > 0
        self._listing_kept = (signature, found) if settled else None
        return found

    def check_files(self) -> None:
        """Read every file as the commands do; DamagedDatabase names the first of ours that fails."""
        self.meta()
        self.months()  # refuses months outside the calendar
        for month, files in sorted(self.listing().months.items()):
            for found in files:
                self.files.read(found, self.month_check(month))  # whole, record by record

    def check_month(self, path: Path) -> None:
        found = data_files.month_file(path.name)
        data = AtomicJSONStorage(path).read() or {}
        check_month_file(path, found.month if found and found.month else path.stem, data)
        check_month_records(path, data)

    def months(self, listing: data_files.Listing | None = None) -> list[str]:
        """The months ("YYYY-MM") that have a file on any device, oldest first (in `listing`, if given)."""
        months = sorted((listing or self.listing()).months)
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
        listing = self.listing()  # one view of the folders for the whole read
        for month in self.months(listing):
            if not first <= month < end:
                continue
            records = self._month(month, listing)
            for habit_id in records.habits() if habits is None else habits:
                entries = records.entries(habit_id)
                if entries:
                    history.setdefault(habit_id, {}).update(entries)
            if pain:
                log.update(records.pains())
        return history, log

    def month_stamps(self) -> dict[str, Stamp | None]:
        """Every month's stamp (see combined_stamp): a stat call per file, no reading."""
        listing = self.listing()
        self.months(listing)  # refuses months outside the calendar, as every read of months does
        return {month: data_files.combined_stamp(files) for month, files in sorted(listing.months.items())}

    def settled(self, stamp: Stamp | None) -> bool:
        """Whether a stamp can be trusted to change with the file: not written in the last
        SETTLED_NS, when a second write within the same clock tick could leave it as it is."""
        return stamp is not None and self.now_ns() - max(stamp[0], stamp[1]) > SETTLED_NS

    def month_records(self, month: str) -> MonthRecords:
        """One month's records (decoded habit by habit, as asked for)."""
        return self._month(month)

    def _month(self, month: str, listing: data_files.Listing | None = None) -> MonthRecords:
        """One month's records, joined over its files, or from memory or its digest (see
        month_digests.py) when none has changed.

        Stepping through days on Today reads the same few months over and over; parsing them
        each time was most of a step's cost. A month is kept (and its digest used or saved) only
        once its files have settled (see SETTLED_NS), so two writes within one tick of the file
        system's clock cannot leave a stale copy behind the same stamp; the callers get fresh
        dicts, never the kept ones."""
        files = (listing or self.listing()).months.get(month, [])
        stamp = data_files.combined_stamp(files)
        kept = self._kept.get(month)
        if kept is not None and stamp is not None and kept[0] == stamp:
            return kept[1]
        # A record that cannot be read is named by its file; of a month joined from several,
        # by this device's file of it.
        path = files[0].path if len(files) == 1 else self.locations.month_file(month)
        settled = stamp if stamp is not None and self.settled(stamp) else None

        def from_files() -> MonthRecords:
            from plumbline.storage.month_merge import plain_month  # a month with its digest saved never needs it

            datas = self._contents(month, files, whole=False)
            with record_of(path):
                read = MonthRecords(path, plain_month(month, datas) if datas else {}, month)
            if settled and files and len(datas) == len(files):  # a file skipped is warned of at each read
                self.digests.save(month, settled, read)
            return read

        records = (self.digests.load(month, settled, path, from_files) if settled and files else None) or from_files()
        if settled:
            self._kept[month] = (settled, records)
        else:
            self._kept.pop(month, None)
        return records

    @staticmethod
    def month_check(month: str) -> Callable[[Path, dict[str, Any]], None]:
        """The whole check of a month file: what it says it holds, and every record."""
        def check(path: Path, data: dict[str, Any]) -> None:
            check_month_file(path, month, data)
            check_month_records(path, data)

        return check

    def _read_check(self, month: str, found: data_files.Found) -> Callable[[Path, dict[str, Any]], None]:
        """What a read checks first: of our own files, only what they hold (their records are
        checked as they are decoded, a month of ten years at a time being most of a read's cost);
        another device's file is checked whole, so that a damaged one is skipped, not fatal."""
        if data_files.is_ours(found, self.device):
            return lambda path, data: check_month_file(path, month, data)
        return self.month_check(month)

    def _contents(self, month: str, files: list[data_files.Found], whole: bool) -> list[dict[str, Any]]:
        """The month's files that can be read (another device's that cannot are skipped); `whole`:
        each checked record by record, as a write needs, else as _read_check says."""
        read = (self.files.read(f, self.month_check(month) if whole else self._read_check(month, f)) for f in files)
        return [data for data in read if data is not None]

    def _joined(self, month: str) -> JoinedMonth:
        from plumbline.storage.month_merge import JoinedMonth

        return JoinedMonth(month, self._contents(month, self.listing().months.get(month, []), whole=True))

    def signature(self) -> Signature:
        """Changes whenever any process, or the sync engine, writes: every write renames a file into
        one of these two folders, which updates the folder's modification time. Two stat calls."""
        def mtime(folder: Path) -> int:
            try:
                return folder.stat().st_mtime_ns
            except OSError:
                return 0  # gone, or not ours: the next read names the problem

        return mtime(self.locations.data_dir), mtime(self.locations.entries_dir)

    # -- writing -------------------------------------------------------------------------------

    def change_entry(self, habit_id: str, day: dt.date, change: EntryChange) -> Entry | None:
        """Read the day's entry afresh (as every device has it) under the lock, apply `change`,
        and record the difference as this device's. `change` returns the new entry, or None to
        remove the record."""
        result: list[Entry | None] = []

        def edit(joined: JoinedMonth, own: dict[str, Any]) -> bool:
            return self._edit_entry(joined, own, habit_id, day, change, result)

        self._change_month(month_of(day), edit)
        return result[0]

    def _edit_entry(self, joined: JoinedMonth, own: dict[str, Any], habit_id: str, day: dt.date,
                    change: EntryChange, result: list[Entry | None]) -> bool:
        from plumbline.storage.device_writes import entry_delta, own_days

        slot = f"{day.day:02d}"
        delta, new = entry_delta(joined.entry(habit_id, slot), day, change, self.clock)
        result.append(new)
        if delta is None:
            return False
        days = own_days(own, "months", habit_id, joined.month)
        days[slot] = delta if slot not in days else join_entries(days[slot], delta)
        return True

    def add_pain(self, day: dt.date, reading: PainReading) -> PainEntry:
        """Add a reading to the day's pain, read afresh under the lock: two processes (or two
        devices) logging at once keep both readings."""
        result: list[PainEntry] = []

        def edit(joined: JoinedMonth, own: dict[str, Any]) -> bool:
            self._edit_pain(joined, own, day, reading, result)
            return True

        self._change_month(month_of(day), edit)
        return result[0]

    def set_pain(self, entry: PainEntry | None, day: dt.date) -> None:
        """Make the day's readings `entry`'s (None: none), removing the others."""
        self._change_month(month_of(day), lambda joined, own: self._edit_pain(joined, own, day, entry, []))

    def _edit_pain(self, joined: JoinedMonth, own: dict[str, Any], day: dt.date,
                   change: PainReading | PainEntry | None, result: list[PainEntry]) -> bool:
        from plumbline.storage.device_writes import own_days, pain_additions

        slot = f"{day.day:02d}"
        record = joined.pain.get(slot)
        with record_of(self.locations.entries_file(day)):
            additions, now = pain_additions(day, record, change, self.clock)
        result.append(now)
        if not additions:
            return False
        days = own_days(own, "pain", None, joined.month)
        days[slot] = join_pain(days.get(slot, {"r": []}), {"r": additions})
        return True

    def put_many(self, entries: list[tuple[str, Entry]], pains: list[PainEntry]) -> None:
        """Write many records at once (an import): one locked rewrite per month file, not per record.

        Each record replaces the one for the same habit (or the pain log) and day."""
        by_month: dict[str, list[MonthEdit]] = {}
        for habit_id, entry in entries:
            def put(joined: JoinedMonth, own: dict[str, Any], habit_id: str = habit_id, entry: Entry = entry) -> bool:
                return self._edit_entry(joined, own, habit_id, entry.day, lambda _: entry, [])
            by_month.setdefault(month_of(entry.day), []).append(put)
        for pain in pains:
            def put_pain(joined: JoinedMonth, own: dict[str, Any], pain: PainEntry = pain) -> bool:
                return self._edit_pain(joined, own, pain.day, pain, [])
            by_month.setdefault(month_of(pain.day), []).append(put_pain)
        for month, edits in sorted(by_month.items()):
            def all_of(joined: JoinedMonth, own: dict[str, Any], edits: list[MonthEdit] = edits) -> bool:
                return any([edit(joined, own) for edit in edits])  # a list: every edit runs
            self._change_month(month, all_of)

    def _change_month(self, month: str, edit: MonthEdit) -> None:
        path = self.locations.month_file(month)
        with self._writing(path, self.month_check(month)) as own:
            joined = self._joined(month)
            if edit(joined, own):
                own["_meta"] = {"1": {"schema": SCHEMA_VERSION, "month": month, "device": self.device}}
                self._write(path, own)

    # -- plumbing ------------------------------------------------------------------------------

    @contextmanager
    def _writing(self, path: Path, check: Callable[[Path, dict[str, Any]], None]) -> Iterator[dict[str, Any]]:
        """This device's file `path`, read afresh and checked under the lock."""
        from plumbline.storage.lock import exclusive_lock  # only writes lock: a read never loads it

        with exclusive_lock(self.locations.lock_file):
            # Every folder a locked write can leave a temporary in, whichever file this write is
            # for: the reminder service only ever writes the state file, and the habit-file cache
            # is written only when a habit file changed.
            for folder in {path.parent, self.locations.data_dir, self.locations.entries_dir, self.locations.cache_dir}:
                remove_stale_temporaries(folder)
            from plumbline.storage.backups import remove_stale_backups  # here: reads never load it

            remove_stale_backups(self.locations)  # and a backup killed mid-copy
            # The whole file is checked before any change: a file that cannot be read is
            # reported and left exactly as it is, never rewritten from the part that loads.
            data = AtomicJSONStorage(path).read() or {}
            check(path, data)
            before = self.signature()  # after the clean-up: a temporary removed is no one's write
            yield data
            self.own_writes.append((before, self.signature()))

    def forget(self) -> None:
        """Drop what is kept in memory (after files were written other than through this store)."""
        self._kept.clear()
        self._state_kept = None
        self._listing_kept = None

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        atomic_write_json(path, data)
        self._kept.pop(month_of_path(path), None)


def month_of_path(path: Path) -> str:
    return path.name[:7]
