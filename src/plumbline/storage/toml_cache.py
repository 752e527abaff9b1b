"""Habit files as parsed before, so a command does not parse the same TOML on every run.

Importing tomllib and parsing thirty habit files is about 4 ms, a tenth of `plumbline today`.
The cache (`cache/habit-files.json` in the data dir) holds each file's parsed content under its
path, with the file's stamp: modification and change times, size and inode. It is only ever a
copy: missing, damaged or out of date, it is rebuilt from the files, which stay the only truth.
Validation still runs on every load, so a bad file is reported each time, cached or not.
"""

import contextlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plumbline.errors import StorageError
from plumbline.storage.atomic import atomic_write_json, read_regular, remove_stale_temporaries
from plumbline.storage.locations import Locations

FORMAT = 2
# A file changed this recently is parsed each time instead of cached: two edits within one tick
# of the file system's clock can leave the same stamp (git's "racy" case). The change time
# counts too, since it moves even when a copy keeps the modification time (cp -p, unzip).
SETTLED_NS = 2_000_000_000

Stamp = list[int]  # [mtime_ns, ctime_ns, size, inode]
Cached = tuple[Stamp, dict[str, Any]]


class TomlCache:
    def __init__(self, locations: Locations, now_ns: Callable[[], int] = time.time_ns) -> None:
        self.locations = locations
        self.now_ns = now_ns
        self.file = locations.cache_dir / "habit-files.json"
        self.stored = self._stored()
        self.kept: dict[str, Cached] = {}
        self.read_now: set[str] = set()

    def read(self, path: Path, parse: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The file's content: from the cache when the file is unchanged, else `parse()`."""
        try:
            stat = path.stat()
        except OSError:
            return parse()  # which reports the file as unreadable
        stamp, key = [stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino], str(path)
        self.read_now.add(key)
        cached = self.stored.get(key)
        if cached is not None and cached[0] == stamp:
            self.kept[key] = cached
            return cached[1]
        data = parse()
        if self.now_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > SETTLED_NS and _plain(data):
            self.kept[key] = (stamp, data)
        return data

    def save(self) -> None:
        """Write the cache if it changed: files parsed anew, or files gone since.

        Files this load did not read stay when they still exist: a second installation of
        plumbline sharing the data dir reads its own built-in files, and the two would otherwise
        take turns rewriting the cache."""
        others = {key: cached for key, cached in self.stored.items() if key not in self.read_now and os.path.exists(key)}
        content = {**others, **self.kept}
        if content == self.stored or not self.locations.in_use():
            return  # unchanged, or a data dir nothing was written to: a read leaves it as it is
        data = {"format": FORMAT, "files": {key: [stamp, parsed] for key, (stamp, parsed) in content.items()}}
        # The cache only saves time: a lock held by a writer, a read-only data dir or a full disk
        # means it is not saved this time.
        from plumbline.storage.lock import exclusive_lock  # a read with the cache saved never loads it

        with contextlib.suppress(OSError, StorageError), exclusive_lock(self.locations.lock_file, wait=False):
            remove_stale_temporaries(self.file.parent)  # of a process killed while writing it
            atomic_write_json(self.file, data)

    def _stored(self) -> dict[str, Cached]:
        try:
            content = json.loads(read_regular(self.file) or b"")  # a FIFO here must not block
            if content.get("format") != FORMAT:
                return {}
            return {key: (stamp, data) for key, (stamp, data) in content["files"].items() if isinstance(data, dict)}
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            return {}  # no cache yet, or a damaged one: it is rebuilt from the files


def _plain(data: dict[str, Any]) -> bool:
    """Whether JSON holds it as it is: TOML dates and times do not survive the trip."""
    try:
        return json.loads(json.dumps(data)) == data
    except (TypeError, ValueError):
        return False
