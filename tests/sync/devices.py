"""Devices for the sync tests: each a Tracker with its own local state folder (its id, lock,
cache and backups), over its own copy of the data dir or over one shared folder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from plumbline.app.tracker import Tracker
from plumbline.app.transfer import export_json
from tests.conftest import BUILTIN_HABITS


def device(root: Path, name: str, data_dir: Path | None = None) -> Tracker:
    """Device `name`: its state folder under root/name, its data dir `data_dir` (default root/name/data)."""
    folder = data_dir if data_dir is not None else root / name / "data"
    folder.mkdir(parents=True, exist_ok=True)
    return Tracker(folder, BUILTIN_HABITS, state_dir=root / name / "state")


def reopened(tracker: Tracker) -> Tracker:
    """The same device started again: what a new command sees (nothing kept in memory)."""
    return Tracker(tracker.locations.data_dir, BUILTIN_HABITS, state_dir=tracker.locations.state_dir)


def exported(tracker: Tracker) -> dict:
    """Everything `export` writes, without its time of writing."""
    document = json.loads(export_json(reopened(tracker)))
    document.pop("exported", None)
    return document


def day(n: int) -> dt.date:
    return dt.date(2026, 11, 1) + dt.timedelta(days=n)


def deliver(source: Tracker, target: Tracker) -> None:
    """Copy every file of source's data dir that target lacks or has older (a sync engine's
    delivery, simplified: no conflicts can arise, as each device writes only its own files)."""
    src, dst = source.locations.data_dir, target.locations.data_dir
    for path in sorted(src.rglob("*.json")):
        copy = dst / path.relative_to(src)
        if not copy.exists() or copy.read_bytes() != path.read_bytes():
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(path.read_bytes())
