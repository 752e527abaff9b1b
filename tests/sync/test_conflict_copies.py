"""Conflict copies and files from before devices: merged by record, removed only when merged,
and never a reason for this device to stop."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.sync.devices import day, device, reopened


def legacy_data_dir(folder, checks: dict[str, list[int]], created: str = "2026-11-01", pain: int | None = None):
    """A data dir as plumbline wrote it before devices: plumbline.json and entries/YYYY-MM.json."""
    (folder / "entries").mkdir(parents=True)
    (folder / "plumbline.json").write_text(json.dumps({"meta": {"1": {"schema": 3, "created": created}}}))
    docs = {str(i + 1): {"key": f"{habit}|2026-11", "habit": habit, "month": "2026-11",
                         "days": {f"{d + 1:02d}": {"c": 1} for d in days}}
            for i, (habit, days) in enumerate(checks.items())}
    data = {"_meta": {"1": {"schema": 3, "month": "2026-11"}}, "months": docs}
    if pain is not None:
        data["pain"] = {"1": {"key": "2026-11", "month": "2026-11", "days": {"03": {"r": [{"t": "09:00", "l": pain}]}}}}
    (folder / "entries" / "2026-11.json").write_text(json.dumps(data))
    return folder


def test_a_data_dir_from_before_devices_is_read_and_never_written(tmp_path):
    folder = legacy_data_dir(tmp_path / "shared", {"core-work": [0, 1, 2]}, pain=5)
    before = {p: p.read_bytes() for p in folder.rglob("*.json")}
    laptop = device(tmp_path, "laptop", folder)
    laptop.check("core-work", day(3), today=day(3))
    laptop.uncheck("core-work", day(1))  # a record of the old file, removed by a record of this device
    laptop.set_archived("knee-pillow", True, day(3))
    assert {p: p.read_bytes() for p in before} == before  # an older plumbline elsewhere still reads them
    history = reopened(laptop).store.history()["core-work"]
    assert sorted(d.day for d in history) == [1, 3, 4]
    assert reopened(laptop).pain(day(2)).readings[0].level == 5
    assert reopened(laptop).store.started(day(9)).isoformat() == "2026-11-01"


def test_two_data_dirs_used_apart_keep_both_histories_after_a_sync(tmp_path):
    """Each device used plumbline before devices; Syncthing then met two plumbline.json and two
    entries/2026-11.json, kept one of each and made conflict copies of the others."""
    laptop_dir = legacy_data_dir(tmp_path / "laptop-data", {"core-work": [0, 1]}, created="2026-11-02")
    desktop_dir = legacy_data_dir(tmp_path / "desktop-data", {"knee-pillow": [4, 5]}, created="2026-11-01", pain=7)
    stamp = "sync-conflict-20261130-101010-ABCD3FG"
    (laptop_dir / f"plumbline.{stamp}.json").write_bytes((desktop_dir / "plumbline.json").read_bytes())
    (laptop_dir / "entries" / f"2026-11.{stamp}.json").write_bytes((desktop_dir / "entries" / "2026-11.json").read_bytes())
    laptop = device(tmp_path, "laptop", laptop_dir)
    history = reopened(laptop).store.history()
    assert sorted(d.day for d in history["core-work"]) == [1, 2]
    assert sorted(d.day for d in history["knee-pillow"]) == [5, 6]
    assert reopened(laptop).pain(day(2)).readings[0].level == 7
    assert reopened(laptop).store.started(day(9)).isoformat() == "2026-11-01"  # the earliest first day
    assert not list(laptop_dir.rglob(f"*{stamp}*"))  # merged into this device's files, then removed


def test_a_conflict_copy_that_cannot_be_read_is_left_and_reported(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    laptop = device(tmp_path, "laptop", shared)
    laptop.check("core-work", day(1), today=day(1))
    torn = shared / "entries" / f"2026-11.{laptop.locations.device}.sync-conflict-20261130-101010-ABCD3FG.json"
    torn.write_text('{"months": {"1": {"key": "core')
    other = shared / "entries" / "2026-11.zzzzzzzz.json"  # another device's month, half-synced
    other.write_text('{"_meta": {"1": ')
    warnings: list[str] = []
    again = reopened(laptop)
    again.warn = warnings.append
    again.check("knee-pillow", day(1), today=day(1))  # its own work goes on
    assert torn.exists() and again.store.history()["knee-pillow"][day(1)].count == 1
    assert any(str(other) in w for w in warnings)
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(shared), "PLUMBLINE_STATE_DIR": str(tmp_path / "laptop" / "state")}
    done = subprocess.run([sys.executable, "-m", "plumbline", "sync", "status", "--json"], capture_output=True,
                          text=True, env=env, timeout=60)
    status = json.loads(done.stdout)
    assert done.returncode == 0 and {u["file"] for u in status["unmerged"]} == {str(torn), str(other)}
    assert status["devices"][0] == {**status["devices"][0], "id": laptop.locations.device, "this_device": True}
    assert "skipped" in done.stderr and str(other) in done.stderr
    torn.write_bytes((shared / "entries" / f"2026-11.{laptop.locations.device}.json").read_bytes())  # arrived whole
    reopened(laptop)
    assert not torn.exists()


def test_a_conflict_copy_of_a_habit_file_is_reported_never_dropped(tmp_path):
    shared = tmp_path / "shared"
    (shared / "habits").mkdir(parents=True)
    text = 'id = "walk"\nname = "Walk"\ncategory = "movement"\nkind = "do"\n'
    (shared / "habits" / "walk.toml").write_text(text)
    copy = shared / "habits" / "walk (conflicted copy 2026-11-30 101010).toml"
    copy.write_text(text.replace("Walk", "Walk 20 minutes"))
    laptop = device(tmp_path, "laptop", shared)
    assert laptop.habit("walk").name == "Walk"
    assert any("conflict copy of walk.toml" in str(e) for e in laptop.load_errors)
    assert copy.exists()


def test_another_devices_file_with_a_stamp_that_is_no_stamp_is_skipped_not_let_win(tmp_path):
    """A stamp sorting after every real one ("zzz") would win every merge for good: such a file
    is refused like a damaged one (skipped, being another device's), and this device goes on."""
    shared = tmp_path / "shared"
    laptop = device(tmp_path, "laptop", shared)
    laptop.check("core-work", day(1), note="mine", today=day(1))
    forged = shared / "entries" / "2026-11.zzzzzzzz.json"
    forged.write_text(json.dumps({"_meta": {"1": {"schema": 4, "month": "2026-11", "device": "zzzzzzzz"}},
                                  "months": {"1": {"key": "core-work|2026-11", "habit": "core-work", "month": "2026-11",
                                                   "days": {"01": {"c": 1, "n": "forged", "h": "zzzz"}}}}}))
    warnings: list[str] = []
    again = reopened(laptop)
    again.warn = warnings.append
    assert again.store.history()["core-work"][day(1)].note == "mine"
    again.check("core-work", day(1), note="still mine", today=day(1))
    assert reopened(laptop).store.history()["core-work"][day(1)].note == "still mine"
    assert any(str(forged) in w for w in warnings)


def test_a_conflict_copy_that_is_a_fifo_is_never_waited_on(tmp_path):
    shared = tmp_path / "shared"
    laptop = device(tmp_path, "laptop", shared)
    laptop.check("core-work", day(1), today=day(1))
    fifo = shared / "entries" / "2026-11.sync-conflict-20261130-101010-ABCD3FG.json"
    os.mkfifo(fifo)
    again = reopened(laptop)  # would block forever on opening a FIFO for reading
    assert again.store.history()["core-work"][day(1)].count == 1
    assert fifo.exists()  # not ours to remove: nothing in it was read


def test_another_devices_habit_edit_that_makes_no_habit_is_reported_and_the_rest_loads(tmp_path):
    """An edit written by a newer plumbline elsewhere (a kind this one does not know): that habit
    keeps its file's fields and the edit is reported; no command stops for it."""
    shared = tmp_path / "shared"
    laptop = device(tmp_path, "laptop", shared)
    laptop.check("core-work", day(1), today=day(1))
    stamp = "0000019a00000000-zzzzzzzz"
    state = {'["habit_edits","core-work","kind"]': [stamp, "someday"],
             '["habit_edits","core-work","name"]': [stamp, "Core, \x1b[31mred"]}
    (shared / "plumbline.zzzzzzzz.json").write_text(json.dumps(
        {"_meta": {"1": {"schema": 4, "device": "zzzzzzzz"}}, "state": {"1": state}}))
    again = reopened(laptop)
    habits = {h.id: h for h in again.habits()}
    assert habits["core-work"].kind.value == "do" and "knee-pillow" in habits
    assert any("core-work" in str(e) and "kind" in str(e) for e in again.load_errors)
    assert again.checklist(day(1))  # and the day's list is there
