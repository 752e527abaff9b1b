"""Where the month-start summaries of each habit are kept between runs: `cache/standings.json`.

What they hold is the application layer's business (app/standings.py); this file only loads and
saves them. Like the habit-file cache, it is only ever a copy: missing, damaged or from another
version, it is rebuilt from the month files, which stay the only truth. It is saved only in a
data dir already in use, and never waits for the lock.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from plumbline.errors import StorageError
from plumbline.storage.atomic import atomic_write, read_regular, remove_stale_temporaries
from plumbline.storage.locations import Locations
from plumbline.storage.lock import exclusive_lock

FORMAT = 2  # 2: each state a JSON text


class SummaryFile:
    def __init__(self, locations: Locations) -> None:
        self.locations = locations
        self.file = locations.cache_dir / "standings.json"

    def load(self) -> dict[str, Any]:
        try:
            content = json.loads(read_regular(self.file) or b"")  # a FIFO here must not block
            if isinstance(content, dict) and content.get("format") == FORMAT:
                return content
        except (OSError, ValueError):
            pass  # no summaries yet, or damaged ones: rebuilt from the month files
        return {"format": FORMAT}

    def save(self, content: dict[str, Any]) -> None:
        if not self.locations.in_use():
            return  # a data dir nothing was written to: a read leaves it as it is
        # Only saves time: a lock held by a writer, a read-only data dir or a full disk means
        # it is not saved this time.
        with contextlib.suppress(OSError, StorageError), exclusive_lock(self.locations.lock_file, wait=False):
            remove_stale_temporaries(self.file.parent)
            atomic_write(self.file, json.dumps({**content, "format": FORMAT}, separators=(",", ":")).encode())
