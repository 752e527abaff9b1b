"""`plumbline remind`: the reminder schedule in the foreground, as a login service runs it."""

from __future__ import annotations

import asyncio
import signal
import sys

from plumbline.app.tracker import Tracker
from plumbline.notify.service import Clock, ReminderService


def run_foreground(tracker: Tracker, clock: Clock) -> int:
    asyncio.run(_serve(tracker, clock))
    return 0


async def _serve(tracker: Tracker, clock: Clock) -> None:
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for stop_signal in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(stop_signal, stopped.set)  # systemd stops a service with SIGTERM
    service = ReminderService(tracker, clock, log=_say)
    service.start(show=_show, warn=_warn)
    upcoming = service.next_break()
    _say("reminders running" + (f"; next posture break at {upcoming:%a %H:%M}" if upcoming else "") + "; ctrl+c stops")
    await stopped.wait()
    service.stop()
    await asyncio.sleep(0)  # let the scheduler's shutdown run on the loop


def _say(line: str) -> None:
    print(f"plumbline: {line}", flush=True)


def _warn(line: str) -> None:
    print(f"plumbline: warning: {line}", file=sys.stderr, flush=True)


def _show(title: str, message: str) -> None:
    """Without a desktop service: the reminder in the terminal (or the journal), with a bell."""
    print(f"\a{title}: {message}", flush=True)
