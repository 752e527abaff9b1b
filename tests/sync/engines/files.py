"""What every simulated engine does to real directories: list a folder's files, write a file the
way the engines do (to a temp file, renamed over the target, with the sender's mtime), write a
torn prefix the way a non-atomic copier would, and split names the way each engine does."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

# Never synced: Syncthing's temp files (`.syncthing.x.tmp`), the `.~` temps of Nextcloud and
# office programs, and Syncthing's own marker and settings.
TEMP_PREFIXES = (".syncthing.", ".~")
INTERNAL_NAMES = frozenset({".stfolder", ".stignore", ".stversions"})


@dataclass(frozen=True)
class Version:
    """A file as one side has it: its content's hash and its modification time (ns)."""

    digest: str
    mtime_ns: int


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ignored(relative: str) -> bool:
    parts = relative.split("/")
    return any(part in INTERNAL_NAMES or part.startswith(TEMP_PREFIXES) for part in parts)


def listing(root: Path) -> dict[str, Version]:
    """Every synced file under `root` by its '/'-separated relative path, subfolders included."""
    found: dict[str, Version] = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [name for name in dirs if not ignored(name)]
        for name in names:
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            if not ignored(relative) and path.is_file():
                found[relative] = Version(digest(path.read_bytes()), path.stat().st_mtime_ns)
    return found


def write_atomic(target: Path, data: bytes, mtime_ns: int) -> None:
    """As Syncthing and the sync clients do: a hidden temp file beside the target, renamed over it,
    so a reader sees the old file or the new one, never half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".syncthing.{target.name}.tmp")
    temp.write_bytes(data)
    os.utime(temp, ns=(mtime_ns, mtime_ns))
    os.replace(temp, target)


def write_torn(target: Path, data: bytes, length: int) -> bytes:
    """A half-done copy by a tool that writes in place: the first `length` bytes, mtime now."""
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = data[:max(0, min(length, len(data) - 1))]
    target.write_bytes(prefix)
    return prefix


def remove(target: Path) -> None:
    target.unlink(missing_ok=True)


def go_ext(name: str) -> str:
    """Go's filepath.Ext, which Syncthing uses: from the last dot, so `.bashrc` is all extension."""
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""


def qt_ext(name: str) -> str:
    """The sync clients' rule: from the last dot unless it starts the name (`.hidden` has none)."""
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""
