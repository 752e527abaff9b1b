"""What `sync status` tells: the devices whose files are in the data dir, and what is not merged."""

from __future__ import annotations

import datetime as dt
import os
from typing import NamedTuple

from plumbline.storage.store import Store


class Device(NamedTuple):
    id: str
    last_write: dt.datetime | None  # None: this device has not written here yet
    files: int
    this: bool


class Unmerged(NamedTuple):
    file: str
    why: str


def devices(store: Store) -> list[Device]:
    """Every device with files here, this one first; the time each last wrote is its newest file's."""
    newest: dict[str, list[float]] = {}
    for found in store.listing().every():
        if found.file.device is None or found.file.conflict:
            continue
        try:
            newest.setdefault(found.file.device, []).append(os.stat(found.path).st_mtime)
        except OSError:
            continue  # gone since the listing
    found_devices = [Device(d, dt.datetime.fromtimestamp(max(t)).astimezone(), len(t), d == store.device)
                     for d, t in newest.items()]
    if store.device not in newest:
        found_devices.append(Device(store.device, None, 0, True))
    return sorted(found_devices, key=lambda d: (not d.this, d.id))


def legacy_files(store: Store) -> int:
    """Files from before devices: read with the others, never written again."""
    return sum(1 for f in store.listing().every() if f.file.device is None and not f.file.conflict)


def unmerged(store: Store) -> list[Unmerged]:
    """Files not merged: conflict copies still here, and other devices' files that cannot be read."""
    store.check_files()  # reads every file, so that the skipped ones are known (a damaged one of ours: raised)
    found = [Unmerged(str(path), why) for path, why in sorted(store.files.skipped.items())]
    known = {u.file for u in found}
    found += [Unmerged(str(c.path), "a sync engine's conflict copy, merged at the next start once it can be read")
              for c in store.listing().conflicts() if str(c.path) not in known]
    return found
