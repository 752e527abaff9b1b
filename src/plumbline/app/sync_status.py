"""`sync status`: the devices that share the data dir, and anything that could not be merged."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from plumbline.storage import conflict_copies, sync_report
from plumbline.storage.sync_names import original_name
from plumbline.storage.sync_report import Device, Unmerged

if TYPE_CHECKING:
    from plumbline.app.tracker import Tracker

__all__ = ["Device", "SyncStatus", "Unmerged", "sync_status"]


class SyncStatus(NamedTuple):
    this_device: str
    devices: list[Device]
    unmerged: list[Unmerged]
    legacy_files: int  # files from before devices, read and never written


def sync_status(tracker: Tracker) -> SyncStatus:
    conflict_copies.absorb(tracker.store)  # what can be merged now is, before it is reported
    store = tracker.store
    unmerged = sync_report.unmerged(store)
    # Habit and routine files are the user's own: their conflict copies are reported, never merged.
    for error in [*tracker.load_errors, *tracker.routines().errors]:
        path = getattr(error, "path", None)
        if path is not None and original_name(str(getattr(path, "name", ""))):
            unmerged.append(Unmerged(str(path), "a sync engine's conflict copy of a file you edit: compare the two, "
                                                "keep one, delete the other"))
    return SyncStatus(store.device, sync_report.devices(store), unmerged, sync_report.legacy_files(store))
