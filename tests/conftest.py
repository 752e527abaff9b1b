"""Shared fixtures: every test gets its own data dir; time is always fixed."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILTIN_HABITS = ROOT / "habits"
# A Monday, so weekday habits are due and the ISO week starts on it.
MONDAY = dt.date(2026, 11, 23)


def write_habits(data_dir: Path, names: dict[str, str]) -> None:
    """Custom habit files in the data dir: id -> name, set in a TOML basic string as given (so a
    name may spell a character as a \\u escape)."""
    habits = data_dir / "habits"
    habits.mkdir(exist_ok=True)
    for habit_id, name in names.items():
        (habits / f"{habit_id}.toml").write_text(
            f'id = "{habit_id}"\nname = "{name}"\ncategory = "movement"\nkind = "do"\n', encoding="utf-8")


def stored_entries(store, habit_id: str) -> dict:
    """A habit's entries as its files hold them now, read afresh (the store keeps no copy)."""
    return store.history(habits=[habit_id]).get(habit_id, {})


def stored_entry(store, habit_id: str, day: dt.date):
    return stored_entries(store, habit_id).get(day)


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The device's local state folder (its id, lock, cache and backups), for this test alone:
    set in the environment, so the subprocesses a test starts use it too."""
    folder = tmp_path / "state"
    monkeypatch.setenv("PLUMBLINE_STATE_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(data_dir: Path):
    """Run the real `python -m plumbline` in a subprocess over the test's data dir."""

    def run(*args: str, now: str = "2026-11-23T10:00:00", env: dict[str, str] | None = None,
            encoding: str | None = None) -> CliResult:
        """`encoding`: how to read what the command wrote (default: this process's locale)."""
        environment = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": now, **(env or {})}
        done = subprocess.run(
            [sys.executable, "-m", "plumbline", *args],
            capture_output=True, text=True, encoding=encoding, env=environment, timeout=60,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run
