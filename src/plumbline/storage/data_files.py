"""The files every device has written into the data dir, found and read with one rule for damage.

This device's own files and the files from before devices are ours: one that cannot be read
stops the command with DamagedDatabase (and the app offers a backup). Another device's file, or
a sync engine's conflict copy, may be half-synced or from a newer plumbline: it is skipped with
one line of warning and never stops this device's own work; the sync engine brings the whole
file later, and `sync status` lists it meanwhile.
"""

import os
import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from plumbline.errors import DamagedDatabase
from plumbline.storage.locations import Locations
from plumbline.storage.month_records import Stamp, file_stamp
from plumbline.storage.sync_names import DataFile, month_file, state_file

__all__ = ["DataFile", "Found", "Listing", "Reader", "combined_stamp", "is_ours", "listing", "month_file", "state_file"]
from plumbline.storage.tinydb_storage import AtomicJSONStorage


# Annotations evaluated, not strings: see the note above domain/habit.py's Schedule.
class Found(NamedTuple):
    path: Path
    file: DataFile


class Listing(NamedTuple):
    months: dict[str, list[Found]]  # "YYYY-MM" -> its files
    states: list[Found]

    def every(self) -> list[Found]:
        """The state files, then every month's files."""
        return [*self.states, *(found for files in self.months.values() for found in files)]

    def conflicts(self) -> list[Found]:
        """The sync engines' conflict copies among them."""
        return [found for found in self.every() if found.file.conflict]


def listing(locations: Locations) -> Listing:
    months: dict[str, list[Found]] = {}
    folder = locations.entries_dir
    try:
        names = os.listdir(folder)  # a tenth of the cost of Path.glob
    except FileNotFoundError:
        names = []
    except NotADirectoryError:
        raise DamagedDatabase(f"{folder} should be the folder of month files but is a "
                              "file: move it aside, then open plumbline to restore a backup") from None
    for found in _named(folder, names, month_file):
        if found.file.month:
            months.setdefault(found.file.month, []).append(found)
    try:
        top = os.listdir(locations.data_dir)
    except (FileNotFoundError, NotADirectoryError):
        top = []  # not there yet; a data dir that is a file is reported by whoever writes
    states = _named(locations.data_dir, top, state_file)
    for files in months.values():
        files.sort(key=lambda f: f.file.name)
    return Listing(months, sorted(states, key=lambda f: f.file.name))


# What each name in a folder is, worked out once a process: a name always means the same file,
# and the folders are listed again at each read until they settle (Store.listing). Classifying
# and making a path for each of 120 month files was a millisecond a listing, and a history
# opened just after a check-in listed them forty times.
_NAMED: dict[tuple[Path, Callable[[str], DataFile | None]], dict[str, Found | None]] = {}


def _named(folder: Path, names: list[str], classify: Callable[[str], DataFile | None]) -> list[Found]:
    known = _NAMED.setdefault((folder, classify), {})
    if len(known) > 10_000:
        known.clear()  # a folder with that many names is not a data dir's: keep memory bounded
    found = []
    for name in names:
        try:
            item = known[name]
        except KeyError:
            kind = classify(name)
            item = known[name] = Found(folder / name, kind) if kind is not None else None
        if item is not None:
            found.append(item)
    return found


def is_ours(found: Found, device: str) -> bool:
    return not found.file.conflict and found.file.device in (None, device)


def combined_stamp(files: list[Found]) -> Stamp | None:
    """One stamp for several files: it changes whenever any of them is written, added or removed."""
    if not files:
        return 0, 0, 0, 0
    stamps = [file_stamp(f.path) for f in files]
    if any(s is None for s in stamps):
        return None
    if len(stamps) == 1:
        return stamps[0]
    known = [s for s in stamps if s is not None]
    # Not hash(): it differs between processes, and the summaries keep stamps between runs.
    names = zlib.crc32(repr([(f.file.name, s[3], s[2]) for f, s in zip(files, known)]).encode())
    return max(s[0] for s in known), max(s[1] for s in known), sum(s[2] for s in known), names


class Reader:
    """Reads files by the rule above; `skipped` holds the files passed over and why."""

    def __init__(self, device: str, warn: Callable[[str], None]) -> None:
        self.device = device
        self.warn = warn
        self.skipped: dict[Path, str] = {}

    def read(self, found: Found, check: Callable[[Path, dict[str, Any]], None]) -> dict[str, Any] | None:
        try:
            data = AtomicJSONStorage(found.path).read() or {}
            check(found.path, data)
        except DamagedDatabase as error:
            if is_ours(found, self.device):
                raise
            self._skip(found.path, str(error))
            return None
        self.skipped.pop(found.path, None)
        return data

    def _skip(self, path: Path, error: str) -> None:
        cause = re.search(r"\(([^()]*)\)", error)
        why = f"cannot be read yet ({cause[1] if cause else error}): a sync not finished, or a newer plumbline there"
        self.skipped[path] = why
        if (path, why) not in _WARNED:  # once a process, however many reads meet it
            _WARNED.add((path, why))
            self.warn(f"skipped {path}: another device's file that {why}; nothing of this device's is affected")


_WARNED: set[tuple[Path, str]] = set()
