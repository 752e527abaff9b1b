"""Habit files as parsed before, so a command does not parse the same TOML on every run.

Importing tomllib and parsing thirty habit files is about 4 ms, a tenth of `plumbline today`.
The cache (`cache/habit-files.json` in the data dir) holds each file's parsed content under its
path, with the size and modification time it had. It is only ever a copy: missing, damaged or
out of date, it is rebuilt from the files, which stay the only truth. Validation still runs on
every load, so a bad file is reported each time, cached or not.
"""

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plumbline.storage.atomic import atomic_write, exclusive_lock, remove_stale_temporaries
from plumbline.storage.locations import Locations

FORMAT = 1
# A file changed this recently is parsed each time instead of cached: two edits within one tick
# of the file system's clock can leave the same size and mtime (git's "racy" case).
SETTLED_NS = 2_000_000_000

Stamp = list[int]  # [mtime_ns, size]


class TomlCache:
    def __init__(self, locations: Locations) -> None:
        self.locations = locations
        self.file = locations.cache_dir / "habit-files.json"
        self.stored = self._stored()
        self.kept: dict[str, tuple[Stamp, dict[str, Any]]] = {}

    def read(self, path: Path, parse: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The file's content: from the cache when the file is unchanged, else `parse()`."""
        try:
            stat = path.stat()
        except OSError:
            return parse()  # which reports the file as unreadable
        stamp, key = [stat.st_mtime_ns, stat.st_size], str(path)
        cached = self.stored.get(key)
        if cached is not None and cached[0] == stamp:
            self.kept[key] = cached
            return cached[1]
        data = parse()
        if time.time_ns() - stat.st_mtime_ns > SETTLED_NS and _plain(data):
            self.kept[key] = (stamp, data)
        return data

    def save(self) -> None:
        """Write the cache if it changed: files parsed anew, or files gone since."""
        if self.kept == self.stored:
            return
        content = {"format": FORMAT, "files": {key: [stamp, data] for key, (stamp, data) in self.kept.items()}}
        # A cache that cannot be written (read-only data dir, full disk) only costs speed.
        with contextlib.suppress(OSError), exclusive_lock(self.locations.lock_file):
            remove_stale_temporaries(self.file.parent)  # of a process killed while writing it
            atomic_write(self.file, json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode())

    def _stored(self) -> dict[str, tuple[Stamp, dict[str, Any]]]:
        try:
            content = json.loads(self.file.read_bytes())
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
