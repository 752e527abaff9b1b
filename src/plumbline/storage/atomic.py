"""Crash-safe file replacement and the inter-process lock.

TinyDB's own JSONStorage rewrites the file in place, so a crash mid-write can leave a file that
does not load. Here every write goes to a temporary file in the same folder, is fsynced, then
atomically replaces the old file; the folder is fsynced so the rename itself survives power loss.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

TEMP_PREFIX = ".tmp-"


def atomic_write(path: Path, data: bytes) -> None:
    import tempfile  # here: reading commands never write, and tempfile costs a millisecond to import

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporaries of writers that were killed mid-write. Call only while holding the lock,
    since then no live writer can own one."""
    removed = 0
    if folder.is_dir():
        for stale in folder.glob(f"{TEMP_PREFIX}*.part"):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
                removed += 1
    return removed


@contextlib.contextmanager
def exclusive_lock(lock_file: Path, wait: bool = True) -> Iterator[None]:
    """One writer at a time across processes; the kernel releases it if the holder dies.
    With wait=False, BlockingIOError instead of waiting for another holder."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
