"""Devices that share one data dir (as after a sync engine delivered everything): each writes only
its own files, and every device reads the same merged records."""

from __future__ import annotations

import json
import os

from plumbline.domain.habit import Kind
from tests.sync.devices import day, deliver, device, exported, reopened


def test_each_device_writes_only_files_named_with_its_id(tmp_path):
    shared = tmp_path / "shared"
    laptop, desktop = device(tmp_path, "laptop", shared), device(tmp_path, "desktop", shared)
    laptop.check("core-work", day(1), today=day(1))
    desktop.check("knee-pillow", day(1), today=day(1))
    desktop.log_pain(day(1), 4, "sitting", today=day(1))
    names = sorted(os.listdir(shared / "entries")) + sorted(n for n in os.listdir(shared) if n.endswith(".json"))
    ids = {laptop.locations.device, desktop.locations.device}
    assert len(ids) == 2 and all(any(i in name for i in ids) for name in names)
    assert not (shared / "plumbline.lock").exists() and not (shared / "backups").exists()
    for tracker in (laptop, desktop):
        assert {r.habit.id: r.status for r in reopened(tracker).checklist(day(1)) if r.habit.id in ("core-work", "knee-pillow")} \
            == {"core-work": "done", "knee-pillow": "done"}


def test_an_uncheck_does_not_remove_a_check_it_had_not_seen(tmp_path):
    laptop, desktop = device(tmp_path, "laptop"), device(tmp_path, "desktop")
    laptop.check("core-work", day(2), today=day(2))
    deliver(laptop, desktop)
    desktop.uncheck("core-work", day(2))  # it had seen the laptop's check: removes it
    # Meanwhile, offline, the laptop unchecked and checked again: a check the desktop never saw.
    laptop.uncheck("core-work", day(2))
    laptop.check("core-work", day(2), note="again", today=day(2))
    deliver(laptop, desktop)
    deliver(desktop, laptop)
    for tracker in (laptop, desktop):
        assert reopened(tracker).store.history()["core-work"][day(2)].note == "again"
    desktop.uncheck("core-work", day(2))  # now it has seen every check: removed everywhere
    deliver(desktop, laptop)
    assert reopened(laptop).store.history().get("core-work", {}).get(day(2)) is None


def test_counts_and_notes_the_latest_change_wins_field_by_field(tmp_path):
    shared = tmp_path / "shared"
    laptop, desktop = device(tmp_path, "laptop", shared), device(tmp_path, "desktop", shared)
    laptop.check("core-work", day(4), note="plank felt fine", today=day(4))
    desktop.check("core-work", day(4), today=day(4))  # done already: the same as once
    water = next(h for h in laptop.habits() if h.kind is Kind.COUNT) if any(
        h.kind is Kind.COUNT for h in laptop.habits()) else None
    entry = reopened(desktop).store.history()["core-work"][day(4)]
    assert (entry.count, entry.note) == (1, "plank felt fine")
    if water is not None:
        laptop.check(water.id, day(4), amount=2, today=day(4))
        desktop.check(water.id, day(4), amount=3, today=day(4))  # read the laptop's 2, made it 5
        assert reopened(laptop).store.history()[water.id][day(4)].count == 5


def test_pain_readings_from_both_devices_are_all_kept(tmp_path):
    shared = tmp_path / "shared"
    laptop, desktop = device(tmp_path, "laptop", shared), device(tmp_path, "desktop", shared)
    laptop.log_pain(day(5), 3, "morning", today=day(5), time=__import__("datetime").time(8, 0))
    desktop.log_pain(day(5), 6, "after the drive", today=day(5), time=__import__("datetime").time(18, 30))
    readings = reopened(laptop).pain(day(5)).readings
    assert [(r.level, r.note) for r in readings] == [(3, "morning"), (6, "after the drive")]


def test_habit_edits_on_two_devices_keep_both_fields(tmp_path):
    laptop, desktop = device(tmp_path, "laptop"), device(tmp_path, "desktop")
    laptop.save_habit(laptop.habit("core-work")._replace(name="Core work, 10 minutes"))
    # Offline, the desktop edits another field of the habit as it knew it.
    desktop.save_habit(desktop.habit("core-work")._replace(why="My physical therapist asked for it daily."))
    deliver(laptop, desktop)
    deliver(desktop, laptop)
    for tracker in (laptop, desktop):
        merged = reopened(tracker).habit("core-work")
        assert (merged.name, merged.why) == ("Core work, 10 minutes", "My physical therapist asked for it daily.")


def test_a_habit_added_on_one_device_and_archived_on_the_other(tmp_path):
    shared = tmp_path / "shared"
    laptop, desktop = device(tmp_path, "laptop", shared), device(tmp_path, "desktop", shared)
    laptop.check("core-work", day(1), today=day(1))  # the data dir is in use from day 1
    new = laptop.habit("core-work")._replace(id="hip-flexor", name="Hip flexor stretch")
    laptop.save_habit(new, today=day(6))
    assert reopened(desktop).habit("hip-flexor").name == "Hip flexor stretch"
    desktop.set_archived("hip-flexor", True, day(7))
    assert reopened(laptop).habit("hip-flexor").archived
    assert not (shared / "habits").exists()  # records, not files: nothing for an engine to conflict on


def test_every_device_exports_the_same(tmp_path):
    shared = tmp_path / "shared"
    devices = [device(tmp_path, name, shared) for name in ("laptop", "desktop", "tablet")]
    for n, tracker in enumerate(devices):
        tracker.check("core-work", day(n), today=day(n))
        tracker.log_pain(day(n), n + 2, f"reading {n}", today=day(n))
        tracker.skip("knee-pillow", day(n), today=day(n))
    documents = [exported(t) for t in devices]
    assert documents[0] == documents[1] == documents[2]
    assert len(documents[0]["entries"]) == 6 and len(documents[0]["pain"]) == 3
    assert json.dumps(documents[0]).count("reading") == 3
