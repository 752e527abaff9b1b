"""What the engines share: device clocks with skew, and one round's plan and report."""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

Item = TypeVar("Item")
Now = Callable[[], dt.datetime]


@dataclass
class Round:
    """What one `sync` call did, in order: (device, relative path) for each file written or
    deleted, each conflict copy made, and each torn (half) delivery."""

    delivered: list[tuple[str, str]] = field(default_factory=list)
    deleted: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    torn: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.delivered or self.deleted or self.conflicts or self.torn)

    def extend(self, other: Round) -> None:
        for name in ("delivered", "deleted", "conflicts", "torn"):
            getattr(self, name).extend(getattr(other, name))


class Clocks:
    """The test's `now`, seen by each device through its own offset (a skewed clock)."""

    def __init__(self, now: Now, skew: Mapping[str, dt.timedelta] | None = None) -> None:
        self.now = now
        self.skew = dict(skew or {})

    def device_now(self, device: str) -> dt.datetime:
        return self.now() + self.skew.get(device, dt.timedelta())

    def touch(self, device: str, path: Path, at: dt.datetime | None = None) -> None:
        """Set `path`'s mtime as `device` would by writing it at `at` (default: now) on its clock."""
        when = (at if at is not None else self.now()) + self.skew.get(device, dt.timedelta())
        ns = int(when.timestamp()) * 1_000_000_000 + when.microsecond * 1000
        os.utime(path, ns=(ns, ns))


def plan(items: Iterable[Item], path_of: Callable[[Item], str], files: Sequence[str] | None,
         order_seed: int | None, limit: int | None) -> list[Item]:
    """The transfers a round makes: only those of `files` if given, shuffled by `order_seed` (else
    in path order, devices as given), and at most `limit` of them; the rest wait for a later round."""
    chosen = [item for item in items if files is None or path_of(item) in files]
    chosen.sort(key=path_of)
    if order_seed is not None:
        random.Random(order_seed).shuffle(chosen)
    return chosen if limit is None else chosen[:limit]
