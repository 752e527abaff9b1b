"""Issue 12, items 2 and 4 under SIGKILL: a process killed while taking the day's backup never
leaves a backup that is offered but incomplete, and the next write clears what it left.

Each trial forks a child that makes the first check-in of a new day over a data dir of about
130 files (so the backup copy takes a few milliseconds: backups got faster with issue 16, and 50
files left too narrow a window to kill in) and kills it at a random moment.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import time
from pathlib import Path

from plumbline.app.tracker import Tracker
from plumbline.storage import backups
from plumbline.storage.locations import Locations
from tests.conftest import BUILTIN_HABITS

SEED = 20261130
TRIALS = 60
MAX_DELAY = 0.050  # the first change of a day takes ~50 ms here (25 before devices): kill across it
FIRST = dt.date(2026, 1, 1)


def first_change_of_the_day(data_dir: Path, day: dt.date) -> None:
    """The forked child: never returns into pytest."""
    try:
        Tracker(data_dir, BUILTIN_HABITS).check("knee-pillow", day, today=day)
        while True:
            signal.pause()
    finally:
        os._exit(0)


def assert_every_offered_backup_whole(locations: Locations) -> None:
    for backup in backups.backups_by_age(locations):
        manifest = backup / backups.MANIFEST
        listed = json.loads(manifest.read_text())["files"] if manifest.exists() else []
        for name in listed:
            assert (backup / name).is_file(), f"{backup.name} offered without {name}"
            if name.endswith(".json"):
                assert isinstance(json.loads((backup / name).read_bytes()), dict)


def test_backups_killed_mid_copy_are_never_offered_and_are_cleared(tmp_path):
    data_dir = tmp_path / "data"
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    for month in range(120):
        day = dt.date(2016 + month // 12, month % 12 + 1, 5)
        tracker.check("core-work", day, today=day)
    locations = Locations(data_dir)
    rng = random.Random(SEED)
    half_built = taken = 0
    for trial in range(TRIALS):
        day = FIRST + dt.timedelta(days=trial)
        pid = os.fork()
        if pid == 0:
            first_change_of_the_day(data_dir, day)
        time.sleep(rng.uniform(0, MAX_DELAY))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        half_built += bool(list(locations.backups.glob(".tmp-*"))) if locations.backups.is_dir() else 0
        taken += (locations.backups / day.isoformat()).is_dir()
        assert_every_offered_backup_whole(locations)
        Tracker(data_dir, BUILTIN_HABITS).check("core-work", day, today=day)  # the next write, with its backup
        left = [*data_dir.rglob(".tmp-*"), *locations.local.rglob(".tmp-*")]
        assert not left, "a killed backup's folder outlived the next write"
        assert (locations.backups / day.isoformat()).is_dir()
        Tracker(data_dir, BUILTIN_HABITS).store.check_files()  # every file still reads
    assert len(backups.daily_backups(locations)) == backups.KEEP
    assert half_built >= 3, "the kills never landed in a backup: the test shows nothing"
    print(f"\n{TRIALS} kills at the first change of a day: {half_built} left a half-built backup "
          f"(never offered, cleared by the next write), {taken} had finished theirs, 0 incomplete offered")
