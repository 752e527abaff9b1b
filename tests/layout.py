"""The data dir as the tests look at it, in the layout of devices (docs/sync.md): this device's
files through Locations, the state as every command reads it (merged over the devices)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plumbline.storage.locations import Locations
from plumbline.storage.store import Store


def stored_state(data_dir: Path) -> dict[str, Any]:
    """The state document (settings, reminder state, notices seen...) as stored now, read afresh."""
    return Store(Locations(data_dir)).meta()


def saved_habits(data_dir: Path) -> dict[str, dict[str, Any]]:
    """The habits added or edited in the app, as recorded in the state: id -> the fields saved."""
    return stored_state(data_dir).get("habit_edits", {})
