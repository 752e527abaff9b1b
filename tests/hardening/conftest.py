"""Fixtures for the hardening tests (issue 12): a real tiny filesystem, and the CLI in-process."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size_kb: int) -> Iterator[Path]:
    """A real tmpfs of `size_kb` KB at `where`: writes past it fail with ENOSPC, as on a full disk."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}): needs root and mount rights")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


def fill(folder: Path, leave_bytes: int) -> None:
    """Fill the filesystem holding `folder` until fewer than `leave_bytes` are free."""
    import os

    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with contextlib.suppress(OSError), open(folder / "filler", "wb") as filler:
        filler.write(b"\0" * max(0, free - leave_bytes))
