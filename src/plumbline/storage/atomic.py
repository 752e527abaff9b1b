"""Crash-safe file replacement, private folders, reads that cannot hang, and the inter-process lock.

TinyDB's own JSONStorage rewrites the file in place, so a crash mid-write can leave a file that
does not load. Here every write goes to a temporary file in the same folder, is fsynced, then
atomically replaces the old file; the folder is fsynced so the rename itself survives power loss.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from plumbline.errors import storage_error

TEMP_PREFIX = ".tmp-"
_ANOTHER_DEVICES = r"\.tmp-[a-z2-7]{8}-"  # compiled when first used (re caches it): only a writer clears temporaries
# The device whose temporaries this process makes (see set_temporary_owner).
_owner = ""


def set_temporary_owner(device: str) -> None:
    """Name this process's temporaries with its device: in a data dir a sync engine shares, a
    temporary of another device's live writer may arrive, and must not be taken for a stale one."""
    global _owner
    _owner = device
FOLDER_MODE = 0o700  # health data: set explicitly, since the umask may be 000


def private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents as 0700, whatever the umask."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile
            os.mkdir(created, FOLDER_MODE)
            os.chmod(created, FOLDER_MODE)


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace `path` whole; StorageError (naming it) when the disk is full, read-only or not ours.
    durable=False: no fsync, for a copy kept only for speed (a cache), which a crash may leave
    empty or torn: its reader takes that for no copy and rebuilds it."""
    try:
        _replace(path, data, durable)
    except OSError as error:
        raise storage_error(error, path) from None


def atomic_write_json(path: Path, data: Any) -> None:
    """`data` as compact UTF-8 JSON, written as atomic_write does: every file plumbline keeps."""
    atomic_write(path, json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode())


def _replace(path: Path, data: bytes, durable: bool) -> None:
    import tempfile  # here: reading commands never write, and tempfile costs a millisecond to import

    private_folder(path.parent)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{_owner}-" if _owner else TEMP_PREFIX,
                                     suffix=".part")  # 0600
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
            if durable:
                temp.flush()
                os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    if durable:
        _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class NotAFile(OSError):
    """A FIFO, device, socket or folder where a data file should be: reading it could block."""


def read_regular(path: Path) -> bytes | None:
    """The file's bytes, or None when nothing is there. O_NONBLOCK and the type check keep a FIFO
    or a device from blocking the read; a symlink that leads nowhere (dangling or looping) is an
    OSError, not an absent file, so it is never mistaken for an empty database and replaced."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileNotFoundError(2, f"it is a link to {os.readlink(path)}, which does not exist", str(path)) from None
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(0, "it is not a regular file (a folder, FIFO or device)", str(path))
        with os.fdopen(os.dup(fd), "rb") as source:
            return source.read()
    finally:
        os.close(fd)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporaries of writers that were killed mid-write. Call only while holding the lock,
    since then no live writer can own one."""
    removed = 0
    if folder.is_dir():
        for stale in folder.glob(f"{TEMP_PREFIX}*.part"):
            if _owner and re.match(_ANOTHER_DEVICES, stale.name) and not stale.name.startswith(f"{TEMP_PREFIX}{_owner}-"):
                continue  # another device's: it may be writing it this moment
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
                removed += 1
    return removed
