"""The month digests (storage/month_digests.py): a digest gives exactly what reading the month's
files gives, is never used once a file of the month changed, and a damaged, forged or blocking
one only costs a read of the files. A month with a damaged record or a skipped file has none."""

from __future__ import annotations

import datetime as dt
import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.errors import DamagedDatabase
from plumbline.storage import data_files
from plumbline.storage.month_records import MonthRecords
from tests.conftest import BUILTIN_HABITS, MONDAY

MONTH = "2026-11"
HABITS = ("core-work", "posture-breaks", "knee-pillow")


def settled(tracker: Tracker) -> Tracker:
    """Every file counts as settled at once (SETTLED_NS), so digests are saved and used."""
    tracker.store.now_ns = lambda: time.time_ns() + 60 * 10**9
    return tracker


def opened(data_dir) -> Tracker:
    return settled(Tracker(data_dir, BUILTIN_HABITS))


def digest_file(tracker: Tracker):
    return tracker.locations.cache_dir / "months" / f"{MONTH}.json"


def from_files(tracker: Tracker) -> MonthRecords:
    """The month read from its one file, as the store reads it without a digest."""
    files = tracker.store.listing().months[MONTH]
    assert len(files) == 1
    return MonthRecords(files[0].path, json.loads(files[0].path.read_text()), MONTH)


def same_month(a: MonthRecords, b: MonthRecords) -> None:
    assert sorted(a.habits()) == sorted(b.habits())
    for habit_id in a.habits():
        assert a.by_day(habit_id) == b.by_day(habit_id)
        # The very types: a count of 1.0 (Loop's) must not come back as 1.
        assert [type(r[0]) if r else None for r in a.by_day(habit_id)] == \
            [type(r[0]) if r else None for r in b.by_day(habit_id)]
        assert a.entries(habit_id) == b.entries(habit_id)
        assert a.coded(habit_id) == b.coded(habit_id)
        assert [type(r[0]) for r in a.coded(habit_id)[1].values()] == [type(r[0]) for r in b.coded(habit_id)[1].values()]
    assert a.first_days() == b.first_days()
    assert a.pains() == b.pains()


records = st.one_of(
    st.just(Entry(MONDAY)),  # done once
    st.builds(lambda n: Entry(MONDAY, count=n), st.integers(0, 14)),
    st.builds(lambda n: Entry(MONDAY, count=n), st.sampled_from([1.0, 2.5, 0.5, 10.0])),
    st.builds(lambda note: Entry(MONDAY, skipped=True, note=note), st.sampled_from(["", "flare-up", "\x1b[2J"])),
    st.builds(lambda note: Entry(MONDAY, note=note), st.text(min_size=1, max_size=8)),
    st.none(),  # checked, then unchecked: a removed record
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.tuples(st.sampled_from(HABITS), st.integers(1, 30)), records, min_size=1, max_size=25),
       st.lists(st.tuples(st.integers(1, 30), st.integers(0, 10)), max_size=4))
def test_a_digest_reads_as_the_month_files(tmp_path_factory, days, pains):
    data_dir = tmp_path_factory.mktemp("data")
    tracker = opened(data_dir)
    tracker.store.update_meta(lambda meta: meta.update(notice_seen=True))  # a data dir in use
    for (habit_id, number), entry in days.items():
        day = dt.date(2026, 11, number)
        tracker.store.change_entry(habit_id, day, lambda _, day=day: Entry(day))
        if entry is None:
            tracker.store.change_entry(habit_id, day, lambda _: None)
        else:
            tracker.store.change_entry(habit_id, day, lambda _, e=entry, day=day: e._replace(day=day))
    for number, level in pains:
        tracker.log_pain(dt.date(2026, 11, number), level, today=dt.date(2026, 11, 30))

    expected = from_files(tracker)
    opened(data_dir).store.month_records(MONTH)  # saves the digest
    assert digest_file(tracker).exists()
    stamp = data_files.combined_stamp(tracker.store.listing().months[MONTH])
    digested = tracker.store.digests.load(MONTH, stamp, expected.path, lambda: expected)
    assert digested is not None
    same_month(digested, expected)
    same_month(opened(data_dir).store.month_records(MONTH), expected)


def test_a_digest_is_not_used_once_the_month_changed(data_dir):
    tracker = opened(data_dir)
    tracker.check("core-work", MONDAY, today=MONDAY)
    opened(data_dir).store.month_records(MONTH)
    saved = digest_file(tracker).read_bytes()
    tracker.check("knee-pillow", MONDAY, today=MONDAY)
    assert opened(data_dir).store.month_records(MONTH).by_day("knee-pillow")[MONDAY.day - 1] is not None
    assert digest_file(tracker).read_bytes() != saved  # saved again, under the new stamp
    # The month file replaced by a copy of itself (same bytes, same size: a restore, a sync):
    # a new inode and change time, so the digest is read as stale, not trusted.
    path = tracker.store.listing().months[MONTH][0].path
    copy = path.with_suffix(".copy")
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)
    fresh = opened(data_dir)
    stamp = data_files.combined_stamp(fresh.store.listing().months[MONTH])
    assert fresh.store.digests.load(MONTH, stamp, path, lambda: pytest.fail("a stale digest is not loaded")) is None


def test_damaged_or_forged_digests_only_cost_a_read_of_the_files(data_dir):
    tracker = opened(data_dir)
    tracker.check("core-work", MONDAY, today=MONDAY)
    opened(data_dir).store.month_records(MONTH)
    good = json.loads(digest_file(tracker).read_text())
    code = good["digest"]["habits"]["core-work"][0]
    forged = [
        b"", b"{", b"[]", b'{"format": 1}',
        json.dumps({**good, "format": 99}).encode(),
        json.dumps({**good, "stamp": [1, 2, 3, 4]}).encode(),
        # A character no digest has, a short month, a full record where none is said to be, a
        # record that is no record. (A well-formed digest under the right stamp is believed: the
        # cache is in the user's private state folder, as the other caches are.)
        json.dumps({**good, "digest": {**good["digest"], "habits": {"core-work": [code.replace(".", "x"), {}]}}}).encode(),
        json.dumps({**good, "digest": {**good["digest"], "habits": {"core-work": [code[:-1], {}]}}}).encode(),
        json.dumps({**good, "digest": {**good["digest"], "habits": {"core-work": [code, {"0": [1, False, ""]}]}}}).encode(),
        json.dumps({**good, "digest": {**good["digest"], "habits": {"core-work": [code.replace(".", "o", 1),
                                                                                  {"0": [-3, "no", 7]}]}}}).encode(),
        # Pain records that are no records: never reported as a damaged data file.
        json.dumps({**good, "digest": {**good["digest"], "pain": {"a": 1}}}).encode(),
        json.dumps({**good, "digest": {**good["digest"], "pain": [{"month": MONTH, "days": {"05": {"r": "x"}}}]}}).encode(),
    ]
    for content in forged:
        digest_file(tracker).write_bytes(content)
        records = opened(data_dir).store.month_records(MONTH)
        rows = records.by_day("core-work")
        assert rows[MONDAY.day - 1] == (1, False, "") and rows.count(None) == 29, content
        assert records.pains() == {}, content
    # Each was replaced by the good one, read from the files again.
    assert json.loads(digest_file(tracker).read_text())["digest"] == good["digest"]


def test_a_fifo_where_a_digest_should_be_does_not_hang_a_read(data_dir):
    tracker = opened(data_dir)
    tracker.check("core-work", MONDAY, today=MONDAY)
    digest_file(tracker).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(digest_file(tracker))
    assert opened(data_dir).store.month_records(MONTH).by_day("core-work")[MONDAY.day - 1] == (1, False, "")


def test_a_month_with_a_damaged_record_has_no_digest_and_still_reports_it(data_dir):
    tracker = opened(data_dir)
    tracker.check("core-work", MONDAY, today=MONDAY)
    tracker.check("knee-pillow", MONDAY, today=MONDAY)
    path = tracker.store.listing().months[MONTH][0].path
    data = json.loads(path.read_text())
    doc = next(d for d in data["months"].values() if d["habit"] == "knee-pillow")
    doc["days"][f"{MONDAY.day:02d}"]["c"] = "lots"
    path.write_text(json.dumps(data))
    for _ in range(2):  # each new command meets it again
        records = opened(data_dir).store.month_records(MONTH)
        assert records.by_day("core-work")[MONDAY.day - 1] == (1, False, "")  # the sound habit reads
        with pytest.raises(DamagedDatabase, match="lots"):
            records.by_day("knee-pillow")
    assert not digest_file(tracker).exists()


def test_a_month_with_another_devices_unreadable_file_has_no_digest(data_dir):
    tracker = opened(data_dir)
    tracker.check("core-work", MONDAY, today=MONDAY)
    half = data_dir / "entries" / f"{MONTH}.abcdefgh.json"
    half.write_text('{"months": {"1": {"habit": "core-')  # half-synced
    for _ in range(2):  # every command finds it skipped (and so warns and lists it), not only the first
        reader = opened(data_dir)
        assert reader.store.month_records(MONTH).by_day("core-work")[MONDAY.day - 1] == (1, False, "")
        assert half in reader.store.files.skipped
    assert not digest_file(tracker).exists()
    # Once the whole file arrives (here: it goes), the month is read and digested again.
    half.unlink()
    opened(data_dir).store.month_records(MONTH)
    assert digest_file(tracker).exists()
