"""Daily backups, restoring one, and upgrading a data dir written by schema 1."""

import datetime as dt
import json

import pytest

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.errors import DamagedDatabase
from plumbline.storage import backups
from plumbline.storage.checks import LEGACY_SCHEMA, SCHEMA_VERSION
from tests.conftest import BUILTIN_HABITS, MONDAY

D = dt.timedelta(days=1)


def tracker(data_dir):
    return Tracker(data_dir, BUILTIN_HABITS)


def test_the_first_change_of_a_day_takes_that_days_backup(data_dir):
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    [first] = backups.daily_backups(t.locations)
    assert not (first / "entries").exists()  # taken before the day's first check-in
    t.check("glute-work", MONDAY + D, today=MONDAY + D)
    backup = backups.daily_backups(t.locations)[0]
    assert backup.name == (MONDAY + D).isoformat()
    copied = json.loads((backup / "entries" / t.locations.entries_file(MONDAY).name).read_text())
    assert "core-work|2026-11" in json.dumps(copied) and "glute-work" not in json.dumps(copied)


def test_only_the_last_seven_daily_backups_are_kept(data_dir):
    t = tracker(data_dir)
    for i in range(10):
        t.check("core-work", MONDAY + i * D, today=MONDAY + i * D)
    names = [p.name for p in backups.daily_backups(t.locations)]
    assert len(names) == 7 and names[0] == (MONDAY + 9 * D).isoformat()


def test_damaged_data_is_never_backed_up(data_dir):
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    t.locations.entries_file(MONDAY).write_bytes(b'{"months": ')
    assert backups.take_daily_backup(t.locations, MONDAY + D) is None
    assert [p.name for p in backups.daily_backups(t.locations)] == [MONDAY.isoformat()]


def test_restore_keeps_the_damaged_file_beside_it(data_dir):
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    t.check("glute-work", MONDAY + D, today=MONDAY + D)  # backs up Monday's state
    damaged = b"\x00garbage"
    own = t.locations.entries_file(MONDAY)
    own.write_bytes(damaged)
    with pytest.raises(DamagedDatabase):
        t.store.history()
    good = backups.newest_good_backup(t.locations)
    assert good is not None and good.name == (MONDAY + D).isoformat()
    kept = backups.restore(t.locations, good, dt.datetime(2026, 11, 25, 8, 30))
    assert set(tracker(data_dir).store.history()) == {"core-work"}
    aside = own.with_name(own.name + ".damaged-20261125-083000")
    assert aside in kept and aside.read_bytes() == damaged


def write_schema_1(data_dir):
    """A data dir exactly as plumbline wrote it before year files carried `_meta`."""
    (data_dir / "entries").mkdir()
    (data_dir / "plumbline.json").write_text(json.dumps(
        {"meta": {"1": {"schema": 1, "created": "2025-12-01", "archived": ["both-feet"], "notice_seen": True}}}))
    for year, month, day in ((2025, "12", "31"), (2026, "11", "20")):
        (data_dir / "entries" / f"{year}.json").write_text(json.dumps({
            "months": {"1": {"key": f"core-work|{year}-{month}", "habit": "core-work", "month": f"{year}-{month}",
                             "days": {day: {"c": 1, "n": "ünïcode note"}}}},
            "pain": {"1": {"key": f"{year}-{month}", "month": f"{year}-{month}", "days": {day: {"l": 4}}}},
        }))


def test_a_schema_1_data_dir_is_migrated_with_a_backup_and_nothing_lost(data_dir):
    write_schema_1(data_dir)
    before = {p.name: p.read_bytes() for p in (data_dir / "entries").iterdir()}
    t = tracker(data_dir)
    assert t.store.meta()["schema"] == SCHEMA_VERSION
    assert json.loads((data_dir / "plumbline.json").read_text())["meta"]["1"]["schema"] == LEGACY_SCHEMA
    assert t.store.meta()["archived"] == ["both-feet"] and t.store.started(MONDAY) == dt.date(2025, 12, 1)
    history = t.store.history()
    assert history["core-work"][dt.date(2025, 12, 31)] == Entry(dt.date(2025, 12, 31), 1, False, "ünïcode note")
    assert t.store.pain_log()[dt.date(2026, 11, 20)].level == 4
    assert sorted(p.name for p in (data_dir / "entries").iterdir()) == ["2025-12.json", "2026-11.json"]
    for month in ("2025-12", "2026-11"):
        stored = json.loads((data_dir / "entries" / f"{month}.json").read_text())
        assert stored["_meta"]["1"] == {"schema": LEGACY_SCHEMA, "month": month}  # the files from before devices
    [backup] = [p for p in t.locations.backups.iterdir()]
    assert backup.name.startswith(f"before-schema-{LEGACY_SCHEMA}-")
    assert {p.name: p.read_bytes() for p in (backup / "entries").iterdir()} == before
    again = tracker(data_dir)  # a second open finds nothing to do
    assert len(list(t.locations.backups.iterdir())) == 1 and again.store.meta()["schema"] == SCHEMA_VERSION


def test_a_month_file_from_a_newer_plumbline_is_refused_untouched(data_dir):
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    path = t.locations.entries_file(MONDAY)
    data = json.loads(path.read_text())
    data["_meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data))
    content = path.read_bytes()
    with pytest.raises(DamagedDatabase, match="newer plumbline"):
        t.store.history()
    with pytest.raises(DamagedDatabase, match="newer plumbline"):
        t.check("core-work", MONDAY + D, today=MONDAY)
    assert path.read_bytes() == content


def test_a_month_file_in_the_wrong_place_is_refused(data_dir):
    t = tracker(data_dir)
    t.check("core-work", MONDAY, today=MONDAY)
    own = t.locations.entries_file(MONDAY)
    own.rename(own.with_name(own.name.replace("2026-11", "2026-10")))
    with pytest.raises(DamagedDatabase, match="holds the month '2026-11'"):
        t.store.history()


def test_a_schema_2_pain_day_still_reads_and_a_new_reading_goes_to_the_devices_file(data_dir):
    import json

    from plumbline.app.tracker import Tracker
    from plumbline.domain.pain import PainReading
    from tests.conftest import BUILTIN_HABITS

    (data_dir / "entries").mkdir()
    (data_dir / "plumbline.json").write_text(json.dumps({"meta": {"1": {"schema": 2, "created": "2026-11-01"}}}))
    month = data_dir / "entries" / "2026-11.json"
    month.write_text(json.dumps({"_meta": {"1": {"schema": 2, "month": "2026-11"}},
                                 "pain": {"1": {"key": "2026-11", "month": "2026-11", "days": {"20": {"l": 4, "n": "old"}}}}}))
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)  # migrates the state to schema 3
    assert json.loads((data_dir / "plumbline.json").read_text())["meta"]["1"]["schema"] == 3
    day = dt.date(2026, 11, 20)
    assert tracker.pain(day).readings == (PainReading(None, 4, "old"),)
    tracker.log_pain(day, 6, "new", today=day, time=dt.time(9, 30))
    assert json.loads(month.read_text())["_meta"]["1"]["schema"] == 2  # from before devices: never written again
    assert json.loads(tracker.locations.entries_file(day).read_text())["_meta"]["1"]["schema"] == SCHEMA_VERSION
    assert [r.level for r in Tracker(data_dir, builtin_dir=BUILTIN_HABITS).pain(day).readings] == [6, 4]
    assert [r.level for r in tracker.pain(day).readings] == [6, 4]
