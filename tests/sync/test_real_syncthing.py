"""plumbline on two real Syncthing 1.19 instances on 127.0.0.1 (tests/sync/syncthing_pair.py):
two devices used apart, then synced, end with the same records; and two data dirs from before
devices, synced into one, keep both histories. Skipped, with the reason, where Debian's
`syncthing` package is missing (.ci/run installs it)."""

from __future__ import annotations

import datetime as dt
import json

from tests.sync.devices import device, exported, reopened
from tests.sync.syncthing_pair import SyncthingPair
from tests.sync.test_conflict_copies import legacy_data_dir

DAYS = [dt.date(2026, 11, 2) + dt.timedelta(days=n) for n in range(20)]


def test_two_devices_used_apart_then_synced_by_syncthing_agree_on_every_record(syncthing_pair: SyncthingPair, tmp_path):
    a, b = syncthing_pair.both
    laptop, desktop = device(tmp_path, "laptop", a.folder), device(tmp_path, "desktop", b.folder)
    laptop.check("core-work", DAYS[0], today=DAYS[0])
    syncthing_pair.wait_in_sync()
    syncthing_pair.pause()  # apart: each on its own for three weeks of days
    for n, day in enumerate(DAYS):
        laptop.check("knee-pillow", day, today=day)
        desktop.log_pain(day, n % 11, f"desktop day {n}", today=day, time=dt.time(18, 0))
        if n % 3 == 0:
            desktop.check("glute-work", day, today=day)
    desktop.uncheck("core-work", DAYS[0])  # had seen it: removed
    laptop.check("core-work", DAYS[0], note="again, apart", today=DAYS[0])  # ...but checked again here, unseen
    laptop.save_habit(laptop.habit("core-work")._replace(name="Core work, 10 minutes"))
    desktop.set_archived("both-feet", True, DAYS[5])
    syncthing_pair.resume()
    syncthing_pair.wait_in_sync()

    documents = [exported(laptop), exported(desktop)]
    assert documents[0] == documents[1]
    entries = {(e["habit"], e["date"]): e for e in documents[0]["entries"]}
    assert entries[("core-work", DAYS[0].isoformat())]["note"] == "again, apart"
    assert sum(1 for habit, _ in entries if habit == "knee-pillow") == len(DAYS)
    assert sum(1 for habit, _ in entries if habit == "glute-work") == 7
    assert len(documents[0]["pain"]) == len(DAYS)
    assert reopened(desktop).habit("core-work").name == "Core work, 10 minutes"
    assert reopened(laptop).habit("both-feet").archived
    names = [p.name for p in a.folder.rglob("*") if p.is_file()]
    assert not any("sync-conflict" in name for name in names), names  # no file had two writers


def test_two_data_dirs_from_before_devices_synced_together_keep_both_histories(syncthing_pair: SyncthingPair, tmp_path):
    a, b = syncthing_pair.both
    syncthing_pair.pause()
    legacy_data_dir(a.folder, {"core-work": [0, 1, 2]}, created="2026-11-03")
    legacy_data_dir(b.folder, {"knee-pillow": [5, 6]}, created="2026-11-01", pain=6)
    syncthing_pair.resume()
    syncthing_pair.wait_in_sync()
    copies = [p for p in a.folder.rglob("*") if "sync-conflict" in p.name]
    assert copies, "Syncthing kept one version of each shared file and a conflict copy of the other"

    laptop = device(tmp_path, "laptop", a.folder)  # the upgraded plumbline opens the synced folder
    laptop.check("glute-work", DAYS[0], today=DAYS[0])
    syncthing_pair.wait_in_sync()
    desktop = device(tmp_path, "desktop", b.folder)
    for tracker in (laptop, desktop):
        history = reopened(tracker).store.history()
        assert sorted(d.day for d in history["core-work"]) == [1, 2, 3]
        assert sorted(d.day for d in history["knee-pillow"]) == [6, 7]
        assert reopened(tracker).store.started(DAYS[0]).isoformat() == "2026-11-01"
    syncthing_pair.wait_in_sync()
    assert not [p for p in b.folder.rglob("*") if "sync-conflict" in p.name]  # merged, then removed everywhere
    assert json.loads((a.folder / "plumbline.json").read_text())["meta"]["1"]["schema"] == 3  # never rewritten
