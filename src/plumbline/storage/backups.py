"""Automatic backups: one a day, the last seven kept, and a restore that keeps the damaged file.

A backup is a folder `backups/YYYY-MM-DD/` (or `YYYY-MM-DD.before-import-HHMMSS-ffffff/`) with copies
of the database, the month files and the user's own habit and routine files. Only data that
loads is backed up, so a backup is always something to go back to. It is built under the data
dir's lock in a temporary folder of its own and renamed into place whole, with a manifest naming
its files: a backup without one (a crash, a full disk) is never offered. A failed backup is
removed at once, so it cannot hold the space the check-in after it needs. A file unchanged since
the last backup is hard-linked from it rather than copied: each backup is still whole on its own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plumbline.errors import DamagedDatabase, PlumblineError
from plumbline.storage import data_files as plumbline_files
from plumbline.storage.atomic import FOLDER_MODE, atomic_write, private_folder, read_regular
from plumbline.storage.locations import Locations
from plumbline.storage.lock import exclusive_lock
from plumbline.storage.month_records import file_stamp
from plumbline.storage.tinydb_storage import AtomicJSONStorage
from plumbline.storage.toml_cache import SETTLED_NS

KEEP = 7
KEEP_BEFORE_IMPORT = 3
TEMP_PREFIX = ".tmp-backup-"
MANIFEST = ".plumbline-backup.json"  # written last: a backup without it is not whole
IMPORT_TAG = ".before-import-"


class BackupFailed(PlumblineError):
    exit_code = 1


def data_files(locations: Locations) -> list[Path]:
    """This device's files and those from before devices, and the user's habit and routine files,
    relative to the data dir: other devices back up their own (a FIFO or a device is never copied)."""
    root = locations.data_dir
    listing = plumbline_files.listing(locations)
    ours = [f.path.relative_to(root) for f in listing.states if plumbline_files.is_ours(f, locations.device)]
    for folder, suffix in (("entries", ".json"), ("habits", ".toml"), ("routines", ".toml")):
        try:
            names = sorted(n for n in os.listdir(root / folder) if n.endswith(suffix) and not n.startswith("."))
        except OSError:
            continue  # not there (or not a folder): nothing of it to copy
        for name in names:
            month = plumbline_files.month_file(name) if folder == "entries" else None
            # Not another device's month, nor a conflict copy: those are backed up where they are written.
            if month is None or plumbline_files.is_ours(plumbline_files.Found(root / folder / name, month),
                                                        locations.device):
                ours.append(Path(folder, name))
    found = sorted(ours)
    return [p for p in found if _is_regular(root / p)]


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False  # a dangling link: never copied, and unreadable() reports it


def unreadable(locations: Locations, among: set[Path] | None = None) -> list[Path]:
    """Our data files (this device's, and those from before devices) that cannot be read as the
    commands read them (absolute paths); of the month files, only those `among` when given (the
    state files are always read: they are small)."""
    from plumbline.storage.state_checks import check_state_file
    from plumbline.storage.store import Store

    store, found = Store(locations), []
    entries = locations.entries_dir
    if os.path.lexists(entries) and not entries.is_dir():
        found.append(entries)
    listing = plumbline_files.listing(locations) if not found else plumbline_files.Listing({}, [])
    for item in listing.every():
        if not plumbline_files.is_ours(item, locations.device) or (item.file.month and among is not None
                                                                    and item.path not in among):
            continue
        try:
            if item.file.month:
                store.check_month(item.path)
            else:
                check_state_file(item.path, AtomicJSONStorage(item.path).read() or {})
        except DamagedDatabase:
            found.append(item.path)
    return sorted(found)


def take_backup(locations: Locations, name: str, current_schema: bool = True,
                now_ns: Callable[[], int] = time.time_ns) -> Path | None:
    """Copy the data into backups/NAME unless it exists already or the data does not load (as
    this plumbline reads it, or as plain JSON for a data dir about to be migrated).

    Raises BackupFailed (with nothing half-made left behind) when the copy cannot be written."""
    with exclusive_lock(locations.lock_file):
        target = locations.backups / name
        if target.exists():
            return None
        files = data_files(locations)
        last, last_sequence = _last_whole(locations)
        unchanged, stamps = _unchanged_since(locations, last, files, now_ns())
        changed = {locations.data_dir / p for p in files if p not in unchanged}
        if not files or (unreadable(locations, changed) if current_schema else not _loads(locations.data_dir, files)):
            return None
        import tempfile

        building = None
        try:
            private_folder(locations.backups)
            remove_stale_backups(locations)
            building = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{name}-", dir=locations.backups))  # 0700
            for folder in {(building / relative).parent for relative in files}:
                private_folder(folder)
            for relative in files:
                if not (relative in unchanged and _linked(last / relative, building / relative)):  # type: ignore[operator]
                    _write_private(building / relative, read_regular(locations.data_dir / relative) or b"")
            # After the last whole one (unfinished ones were removed above, and a folder without a
            # manifest is an earlier plumbline's, numbered 0).
            sequence = last_sequence + 1
            manifest = {"files": [str(p) for p in files], "sequence": sequence, "stamps": stamps}
            _write_private(building / MANIFEST, json.dumps(manifest).encode())
            building.rename(target)  # a backup appears whole or not at all
        except OSError as error:
            if building is not None:
                shutil.rmtree(building, ignore_errors=True)
            raise BackupFailed(f"could not take a backup in {locations.backups} ({error.strerror or error}); "
                               "free some space there or make it writable") from None
    return target


def _last_whole(locations: Locations) -> tuple[Path | None, int]:
    """The backup taken last, and its place in the order backups were taken."""
    found = backups_by_age(locations)
    return (found[0], _sequence(found[0]) or 0) if found else (None, 0)


def _unchanged_since(locations: Locations, last: Path | None, files: list[Path],
                     now: int) -> tuple[set[Path], dict[str, Any]]:
    """The files the last backup holds as they are now, and every file's stamp for the next one.

    Data files are only ever replaced whole (a rename), so a file with the stamp it had at the
    last backup holds what that backup holds, and was readable then: it is hard-linked from
    there instead of read, checked and copied again, which was most of the day's first change.
    A stamp taken within SETTLED_NS of the file's last change is not trusted (two writes in one
    tick of the clock), so such a file is copied next time."""
    recorded = _recorded_stamps(last) if last is not None else {}
    unchanged: set[Path] = set()
    stamps: dict[str, list[int] | None] = {}
    for relative in files:
        stamp = file_stamp(locations.data_dir / relative)
        if stamp is None or now - max(stamp[0], stamp[1]) <= SETTLED_NS:
            stamps[str(relative)] = None  # not there, or too new to trust: copied
            continue
        stamps[str(relative)] = list(stamp)
        if recorded.get(str(relative)) == list(stamp):
            unchanged.add(relative)
    return unchanged, stamps


def _recorded_stamps(backup: Path) -> dict[str, Any]:
    try:
        stamps = json.loads((backup / MANIFEST).read_bytes()).get("stamps")
        return stamps if isinstance(stamps, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}  # a backup by an earlier plumbline: everything is copied


def _linked(source: Path, target: Path) -> bool:
    """Hard-link an unchanged file from the last backup; False where the file system will not
    (no hard links there, too many links, the copy gone), and the file is copied instead."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        return False
    return True


def remove_stale_backups(locations: Locations) -> None:
    """Delete backups left half-built by a process killed mid-copy. Only while holding the lock."""
    with contextlib.suppress(OSError):
        for stale in locations.backups.glob(f"{TEMP_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)


def _write_private(path: Path, data: bytes) -> None:
    # No fsync per file: it made a backup of ten years of months cost a second. After a power
    # cut a copy may be empty; newest_good_backup checks that each copy loads before offering it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def take_daily_backup(locations: Locations, today: dt.date, now_ns: Callable[[], int] = time.time_ns) -> Path | None:
    if (locations.backups / today.isoformat()).exists():
        return None  # the common case, without waiting for the lock
    with exclusive_lock(locations.lock_file):
        made = take_backup(locations, today.isoformat(), now_ns=now_ns)
        if made is not None:
            rotate(locations, made)
    return made


def take_import_backup(locations: Locations, now: dt.datetime) -> Path | None:
    with exclusive_lock(locations.lock_file):
        made = take_backup(locations, f"{now.date().isoformat()}{IMPORT_TAG}{now:%H%M%S-%f}")
        if made is not None:
            rotate(locations, made)
    return made


def rotate(locations: Locations, keep: Path) -> None:
    """Keep the KEEP daily backups (and KEEP_BEFORE_IMPORT import ones) taken last, in the order
    they were taken rather than by the day in their names: after the clock was once in the
    future, a name sorts ahead of every later backup. `keep`, the one just taken, always stays."""
    by_age = backups_by_age(locations)
    for kind, limit in ((False, KEEP), (True, KEEP_BEFORE_IMPORT)):
        same_kind = [b for b in by_age if (IMPORT_TAG in b.name) is kind]
        for old in same_kind[limit:]:
            if old != keep:
                shutil.rmtree(old, ignore_errors=True)


def backups_by_age(locations: Locations) -> list[Path]:
    """Whole backups, the one taken last first."""
    if not locations.backups.is_dir():
        return []
    found = {p: _sequence(p) for p in locations.backups.iterdir() if p.is_dir() and _day_of(p.name)}
    return sorted((p for p, seq in found.items() if seq is not None), key=lambda p: (found[p], p.name), reverse=True)


def daily_backups(locations: Locations) -> list[Path]:
    """The one taken last first."""
    return [b for b in backups_by_age(locations) if IMPORT_TAG not in b.name]


def _sequence(backup: Path) -> int | None:
    """Where the backup stands in the order backups were taken; None for one that is not whole."""
    manifest = backup / MANIFEST
    if not manifest.exists():
        return 0  # taken by an earlier plumbline, which also renamed a backup into place whole
    try:
        content = json.loads(manifest.read_bytes())
        whole = set(content["files"]) <= _files_in(backup)
        return int(content["sequence"]) if whole else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _files_in(backup: Path) -> set[str]:
    """The regular files a backup holds, as its manifest names them ("entries/2026-11.json"):
    two folder listings rather than a stat per file, for each of seven backups at every backup."""
    found: set[str] = set()
    with os.scandir(backup) as top:
        for entry in top:
            if entry.is_file():
                found.add(entry.name)
            elif entry.is_dir():
                with os.scandir(entry.path) as inner:
                    found.update(f"{entry.name}/{item.name}" for item in inner if item.is_file())
    return found


def newest_good_backup(locations: Locations) -> Path | None:
    for backup in backups_by_age(locations):
        if _loads(backup):
            return backup
    return None


def _loads(backup: Path, names: list[Path] | None = None) -> bool:
    if names is None:
        names = [p.relative_to(backup) for p in backup.rglob("*.json") if p.name != MANIFEST]
    names = [n for n in names if n.suffix == ".json"]
    try:
        return bool(names) and all(isinstance(json.loads((backup / n).read_bytes()), dict) for n in names)
    except (OSError, ValueError):
        return False


def restore(locations: Locations, backup: Path, now: dt.datetime) -> list[Path]:
    """Replace the files that cannot be read with the backup's copies, and only those: a healthy
    file, and so every record written since the backup in it, stays. Each unreadable file is first
    kept beside itself as NAME.damaged-YYYYmmdd-HHMMSS; one the backup does not hold (a month
    begun after it) is only moved aside. Returns the paths kept aside."""
    kept = []
    stamp = now.strftime("%Y%m%d-%H%M%S")
    with exclusive_lock(locations.lock_file):
        for current in unreadable(locations):
            aside = current.with_name(f"{current.name}.damaged-{stamp}")
            current.rename(aside)
            kept.append(aside)
            copy = backup / current.relative_to(locations.data_dir)
            if copy.is_dir():
                shutil.copytree(copy, current, ignore=shutil.ignore_patterns(MANIFEST))
                os.chmod(current, FOLDER_MODE)
            elif copy.is_file():
                atomic_write(current, copy.read_bytes())
    return kept


def _day_of(name: str) -> str:
    """The day a backup's name holds ("YYYY-MM-DD"), or "" for a folder that is no backup."""
    with contextlib.suppress(ValueError):
        dt.date.fromisoformat(name[:10])
        if len(name) == 10 or name[10:].startswith(IMPORT_TAG):
            return name[:10]
    return ""
