"""Issue 16: the day's backup links what did not change since the last one and copies the rest;
each backup is still whole on its own, and restores as before."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.storage import backups
from tests.conftest import BUILTIN_HABITS, MONDAY

D = dt.timedelta(days=1)
OCTOBER = dt.date(2026, 10, 5)


def settled() -> int:
    """A clock well after every write of the test: each file has settled (see SETTLED_NS)."""
    return time.time_ns() + 60 * 10**9


def tracker_with_two_months(data_dir: Path) -> Tracker:
    """October and November; the checks take Monday's backup, so the tests take later days'."""
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    tracker.store.ensure_created(OCTOBER)
    tracker.check("core-work", OCTOBER, today=MONDAY)
    tracker.check("core-work", MONDAY, today=MONDAY)
    return tracker


def backup_of(tracker: Tracker, day: dt.date, now_ns=settled) -> Path:
    made = backups.take_daily_backup(tracker.locations, day, now_ns=now_ns)
    assert made is not None
    return made


def own_month(tracker, month: str) -> Path:
    """This device's file of the month, relative to the data dir (as a backup holds it)."""
    return Path("entries", f"{month}.{tracker.locations.device}.json")


def test_an_unchanged_month_is_linked_from_the_last_backup_and_a_changed_one_copied(data_dir):
    tracker = tracker_with_two_months(data_dir)
    first = backup_of(tracker, MONDAY + D)
    tracker.check("glute-work", MONDAY, today=MONDAY)  # November changes, October does not
    second = backup_of(tracker, MONDAY + 2 * D)

    october, november = own_month(tracker, "2026-10"), own_month(tracker, "2026-11")
    assert (first / october).stat().st_ino == (second / october).stat().st_ino
    assert (first / november).stat().st_ino != (second / november).stat().st_ino
    assert (second / november).read_bytes() == (data_dir / november).read_bytes()
    assert (second / october).read_bytes() == (data_dir / october).read_bytes()


def test_a_file_changed_moments_before_a_backup_is_copied_again_next_time(data_dir):
    """Two writes within one tick of the file system's clock can leave the same stamp: a stamp
    that had not settled is not trusted."""
    tracker = tracker_with_two_months(data_dir)
    first = backup_of(tracker, MONDAY + D, now_ns=time.time_ns)  # the files were written just now
    second = backup_of(tracker, MONDAY + 2 * D)
    month = own_month(tracker, "2026-10")
    assert (first / month).stat().st_ino != (second / month).stat().st_ino
    assert json.loads((first / backups.MANIFEST).read_text())["stamps"][str(month)] is None


def test_each_backup_is_whole_after_the_one_it_linked_from_is_rotated_away(data_dir):
    tracker = tracker_with_two_months(data_dir)
    first = backup_of(tracker, MONDAY + D)
    second = backup_of(tracker, MONDAY + 2 * D)
    expected = {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file()}
    shutil.rmtree(first)

    assert backups.newest_good_backup(tracker.locations) == second
    assert {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file()} == expected
    (data_dir / own_month(tracker, "2026-10")).write_bytes(b"{ damaged")
    backups.restore(tracker.locations, second, dt.datetime(2026, 11, 25, 8))
    restored = Tracker(data_dir, BUILTIN_HABITS).store.history()
    assert restored["core-work"][OCTOBER] == Entry(OCTOBER, 1)


def test_a_damaged_file_is_not_backed_up_even_when_its_last_copy_was_linked(data_dir):
    """A file written in any way has a new stamp: it is read and checked again, and a backup of
    data that does not load is never taken."""
    tracker = tracker_with_two_months(data_dir)
    backup_of(tracker, MONDAY + D)
    month = data_dir / own_month(tracker, "2026-10")
    os.chmod(month, 0o600)
    month.write_bytes(b"{ damaged")
    assert backups.take_daily_backup(tracker.locations, MONDAY + 2 * D, now_ns=settled) is None


def test_a_backup_from_an_earlier_plumbline_without_stamps_is_copied_from_in_full(data_dir):
    tracker = tracker_with_two_months(data_dir)
    first = backup_of(tracker, MONDAY + D)
    manifest = json.loads((first / backups.MANIFEST).read_text())
    del manifest["stamps"]
    (first / backups.MANIFEST).write_text(json.dumps(manifest))
    second = backup_of(tracker, MONDAY + 2 * D)
    month = own_month(tracker, "2026-10")
    assert (first / month).stat().st_ino != (second / month).stat().st_ino
