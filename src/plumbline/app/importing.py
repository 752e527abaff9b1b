"""Writing an import: checked first, a backup taken, then all of it or none of it.

An import overwrites same-day records, settings and the user's own habit files, and spans
several files: it runs under one hold of the lock after a backup of its own, and if any write
fails (a full disk, a read-only folder) every file is put back from that backup.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plumbline.app import changes as changed
from plumbline.app.tracker import Tracker
from plumbline.domain.days import FIRST_DAY
from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit
from plumbline.domain.pain import PainEntry
from plumbline.errors import BadInput, DamagedDatabase, PlumblineError
from plumbline.storage import backups
from plumbline.storage.atomic import atomic_write
from plumbline.storage.lock import exclusive_lock


def check_records(path: Path, entries: list[tuple[str, Entry]], pains: list[PainEntry], today: dt.date) -> None:
    """Only days that have come and that plumbline can show, and counts that are numbers."""
    for habit_id, entry in entries:
        if not FIRST_DAY <= entry.day <= today:
            raise BadInput(f"import file {path}: '{habit_id}' on {entry.day} is outside {FIRST_DAY}..{today} "
                           "(today); nothing was imported")
        if not math.isfinite(entry.count) or entry.count < 0:
            raise BadInput(f"import file {path}: '{habit_id}' on {entry.day} has the count {entry.count}; "
                           "give a number of 0 or more; nothing was imported")
    for pain in pains:
        if not FIRST_DAY <= pain.day <= today:
            raise BadInput(f"import file {path}: pain on {pain.day} is outside {FIRST_DAY}..{today} (today); "
                           "nothing was imported")


def apply_import(tracker: Tracker, now: dt.datetime, habits: list[Habit], change_meta: Callable[[dict[str, Any]], object],
                 entries: list[tuple[str, Entry]], pains: list[PainEntry]) -> None:
    locations = tracker.locations
    with exclusive_lock(locations.lock_file):
        damaged = backups.unreadable(locations)
        if damaged:
            raise DamagedDatabase(f"{damaged[0]} cannot be read, so nothing was imported: open plumbline to "
                                  "restore a backup first")
        before = set(backups.data_files(locations))
        backup = backups.take_import_backup(locations, now) if before else None
        if before and backup is None:
            raise backups.BackupFailed(f"could not take a backup in {locations.backups} before the import; "
                                       "nothing was imported: try again")
        try:
            for habit in habits:
                tracker.save_habit(habit)
            tracker.store.update_meta(change_meta)
            tracker.store.put_many(entries, pains)
        except BaseException as error:
            try:
                _put_back(tracker, backup, before)
            except (OSError, PlumblineError) as undo:
                raise DamagedDatabase(f"the import failed ({error}) and could not be undone ({undo}): "
                                      f"the data as it was is in {backup}; free some space, then copy it back") from None
            raise
    tracker.changes.tell(changed.EVERYTHING)


def _put_back(tracker: Tracker, backup: Path | None, before: set[Path]) -> None:
    """Every data file as it was when the import began: written ones from the backup, new ones removed."""
    root = tracker.locations.data_dir
    for relative in set(backups.data_files(tracker.locations)) - before:
        (root / relative).unlink()
    for relative in before:
        original = (backup / relative).read_bytes() if backup else b""
        if (root / relative).read_bytes() != original:
            atomic_write(root / relative, original)
    tracker.reload_library()
