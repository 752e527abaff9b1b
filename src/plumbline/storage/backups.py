"""Automatic backups: one a day, the last seven kept, and a restore that keeps the damaged file.

A backup is a folder `backups/YYYY-MM-DD/` with copies of the database, the month files and the
user's own habit and routine files. Only data that loads is backed up, so a backup is always
something to go back to.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from pathlib import Path

from plumbline.storage.atomic import atomic_write
from plumbline.storage.locations import Locations

KEEP = 7
TEMP_PREFIX = ".tmp-backup-"


def data_files(locations: Locations) -> list[Path]:
    """The user's files, relative to the data dir."""
    root = locations.data_dir
    found = [locations.database] if locations.database.exists() else []
    for pattern in ("entries/*.json", "habits/*.toml", "routines/*.toml"):
        found.extend(sorted(root.glob(pattern)))
    return [p.relative_to(root) for p in found]


def loads(folder: Path, files: list[Path]) -> bool:
    for name in files:
        if name.suffix == ".json":
            try:
                data = json.loads((folder / name).read_bytes())
            except (OSError, ValueError):
                return False
            if not isinstance(data, dict):
                return False
    return True


def take_backup(locations: Locations, name: str) -> Path | None:
    """Copy the data into backups/NAME unless it exists already or the data does not load."""
    target = locations.backups / name
    if target.exists():
        return None
    files = data_files(locations)
    if not files or not loads(locations.data_dir, files):
        return None
    locations.backups.mkdir(parents=True, exist_ok=True)
    for stale in locations.backups.glob(f"{TEMP_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a process killed mid-backup
    building = locations.backups / f"{TEMP_PREFIX}{name}"
    for relative in files:
        (building / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(locations.data_dir / relative, building / relative)
    building.rename(target)  # a backup appears whole or not at all
    return target


def take_daily_backup(locations: Locations, today: dt.date) -> Path | None:
    made = take_backup(locations, today.isoformat())
    if made is not None:
        for old in daily_backups(locations)[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
    return made


def daily_backups(locations: Locations) -> list[Path]:
    """Newest first."""
    if not locations.backups.is_dir():
        return []
    return sorted((p for p in locations.backups.iterdir() if p.is_dir() and _is_day(p.name)), reverse=True)


def newest_good_backup(locations: Locations) -> Path | None:
    for backup in daily_backups(locations):
        files = [p.relative_to(backup) for p in backup.rglob("*") if p.is_file()]
        if files and loads(backup, files):
            return backup
    return None


def restore(locations: Locations, backup: Path, now: dt.datetime) -> list[Path]:
    """Put a backup's files back. Each current file it replaces is first kept beside itself as
    NAME.damaged-YYYYmmdd-HHMMSS, so nothing is lost even if the choice was wrong."""
    kept = []
    stamp = now.strftime("%Y%m%d-%H%M%S")
    for source in sorted(p for p in backup.rglob("*") if p.is_file()):
        relative = source.relative_to(backup)
        current = locations.data_dir / relative
        if current.exists():
            aside = current.with_name(f"{current.name}.damaged-{stamp}")
            current.rename(aside)
            kept.append(aside)
        atomic_write(current, source.read_bytes())
    return kept


def _is_day(name: str) -> bool:
    with contextlib.suppress(ValueError):
        dt.date.fromisoformat(name)
        return True
    return False
