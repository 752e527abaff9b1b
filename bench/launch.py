"""The real launch: a command started in a pseudo-terminal as a user starts it, timed to the
moment its first screen reaches the terminal, with its peak memory then and once settled.

Used by bench/run.py for `plumbline` (with its reminder service, as the command starts it) and
for a bare Textual app run the same way. The terminal is 80x24, as the snapshot tests are.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time
from typing import NamedTuple

# What each side draws last-ish in its first frame: Textual writes a frame in one piece.
BARE_MARKER = b"bare first paint"
SETTLE_SECONDS = 1.5  # long enough for the reminder service to start and look for D-Bus


class Launch(NamedTuple):
    seconds: float  # from starting the process to its first screen in the terminal
    painted_kib: int  # peak resident memory (VmHWM) at that moment
    settled_kib: int  # and SETTLE_SECONDS later, with whatever starts after the first frame


def launch(args: list[str], marker: bytes, env: dict[str, str], settle: float | None = None) -> Launch:
    """`settle`: seconds to leave it running before the second memory reading (SETTLE_SECONDS)."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(args, stdin=child, stdout=child, stderr=child, close_fds=True, start_new_session=True,
                               env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24", **env})
    os.close(child)
    try:
        seen = _read_until(main, marker, 60)
        painted = time.perf_counter() - started
        if marker not in seen:
            raise SystemExit(f"benchmark child never painted: {' '.join(args)}: {seen[-400:]!r}")
        painted_kib = _peak_kib(process.pid)
        # keep draining: a full pty would block the app
        _read_until(main, b"\x00never\x00", SETTLE_SECONDS if settle is None else settle)
        return Launch(painted, painted_kib, _peak_kib(process.pid))
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(main)


def _read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.perf_counter() + seconds
    while wanted not in seen and (left := deadline - time.perf_counter()) > 0:
        ready, _, _ = select.select([fd], [], [], min(left, 0.005))
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            # A query the app sends the terminal (its colours, the cursor) goes unanswered, as
            # in some terminals; Textual does not wait for the answers before drawing.
            seen = seen[-4096:] + chunk
    return seen


def _peak_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
