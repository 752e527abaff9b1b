"""Each month's digest kept between runs: `cache/months/YYYY-MM.json` in the device's state folder.

A month file holds every record with the stamps and tags that only merging reads (record_merge.py);
a reader wants each habit's (count, skipped, note) by day (MonthRecords.digest). Decoding the
files for that was most of the CSV export at ten years, and a fifth of the work of `today`.
A digest is filed under the stamp of the month's files (data_files.combined_stamp), and like the
other caches it is only ever a copy: missing, damaged, from another version or behind the files,
the month is read from them, which stay the only truth. The store saves one only for a month
whose files have settled, were all read and hold only sound records, so reading a digest reports
nothing that reading the files would have.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path

from plumbline.errors import DamagedDatabase, StorageError
from plumbline.storage.atomic import atomic_write, read_regular, remove_stale_temporaries
from plumbline.storage.locations import Locations
from plumbline.storage.month_records import MonthRecords, Stamp

FORMAT = 1


class MonthDigests:
    def __init__(self, locations: Locations) -> None:
        self.locations = locations
        self.folder = locations.cache_dir / "months"
        self._cleaned = False
        self._in_use = False  # once a data dir is in use it stays so: asked until then, not per month

    def load(self, month: str, stamp: Stamp, path: Path, files: Callable[[], MonthRecords]) -> MonthRecords | None:
        """The month's records from its digest, if one was saved under `stamp` (`path`: the file
        that errors name, as for records read from the files; `files`: the month read from its
        files, should the digest's pain records turn out damaged when first asked for)."""
        try:
            content = json.loads(read_regular(self.folder / f"{month}.json") or b"null")  # a FIFO must not block
            if not isinstance(content, dict) or content.get("format") != FORMAT or content.get("stamp") != list(stamp):
                return None
            return MonthRecords.from_digest(path, month, content["digest"], files)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None  # none yet, or damaged: read from the files

    def save(self, month: str, stamp: Stamp, records: MonthRecords) -> None:
        """Only saves time: a month with a damaged record, a lock held by a writer, a read-only
        state folder or a full disk means it is not saved this time."""
        self._in_use = self._in_use or self.locations.in_use()
        if not self._in_use:
            return  # a data dir nothing was written to: a read leaves it as it is
        try:
            content = {"format": FORMAT, "stamp": list(stamp), "digest": records.digest()}
        except DamagedDatabase:
            return  # whoever reads the damaged record is told
        from plumbline.storage.lock import exclusive_lock  # a read with every digest saved never loads it

        with contextlib.suppress(OSError, StorageError), exclusive_lock(self.locations.lock_file, wait=False):
            if not self._cleaned:  # of a process killed while writing one; once a process
                remove_stale_temporaries(self.folder)
                self._cleaned = True
            # No fsync: a digest a crash leaves torn reads as none, and is made again.
            atomic_write(self.folder / f"{month}.json",
                         json.dumps(content, separators=(",", ":"), ensure_ascii=False).encode(), durable=False)
