"""Hybrid logical clock stamps: what orders the changes of devices that sync through files.

A stamp is text, `<wall ms, 12 hex><counter, 4 hex>-<device id>`, so that comparing two stamps
as text compares them as clocks: wall time first, then the counter, then the device as a tie
break no two devices share. A new stamp is never behind the device's last one, nor behind any
stamp it has read for the record it changes, so a change made after seeing another one always
wins over it, whatever the two devices' clocks say. Records from before stamps have "".
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterable

LEGACY = ""  # the stamp of everything written before devices: older than every stamp
_SHAPE = "[0-9a-f]{16}-[a-z2-7]{8}"


def is_stamp(value: object) -> bool:
    """A stamp as a device writes it. Another device's file is checked for them before it is
    read: a stamp that sorts after every real one ("zzz") would win every merge for good."""
    return isinstance(value, str) and _pattern().fullmatch(value) is not None


@functools.cache
def _pattern() -> re.Pattern[str]:
    return re.compile(_SHAPE)


def make(wall_ms: int, counter: int, device: str) -> str:
    return f"{wall_ms:012x}{counter:04x}-{device}"


def wall_and_counter(stamp: str) -> tuple[int, int]:
    if not stamp:
        return 0, 0
    return int(stamp[:12], 16), int(stamp[12:16], 16)


def device_of(stamp: str) -> str:
    return stamp[17:]


class Clock:
    """One device's clock, for the life of a process."""

    def __init__(self, device: str, now_ns: Callable[[], int] = time.time_ns) -> None:
        self.device = device
        self.now_ns = now_ns
        self.last = LEGACY

    def next(self, seen: Iterable[str] = ()) -> str:
        """A stamp after every stamp in `seen` and after this clock's last."""
        latest = max((self.last, *seen))
        wall, counter = wall_and_counter(latest)
        now = self.now_ns() // 1_000_000
        stamp = make(now, 0, self.device) if now > wall else make(wall, counter + 1, self.device)
        if counter + 1 > 0xFFFF and now <= wall:
            stamp = make(wall + 1, 0, self.device)  # the counter is full: step the wall time on
        self.last = stamp
        return stamp
