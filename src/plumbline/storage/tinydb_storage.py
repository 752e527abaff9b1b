"""A TinyDB storage that never rewrites a file in place and never touches a file it cannot read.

Every file in the data dir is a TinyDB database: `TinyDB(path, storage=AtomicJSONStorage)` opens
one with these guarantees (tests/store/test_tinydb_files.py). plumbline itself reads them
through this class and writes them through atomic.py, not through TinyDB's tables, whose id and query caches
go stale when another process writes (docs/architecture.md). TinyDB asks a storage only for
read, write and close, so the class does not derive from tinydb.storages.Storage: importing that
loads the whole tinydb package, which was 7% of `plumbline today` (15.6 of 231.7 million
instructions, about 6 ms).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from plumbline.errors import DamagedDatabase, storage_error
from plumbline.storage.atomic import atomic_write_json, read_regular


def damaged(path: Path, why: str) -> DamagedDatabase:
    return DamagedDatabase(
        f"database file {path} cannot be read ({why}); it was left as it is: open plumbline "
        f"to restore a backup, or move the file away to start afresh"
    )


class AtomicJSONStorage:
    def __init__(self, path: str | Path, **_: Any) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = read_regular(self.path)
        except PermissionError as error:
            raise storage_error(error, self.path, doing="read") from None  # not damage: no restore
        except OSError as error:
            raise damaged(self.path, error.strerror or str(error)) from None
        if raw is None:
            return None
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise damaged(self.path, "it is not valid JSON, perhaps truncated") from None
        if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values()) for table in data.values()
        ):
            raise damaged(self.path, "it is not a plumbline database")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write_json(self.path, data)

    def close(self) -> None:
        pass
