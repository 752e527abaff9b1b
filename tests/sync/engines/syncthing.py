"""A simulated Syncthing cluster over real directories, one folder per device.

Modelled on Syncthing 1.19 (lib/model/folder_sendrecv.go, lib/protocol) and measured against two
real instances (tests/sync/test_syncthing_pair.py):
- each device keeps an index (content, mtime, version vector) updated by scanning its folder;
- a file changed on two devices since they last agreed (concurrent vectors) goes to the version
  with the newer mtime; an edit beats a delete, silently;
- the losing device renames its file to `<stem>.sync-conflict-<its clock, YYYYMMDD-HHMMSS>-<id><ext>`
  where <id> is the short id of the device that made the WINNING version (measured; Syncthing
  passes the incoming file's ModifiedBy), then the copy syncs like any file; only the newest 10
  copies per file are kept, and removing the others is a deletion that syncs too;
- a conflict on a file that is itself a conflict copy just drops the losing copy;
- both sides with the same content is no conflict; received files keep the sender's mtime and
  are written to a temp file renamed over the target.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.sync.engines.base import Clocks, Now, Round, plan
from tests.sync.engines.files import digest, go_ext, listing, remove, write_atomic, write_torn
from tests.sync.engines.vectors import Entry, bump, concurrent, merge, winner

MAX_PASSES = 20
Step = tuple[str, str, Entry]  # (device, relative path, the version it should get)


def short_id(name: str) -> str:
    """A stable stand-in for a device id's first 7 base32 characters."""
    return base64.b32encode(hashlib.sha256(name.encode()).digest()).decode()[:7]


class Syncthing:
    """Devices by name, each with its folder. `now` gives the test's time (conflict names are
    stamped with each device's clock: now plus its `skew`)."""

    def __init__(self, folders: Mapping[str, Path], now: Now, skew: Mapping | None = None,
                 ids: Mapping[str, str] | None = None, max_conflicts: int = 10) -> None:
        self.folders = {name: Path(folder) for name, folder in folders.items()}
        self.clocks = Clocks(now, skew)
        self.ids = {name: (ids or {}).get(name) or short_id(name) for name in self.folders}
        self.max_conflicts = max_conflicts
        self.index: dict[str, dict[str, Entry]] = {name: {} for name in self.folders}
        self.torn_prefix: dict[str, dict[str, str]] = {name: {} for name in self.folders}
        self.blobs: dict[str, bytes] = {}
        for folder in self.folders.values():
            folder.mkdir(parents=True, exist_ok=True)

    def short_id(self, device: str) -> str:
        return self.ids[device]

    def touch_as(self, device: str, path: Path | str, at=None) -> None:
        """Give a file in `device`'s folder the mtime that device's (skewed) clock would."""
        self.clocks.touch(device, self.folders[device] / path, at)

    def agreed(self, device: str) -> dict[str, str | None]:
        """What `device` last knew of each file: its content hash, None once deleted."""
        return {relative: entry.digest for relative, entry in self.index[device].items()}

    def sync(self, devices: Sequence[str] | None = None, files: Sequence[str] | None = None,
             order_seed: int | None = None, limit: int | None = None,
             torn: Mapping[str, int] | None = None) -> Round:
        """Sync the online `devices` (default all) with each other. A full round repeats until
        nothing changes (conflict copies and their pruning reach everyone). With `files`, `limit`
        or `torn` it is one pass: only those files, at most `limit` transfers in the order
        `order_seed` shuffles, and the files in `torn` delivered as their first N bytes."""
        online = list(devices) if devices is not None else list(self.folders)
        report = Round()
        single = files is not None or limit is not None or bool(torn)
        for _ in range(MAX_PASSES):
            for device in online:
                self.scan(device)
            steps = plan(self._needs(online), lambda step: step[1], files, order_seed, limit)
            if not steps:
                return report
            for device, relative, version in steps:
                report.extend(self._pull(device, relative, version, (torn or {}).get(relative)))
            if single:
                return report
        raise RuntimeError(f"simulated Syncthing did not settle in {MAX_PASSES} passes")

    def scan(self, device: str) -> None:
        """Record what changed in the folder since the index last saw it, as Syncthing's scanner."""
        me, index, torn = self.ids[device], self.index[device], self.torn_prefix[device]
        on_disk = listing(self.folders[device])
        for relative, version in on_disk.items():
            if torn.get(relative) == version.digest:
                continue  # a half-received file is not a local change; the rest is still to come
            torn.pop(relative, None)
            known = index.get(relative)
            if known and (known.digest, known.mtime_ns) == (version.digest, version.mtime_ns):
                continue
            self.blobs[version.digest] = (self.folders[device] / relative).read_bytes()
            index[relative] = Entry(version.digest, version.mtime_ns, bump(known.vector if known else (), me), me)
        for relative, known in list(index.items()):
            if not known.deleted and relative not in on_disk:
                index[relative] = Entry(None, known.mtime_ns, bump(known.vector, me), me)
                torn.pop(relative, None)

    def _needs(self, online: list[str]) -> list[Step]:
        paths = sorted({relative for device in online for relative in self.index[device]})
        steps: list[Step] = []
        for relative in paths:
            best = winner([self.index[device][relative] for device in online if relative in self.index[device]])
            for device in online:
                mine = self.index[device].get(relative)
                if mine is None and best.deleted:
                    self.index[device][relative] = best  # a tombstone for a file it never had
                elif mine is None or mine.vector != best.vector or relative in self.torn_prefix[device]:
                    steps.append((device, relative, best))
        return steps

    def _pull(self, device: str, relative: str, best: Entry, torn_length: int | None) -> Round:
        report, target = Round(), self.folders[device] / relative
        mine = self.index[device].get(relative)
        merged = Entry(best.digest, best.mtime_ns, merge(best.vector, mine.vector if mine else ()), best.modified_by)
        half_done = relative in self.torn_prefix[device]
        if best.deleted:
            remove(target)
            report.deleted.append((device, relative))
        elif mine is not None and mine.digest == best.digest and not half_done:
            os.utime(target, ns=(best.mtime_ns, best.mtime_ns))  # same content: no conflict, only metadata
        else:
            if mine is not None and not mine.deleted and not half_done and concurrent(mine.vector, best.vector):
                copy = self._move_for_conflict(device, relative, best)
                if copy is not None:
                    report.conflicts.append((device, copy))
            if torn_length is not None:
                prefix = write_torn(target, self.blobs[best.digest], torn_length)
                self.torn_prefix[device][relative] = digest(prefix)
                report.torn.append((device, relative))
            else:
                write_atomic(target, self.blobs[best.digest], best.mtime_ns)
                self.torn_prefix[device].pop(relative, None)
                report.delivered.append((device, relative))
        self.index[device][relative] = merged
        return report

    def _move_for_conflict(self, device: str, relative: str, best: Entry) -> str | None:
        """Syncthing's moveForConflict: keep the losing file aside, then prune to the newest copies."""
        target = self.folders[device] / relative
        name = target.name
        if ".sync-conflict-" in name:
            remove(target)  # the loser is itself a conflict copy: Syncthing makes no copy of a copy
            return None
        ext = go_ext(name)
        stem = name[: len(name) - len(ext)]
        stamp = self.clocks.device_now(device).strftime("%Y%m%d-%H%M%S")
        copy = target.with_name(f"{stem}.sync-conflict-{stamp}-{best.modified_by}{ext}")
        if target.exists():
            os.replace(target, copy)
        pattern = re.compile(re.escape(stem) + r"\.sync-conflict-.{8}-.{6}.*" + re.escape(ext))
        copies = sorted((path.name for path in target.parent.iterdir() if pattern.fullmatch(path.name)), reverse=True)
        for old in copies[self.max_conflicts:]:
            remove(target.parent / old)
        return copy.relative_to(self.folders[device]).as_posix()
