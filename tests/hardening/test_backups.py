"""Issue 12, items 1, 2 and 4: backups and restores that never lose a record.

1. Restoring replaced every file, healthy ones too, and looped when the damaged file was not in
   the backup. 2. Concurrent first changes of a day built incomplete backups. 4. After the clock
   was once in the future every new backup was deleted at once; a half-made backup on a full disk
   took the check-in's space; backup failures were never told.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.storage import backups
from plumbline.storage.locations import Locations
from tests.conftest import BUILTIN_HABITS, MONDAY
from tests.hardening.conftest import fill, mounted_tmpfs

D = dt.timedelta(days=1)
NOW = dt.datetime(2026, 11, 25, 8, 30)


def tracker(data_dir: Path) -> Tracker:
    return Tracker(data_dir, BUILTIN_HABITS)


def test_restore_replaces_only_the_unreadable_file_and_keeps_later_check_ins(data_dir):
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    t.check("glute-work", MONDAY + D, today=MONDAY + D)  # takes Tuesday's backup first
    t.check("knee-pillow", MONDAY + D, today=MONDAY + D)  # made after the backup
    month = t.locations.entries_file(MONDAY)
    healthy = month.read_bytes()
    t.locations.database.write_bytes(b'{"meta": {"1": ')  # the state file is damaged
    backup = backups.newest_good_backup(t.locations)
    assert backup is not None and backup.name == (MONDAY + D).isoformat()

    kept = backups.restore(t.locations, backup, NOW)

    assert kept == [t.locations.data_dir / f"{t.locations.database.name}.damaged-20261125-083000"]
    assert kept[0].read_bytes() == b'{"meta": {"1": '
    assert month.read_bytes() == healthy  # never moved, never rewritten
    assert not list(t.locations.entries_dir.glob("*.damaged-*"))
    history = tracker(data_dir).store.history()
    assert history["knee-pillow"] == {MONDAY + D: Entry(MONDAY + D, 1)}  # the check-in after the backup


def test_a_damaged_file_the_backup_does_not_hold_is_moved_aside_and_the_rest_stays(data_dir):
    """A new month, day one: the backup predates the month file. One restore, and it loads."""
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    t.check("core-work", dt.date(2026, 12, 1), today=dt.date(2026, 12, 1))
    december = t.locations.entries_file(dt.date(2026, 12, 1))
    december.write_bytes(b"\x00\x01")
    database = t.locations.database.read_bytes()
    backup = backups.newest_good_backup(t.locations)
    assert backup is not None and not (backup / december.relative_to(data_dir)).exists()

    kept = backups.restore(t.locations, backup, NOW)

    assert kept == [december.parent / f"{december.name}.damaged-20261125-083000"]
    assert t.locations.database.read_bytes() == database  # the good state file stays
    assert tracker(data_dir).store.history() == {"core-work": {MONDAY: Entry(MONDAY, 1)}}
    assert backups.restore(t.locations, backup, NOW) == []  # nothing left to restore: no loop


def test_a_record_of_the_wrong_type_counts_as_unreadable_for_a_restore(data_dir):
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    t.check("glute-work", MONDAY + D, today=MONDAY + D)
    month = t.locations.entries_file(MONDAY)
    month.write_text(month.read_text().replace('"c":1', '"c":"abc"'))
    backups.restore(t.locations, backups.newest_good_backup(t.locations), NOW)
    assert set(tracker(data_dir).store.history()) == {"core-work"}


def six_checks_at_once(data_dir: Path, now: str) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": now}
    habits = ["knee-pillow", "core-work", "glute-work", "gentle-mobility", "both-feet", "towel-mobilization"]
    started = [subprocess.Popen([sys.executable, "-m", "plumbline", "check", h], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for h in habits]
    return [subprocess.CompletedProcess(p.args, p.wait(60), *p.communicate()) for p in started]


def test_six_checks_at_the_first_change_of_a_day_build_one_complete_backup(data_dir):
    # 70 files to copy, so the copy takes long enough for the six to overlap.
    t = tracker(data_dir)
    for month in range(60):
        day = dt.date(2021 + month // 12, month % 12 + 1, 3)
        t.check("core-work", day, today=day)
    for n in range(9):
        (data_dir / "habits").mkdir(exist_ok=True)
        (data_dir / "habits" / f"own-{n}.toml").write_text(
            f'id = "own-{n}"\nname = "Own {n}"\ncategory = "movement"\nkind = "do"\nschedule = "daily"\n')
    for round_day in ("2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"):
        expected = sorted(str(p) for p in backups.data_files(t.locations))
        results = six_checks_at_once(data_dir, f"{round_day}T09:00:00")
        assert [r.returncode for r in results] == [0] * 6, [r.stderr for r in results]
        backup = t.locations.backups / round_day
        manifest = json.loads((backup / backups.MANIFEST).read_text())
        assert sorted(manifest["files"]) == expected
        copied = sorted(str(p.relative_to(backup)) for p in backup.rglob("*") if p.is_file() and p.name != backups.MANIFEST)
        assert copied == expected, f"{len(expected) - len(copied)} files missing from {backup.name}"
        assert not list(t.locations.backups.glob(".tmp-*"))


def test_after_the_clock_was_in_the_future_a_new_backup_is_kept_and_future_ones_go_first(data_dir):
    t = tracker(data_dir)
    for n in range(7):  # a week with the clock set to 2030
        day = dt.date(2030, 1, 1) + n * D
        t.check("core-work", day, today=day)
    t.check("glute-work", MONDAY, today=MONDAY)  # the clock is right again
    names = [b.name for b in backups.daily_backups(t.locations)]
    assert names[0] == MONDAY.isoformat() and len(names) == 7
    assert "2030-01-01" not in names  # the oldest taken went, not the one just taken
    for n in range(1, 7):
        t.check("glute-work", MONDAY + n * D, today=MONDAY + n * D)
    names = [b.name for b in backups.daily_backups(t.locations)]
    assert names == [(MONDAY + n * D).isoformat() for n in range(6, -1, -1)]


def test_a_backup_without_its_manifest_or_with_files_missing_is_never_offered(data_dir):
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    t.check("core-work", MONDAY + D, today=MONDAY + D)
    newest = backups.daily_backups(t.locations)[0]
    (newest / t.locations.database.name).unlink()  # listed in the manifest, gone
    assert backups.newest_good_backup(t.locations).name == MONDAY.isoformat()


def test_on_a_nearly_full_disk_a_failed_backup_is_told_and_leaves_the_check_in_its_space(tmp_path, cli):
    with mounted_tmpfs(tmp_path / "disk", 400) as disk:
        data = disk / "data"
        env = {"PLUMBLINE_DATA_DIR": str(data), "PLUMBLINE_STATE_DIR": str(disk / "state")}  # backups there too
        saved = Locations(data, disk / "state").backups
        first = cli("check", "knee-pillow", "--note", "x" * 20_000, env=env)
        assert first.code == 0, first.err
        assert cli("today", env=env).code == 0  # writes the habit-file cache now, before the disk fills
        fill(disk, leave_bytes=26_000)  # room for a check-in, not for a backup of 20 KB files too
        result = cli("check", "core-work", now="2026-11-24T10:00:00", env=env)
        assert "could not take a backup" in result.err and str(saved) in result.err
        assert "unexpected" not in result.err and "Traceback" not in result.err
        assert result.code == 0, result.err  # the check-in itself fitted
        assert not list(saved.glob(".tmp-*"))  # nothing half-made holds the space
        assert not (saved / "2026-11-24").exists()
        assert "core-work" in cli("today", "--json", now="2026-11-24T10:00:00", env=env).out


def test_the_launcher_restores_once_and_opens_the_app_when_the_damaged_month_is_not_in_the_backup(data_dir):
    """Item 1 as the user met it: `plumbline` in a terminal, 'y' to the offer. It used to move the
    good plumbline.json aside and leave the damaged month, and ask again at every start."""
    from tests.pseudo_terminal import app_in_pty, read_until

    t = tracker(data_dir)
    t.store.update_meta(lambda meta: meta.update(notice_seen=True))
    t.check("core-work", MONDAY, today=MONDAY)
    t.check("core-work", dt.date(2026, 12, 1), today=dt.date(2026, 12, 1))
    december = t.locations.entries_file(dt.date(2026, 12, 1))
    december.write_bytes(b'{"_meta": ')
    database = t.locations.database.read_bytes()
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": "2026-12-01T10:00:00",
           "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    with app_in_pty([], env) as (main, process):
        assert b"could not be read" in read_until(main, b"y: restore", seconds=30)
        os.write(main, b"y")
        assert b"Core and pelvic" in read_until(main, b"Core and pelvic", seconds=30)  # Today is open
        os.write(main, b"q")
        assert process.wait(timeout=20) == 0
    # The good file never moved; the app only noted that it said "no desktop notifications".
    after = json.loads(t.locations.database.read_bytes())["state"]["1"]
    after.pop("delivery_problem_said", None)
    assert after == json.loads(database)["state"]["1"]
    assert len(list(december.parent.glob(f"{december.name}.damaged-*"))) == 1
    assert tracker(data_dir).store.history()["core-work"] == {MONDAY: Entry(MONDAY, 1)}  # loads: no second offer
