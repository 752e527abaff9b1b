"""Conflict copies a sync engine left in the data dir: merged into this device's files, then removed.

A conflict copy is another version of a file (from before devices, or of a device that shared
an id, or cloned its state folder). Its records are joined into this device's file of the same
month (or its state file) by record id, which loses nothing, since every join keeps the latest
of each field and every check's tag. The copy is deleted only once every record in it is in a
file of ours: a copy that cannot be read yet is left for a later start, and `sync status`
lists it meanwhile.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from plumbline.storage import data_files
from plumbline.storage.atomic import atomic_write_json
from plumbline.storage.checks import SCHEMA_VERSION
from plumbline.storage.device_writes import own_days
from plumbline.storage.lock import exclusive_lock
from plumbline.storage.month_merge import JoinedMonth
from plumbline.storage.record_merge import join_entries, join_pain
from plumbline.storage.state_checks import check_state_file, state_of
from plumbline.storage.state_merge import join_state
from plumbline.storage.store import Store


def absorb(store: Store) -> list[Path]:
    """Merge every readable conflict copy into this device's files and remove it; returns those removed."""
    copies = store.listing().conflicts()
    if not copies:
        return []
    removed = []
    with exclusive_lock(store.locations.lock_file):
        for copy in copies:
            if _absorb_one(store, copy):
                with contextlib.suppress(FileNotFoundError):
                    copy.path.unlink()
                removed.append(copy.path)
    store.forget()
    return removed


def _absorb_one(store: Store, copy: data_files.Found) -> bool:
    month = copy.file.month
    check = store.month_check(month) if month else check_state_file
    data = store.files.read(copy, check)
    if data is None:
        return False  # half-synced, say: tried again at the next start
    own_path = store.locations.month_file(month) if month else store.locations.database
    own = store.files.read(data_files.Found(own_path, copy.file._replace(device=store.device, conflict=False)), check)
    own = dict(own or {})
    merged = _merged_month(own, data, month, store.device) if month else _merged_state(own, data, copy.path, store.device)
    if merged != own:
        atomic_write_json(own_path, merged)
    return True


def _merged_month(own: dict[str, Any], copy: dict[str, Any], month: str, device: str) -> dict[str, Any]:
    result = {**own, "months": {k: dict(v, days=dict(v.get("days", {}))) for k, v in own.get("months", {}).items()},
              "pain": {k: dict(v, days=dict(v.get("days", {}))) for k, v in own.get("pain", {}).items()}}
    joined = JoinedMonth(month, [copy])
    for habit_id, days in joined.habits.items():
        mine = own_days(result, "months", habit_id, month)
        for slot, record in days.items():
            mine[slot] = join_entries(mine[slot], record) if slot in mine else join_entries(record, record)
    mine = own_days(result, "pain", None, month) if joined.pain else {}
    for slot, record in joined.pain.items():
        mine[slot] = join_pain(mine.get(slot, {"r": []}), record)
    if not result["pain"]:
        del result["pain"]
    result["_meta"] = {"1": {"schema": SCHEMA_VERSION, "month": month, "device": device}}
    return result


def _merged_state(own: dict[str, Any], copy: dict[str, Any], path: Path, device: str) -> dict[str, Any]:
    joined = join_state(state_of(path, own) if own else {}, state_of(path, copy))
    return {"state": {"1": {p: [stamp, value] for p, (stamp, value) in sorted(joined.items())}},
            "_meta": {"1": {"schema": SCHEMA_VERSION, "device": device}}}
