"""Syncthing's version vectors, as far as the simulator needs them: who changed a file how often.
Two versions conflict when neither vector has seen everything the other has."""

from __future__ import annotations

from dataclasses import dataclass

Vector = tuple[tuple[str, int], ...]  # (short device id, counter), sorted by id


def bump(vector: Vector, device: str) -> Vector:
    counters = dict(vector)
    counters[device] = counters.get(device, 0) + 1
    return tuple(sorted(counters.items()))


def merge(first: Vector, second: Vector) -> Vector:
    counters = dict(first)
    for device, counter in second:
        counters[device] = max(counters.get(device, 0), counter)
    return tuple(sorted(counters.items()))


def dominates(first: Vector, second: Vector) -> bool:
    """`first` has seen all of `second` and more."""
    mine, theirs = dict(first), dict(second)
    return first != second and all(mine.get(device, 0) >= counter for device, counter in theirs.items())


def concurrent(first: Vector, second: Vector) -> bool:
    return first != second and not dominates(first, second) and not dominates(second, first)


@dataclass(frozen=True)
class Entry:
    """One device's index entry for a file: its content (None once deleted), mtime, vector, and the
    short id of the device that made this version."""

    digest: str | None
    mtime_ns: int
    vector: Vector
    modified_by: str

    @property
    def deleted(self) -> bool:
        return self.digest is None

    def wins_over(self, other: Entry) -> bool:
        """Syncthing's FileInfo.WinsConflict: an edit beats a delete, then the newer mtime wins.
        At equal mtimes Syncthing compares the vectors; the larger device id stands in for that."""
        mine = (not self.deleted, self.mtime_ns, self.modified_by)
        theirs = (not other.deleted, other.mtime_ns, other.modified_by)
        return mine > theirs


def winner(entries: list[Entry]) -> Entry:
    """The global version: the one whose vector has seen all others, or among concurrent latest
    versions the one that wins the conflict."""
    latest = [entry for entry in entries if not any(dominates(other.vector, entry.vector) for other in entries)]
    best = latest[0]
    for entry in latest[1:]:
        if entry.wins_over(best):
            best = entry
    return best
