"""The store over real files in a temporary folder."""

import datetime as dt
import json
import multiprocessing
import os

import pytest

from plumbline.domain.checklist import checklist
from plumbline.domain.entries import Entry, Status
from plumbline.errors import DamagedDatabase
from plumbline.storage.atomic import atomic_write
from plumbline.storage.locations import Locations
from plumbline.storage.record_merge import tags_of
from plumbline.storage.store import Store
from tests.conftest import MONDAY, stored_entry

D = dt.timedelta(days=1)


@pytest.fixture
def store(data_dir):
    return Store(Locations(data_dir))


def add_one(entry):
    return Entry(MONDAY, count=(entry.count if entry else 0) + 1)


def test_an_entry_written_is_read_back_by_a_new_store(store, data_dir):
    store.change_entry("core-work", MONDAY, lambda e: Entry(MONDAY, count=1, note="felt fine"))
    fresh = Store(Locations(data_dir))
    assert stored_entry(fresh, "core-work", MONDAY) == Entry(MONDAY, count=1, note="felt fine")
    assert fresh.history() == {"core-work": {MONDAY: Entry(MONDAY, count=1, note="felt fine")}}


def test_removing_the_last_day_of_a_month_leaves_a_record_of_the_removal(store, data_dir):
    """A deletion is a record (other devices must learn of it), never a missing line or file."""
    store.change_entry("core-work", MONDAY, add_one)
    store.change_entry("core-work", MONDAY, lambda e: None)
    assert store.history() == {}
    [doc] = json.loads(store.locations.entries_file(MONDAY).read_text())["months"].values()
    record = doc["days"]["23"]
    assert tags_of(record) and tags_of(record) <= set(record["x"])


def test_entries_go_to_one_file_per_month_named_with_the_device(store, data_dir):
    store.change_entry("a", dt.date(2025, 12, 31), add_one)
    store.change_entry("a", dt.date(2026, 1, 1), add_one)
    device = store.locations.device
    assert sorted(p.name for p in (data_dir / "entries").iterdir()) == [f"2025-12.{device}.json", f"2026-01.{device}.json"]
    assert set(store.history()["a"]) == {dt.date(2025, 12, 31), dt.date(2026, 1, 1)}


def test_reading_an_empty_data_dir_creates_nothing(store, data_dir):
    assert store.history() == {} and store.meta() == {} and store.started(MONDAY) == MONDAY
    assert list(data_dir.iterdir()) == []


def test_start_date_is_recorded_once(store):
    store.ensure_created(MONDAY)
    store.ensure_created(MONDAY + 5 * D)
    assert store.started(MONDAY + 9 * D) == MONDAY


def test_archive_and_restore(store):
    store.set_archived("core-work", True)
    assert store.archived() == {"core-work"}
    store.set_archived("core-work", False)
    assert store.archived() == set()


def test_no_temporary_file_is_left_behind(store, data_dir):
    for i in range(20):
        store.change_entry("a", MONDAY + i * D, add_one)
    leftovers = [p for p in data_dir.rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []


def test_a_killed_writers_temporary_is_cleaned_by_the_next_write(store, data_dir):
    (data_dir / "entries").mkdir()
    stale = data_dir / "entries" / ".tmp-abc.part"
    stale.write_text('{"half": ')
    store.change_entry("a", MONDAY, add_one)
    assert not stale.exists()


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "db.json"
    target.write_text("old")

    with pytest.raises(TypeError):
        atomic_write(target, object())  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


@pytest.mark.parametrize("damage", [b"", b'{"months": {"1": {"key": "a|2026-11"', b"\x00\xff garbage", b"[1, 2]"])
def test_a_damaged_file_is_reported_and_left_byte_for_byte(store, data_dir, damage):
    path = data_dir / "entries" / "2026-11.json"
    path.parent.mkdir()
    path.write_bytes(damage)
    with pytest.raises(DamagedDatabase) as caught:
        store.change_entry("a", MONDAY, add_one)
    assert str(path) in str(caught.value)
    with pytest.raises(DamagedDatabase):
        store.history()
    assert path.read_bytes() == damage


def test_a_newer_schema_is_refused_untouched(store, data_dir):
    content = json.dumps({"meta": {"1": {"schema": 99}}}).encode()
    (data_dir / "plumbline.json").write_bytes(content)
    with pytest.raises(DamagedDatabase, match="schema version 99"):
        store.ensure_created(MONDAY)
    assert (data_dir / "plumbline.json").read_bytes() == content


def _writer(data_dir: str, habit_id: str, days: int) -> None:
    store = Store(Locations(__import__("pathlib").Path(data_dir)))
    for i in range(days):
        day = MONDAY + i * D
        store.change_entry(habit_id, day, lambda e, day=day: Entry(day, count=1))
        store.change_entry("shared", MONDAY, lambda e: Entry(MONDAY, count=(e.count if e else 0) + 1))


def test_two_processes_writing_at_once_lose_nothing(data_dir):
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_writer, args=(str(data_dir), f"h{n}", 25)) for n in range(2)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(60)
        assert w.exitcode == 0
    history = Store(Locations(data_dir)).history()
    assert len(history["h0"]) == 25 and len(history["h1"]) == 25
    # The same record incremented by both: every read-modify-write saw the other's writes.
    assert history["shared"][MONDAY].count == 50
    assert not [p for p in data_dir.rglob(".tmp-*")]
    assert os.path.exists(Locations(data_dir).lock_file)


def test_a_streak_across_years_loads_the_years_it_needs(data_dir):
    from plumbline.app.tracker import Tracker
    from tests.conftest import BUILTIN_HABITS

    tracker = Tracker(data_dir, BUILTIN_HABITS)
    first = dt.date(2024, 12, 20)
    tracker.store.update_meta(lambda meta: meta.update(created=first.isoformat()))
    tracker.store.put_many([("knee-pillow", Entry(first + i * D, count=1)) for i in range((MONDAY - first).days)], [])
    assert tracker.store.months()[0] == "2024-12" and len(tracker.store.months()) == 24
    rows = tracker.checklist(MONDAY)
    row = next(r for r in rows if r.habit.id == "knee-pillow")
    assert row.streak.length == (MONDAY - first).days and not row.streak.reaches_back
    # Read a few months at a time, the rows are those of the whole history read at once.
    assert rows == checklist(tracker.habits(), tracker.store.history(), MONDAY, first)


def test_an_every_n_days_habit_done_before_the_months_read_first_is_still_not_due(data_dir):
    """The checklist reads the last weeks first; an every-30-days habit done five weeks ago is not
    due yet, and its run goes on: the rows are those of the whole history read at once."""
    from plumbline.app.tracker import Tracker
    from plumbline.domain.habit import Schedule
    from tests.conftest import BUILTIN_HABITS

    tracker = Tracker(data_dir, BUILTIN_HABITS)
    first = MONDAY - 60 * D
    tracker.store.update_meta(lambda meta: meta.update(created=first.isoformat()))
    monthly = tracker.habit("core-work")._replace(id="monthly", name="Monthly", schedule=Schedule(every_days=30))
    tracker.save_habit(monthly, first)
    tracker.check("monthly", MONDAY - 29 * D, today=MONDAY - 29 * D)
    rows = tracker.checklist(MONDAY)
    row = next(r for r in rows if r.habit.id == "monthly")
    assert row.status is Status.NOT_DUE and row.streak.length == 1, row
    assert all(status is Status.NOT_DUE for status in row.strip), row.strip
    assert rows == checklist(tracker.habits(), tracker.store.history(), MONDAY, first)
    assert next(r for r in tracker.checklist(MONDAY + D) if r.habit.id == "monthly").status is Status.PENDING


def test_rows_worked_out_again_from_earlier_months_are_those_of_the_whole_history(data_dir):
    """Runs of every kind of schedule reaching back months: the rows read a few months at a time
    (the strip kept, the run walked again) are the rows of the whole history read at once."""
    import random

    from plumbline.app.tracker import Tracker
    from plumbline.domain.habit import Schedule
    from tests.conftest import BUILTIN_HABITS

    tracker = Tracker(data_dir, BUILTIN_HABITS)
    first = MONDAY - 400 * D
    tracker.store.update_meta(lambda meta: meta.update(created=first.isoformat()))
    schedules = [Schedule.daily(), Schedule(per_week=3), Schedule(per_month=12), Schedule(every_days=3),
                 Schedule(weekdays=frozenset({0, 2, 4})), Schedule(every_days=40)]
    rng = random.Random(7)
    entries = []
    for n, schedule in enumerate(schedules):
        habit = tracker.habit("core-work")._replace(id=f"run-{n}", name=f"Run {n}", schedule=schedule)
        tracker.save_habit(habit, first)
        gap = rng.randrange(20, 300)  # the run goes back this many days, then a miss
        entries += [(habit.id, Entry(MONDAY - i * D, count=1)) for i in range(1, gap) if i % 3 != 2 or n == 0]
    tracker.store.put_many(entries, [])
    for day in (MONDAY, MONDAY - 3 * D, MONDAY + D):
        assert tracker.checklist(day) == checklist(tracker.habits(), tracker.store.history(), day, first)


def test_history_reads_the_months_from_since_up_to_before(store):
    days = [dt.date(2026, 9, 30), dt.date(2026, 10, 1), dt.date(2026, 10, 31), dt.date(2026, 11, 1)]
    for day in days:
        store.change_entry("a", day, lambda e, day=day: Entry(day, count=1))
    october = store.history(since=dt.date(2026, 10, 15), before=dt.date(2026, 11, 2))
    assert sorted(october["a"]) == days[1:3]
    assert sorted(store.history(since=dt.date(2026, 10, 1))["a"]) == days[1:]


def test_a_back_filled_run_before_the_first_day_of_use_counts_in_today(data_dir):
    """Days filled in with `check --date` before the data dir was created still make the streak."""
    from plumbline.app.tracker import Tracker
    from tests.conftest import BUILTIN_HABITS

    tracker = Tracker(data_dir, BUILTIN_HABITS)
    today = dt.date(2026, 3, 21)
    tracker.store.ensure_created(today)
    first = dt.date(2026, 1, 1)
    for i in range((today - first).days):
        tracker.check("knee-pillow", first + i * D, today=today)
    row = next(r for r in tracker.checklist(today) if r.habit.id == "knee-pillow")
    assert row.streak.length == (today - first).days == 79


def test_unchecking_a_day_with_no_record_writes_nothing(store, data_dir):
    store.change_entry("knee-pillow", dt.date(2025, 1, 5), lambda e: None)
    assert not (data_dir / "entries").exists() or list((data_dir / "entries").iterdir()) == []


def test_history_and_pain_read_together_match_each_read_alone(store):
    from plumbline.domain.pain import one_reading

    days = [dt.date(2026, 9, 30), dt.date(2026, 10, 31), dt.date(2026, 11, 1)]
    store.put_many([("a", Entry(d, count=1)) for d in days], [one_reading(d, level) for level, d in enumerate(days)])
    assert store.history_and_pain() == (store.history(), store.pain_log())
    assert list(store.pain_log(since=dt.date(2026, 10, 5), before=dt.date(2026, 11, 1))) == [days[1]]


def test_the_pain_of_one_day_is_read_from_its_month(data_dir):
    from plumbline.app.tracker import Tracker
    from tests.conftest import BUILTIN_HABITS

    tracker = Tracker(data_dir, BUILTIN_HABITS)
    for day, level in ((dt.date(2026, 1, 31), 3), (dt.date(2026, 2, 1), 5), (dt.date(2026, 12, 31), 7)):
        tracker.log_pain(day, level, today=MONDAY)
    assert [tracker.pain(d).level for d in (dt.date(2026, 1, 31), dt.date(2026, 2, 1), dt.date(2026, 12, 31))] == [3, 5, 7]
    assert tracker.pain(dt.date(2026, 1, 30)) is None


def test_a_back_filled_record_months_before_the_first_day_of_use_makes_the_strip_days_missed(data_dir):
    """The strip counts from the habit's first record: one far back turns early strip days missed."""
    from plumbline.app.tracker import Tracker
    from tests.conftest import BUILTIN_HABITS

    tracker = Tracker(data_dir, BUILTIN_HABITS)
    first_use = dt.date(2026, 11, 20)
    tracker.check("lift-mechanics", first_use, today=first_use)
    tracker.check("lift-mechanics", dt.date(2026, 6, 1), today=first_use)  # back-filled
    tracker.check("lift-mechanics", MONDAY - D, today=MONDAY - D)
    rows = tracker.checklist(MONDAY)
    lift = next(r for r in rows if r.habit.id == "lift-mechanics")
    assert [s.value for s in lift.strip[:3]] == ["missed"] * 3
    assert rows == checklist(tracker.habits(), tracker.store.history(), MONDAY, tracker.store.started(MONDAY))


def test_a_settled_month_is_read_once_and_a_changed_one_again(data_dir):
    """Stepping through days rereads the same months: a settled file is kept in memory, and any
    write (a new stamp) is seen at once, from this process or another."""
    clock = [0]
    store = Store(Locations(data_dir), now_ns=lambda: clock[0])
    store.change_entry("core-work", MONDAY, add_one)
    path = Locations(data_dir).entries_file(MONDAY)
    clock[0] = path.stat().st_mtime_ns + 1  # just written: not settled, read each time
    assert store.history() == {"core-work": {MONDAY: Entry(MONDAY, count=1)}}
    assert store._kept == {}
    clock[0] += 10_000_000_000
    store.history()
    assert list(store._kept) == [MONDAY.strftime("%Y-%m")]
    first = store.history()
    first["core-work"][MONDAY + D] = Entry(MONDAY + D)  # a caller's change never reaches the kept copy
    assert store.history() == {"core-work": {MONDAY: Entry(MONDAY, count=1)}}

    Store(Locations(data_dir)).change_entry("core-work", MONDAY, add_one)  # another writer
    assert store.history() == {"core-work": {MONDAY: Entry(MONDAY, count=2)}}
