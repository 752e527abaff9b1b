"""The real `plumbline` in a pseudo-terminal, as a user starts it, for tests that need a tty."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def app_in_pty(args: list[str], env: dict[str, str]) -> Iterator[tuple[int, subprocess.Popen]]:
    """The terminal's side of the pty and the process; the process is killed if still running."""
    main, child = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "plumbline", *args], stdin=child, stdout=child, stderr=child,
                               env=env, close_fds=True)
    os.close(child)
    try:
        yield main, process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)


def read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen
