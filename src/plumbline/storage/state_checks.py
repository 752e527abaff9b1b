"""Reading a state file: this device's or another's (records), or `plumbline.json` from before devices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plumbline.errors import DamagedDatabase
from plumbline.storage import state_keys
from plumbline.storage.checks import LEGACY_SCHEMA, SCHEMA_VERSION, check_meta, record_of
from plumbline.storage.stamps import LEGACY, is_stamp
from plumbline.storage.state_merge import FlatState, stamped, unflatten


def is_device_file(data: dict[str, Any]) -> bool:
    return "state" in data or "device" in data.get("_meta", {}).get("1", {})


def check_state_file(path: Path, data: dict[str, Any]) -> None:
    """Refuse a state file that a command could not read whole (DamagedDatabase names it)."""
    if not data:
        return
    if not is_device_file(data):
        meta = dict(data.get("meta", {}).get("1", {}))
        check_meta(path, meta)
        schema = meta.get(state_keys.SCHEMA, LEGACY_SCHEMA)
        if schema != LEGACY_SCHEMA:
            raise DamagedDatabase(f"database file {path} has schema version {schema!r}, but this plumbline reads "
                                  f"version {LEGACY_SCHEMA} there: update plumbline or restore a backup")
        return
    schema = data.get("_meta", {}).get("1", {}).get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise DamagedDatabase(f"database file {path} has an unreadable schema version {schema!r}; it was "
                              "left as it is: open plumbline to restore a backup")
    if schema > SCHEMA_VERSION:
        raise DamagedDatabase(f"database file {path} was written by a newer plumbline (schema {schema}): "
                              "update plumbline to read it")
    with record_of(path):
        records = data.get("state", {}).get("1", {})
        for path_name, record in records.items():
            if not (isinstance(path_name, str) and isinstance(record, list) and len(record) == 2
                    and (record[0] == LEGACY or is_stamp(record[0]))):
                raise ValueError(f"state record {path_name!r} is not [stamp, value]")
        check_meta(path, unflatten({p: v for p, (_, v) in records.items()}))


def state_of(path: Path, data: dict[str, Any]) -> FlatState:
    """The file's state as records (a file from before devices: all stamped as the oldest)."""
    if not is_device_file(data):
        return stamped(dict(data.get("meta", {}).get("1", {})), LEGACY)
    return {p: (stamp, value) for p, (stamp, value) in data.get("state", {}).get("1", {}).items()}
