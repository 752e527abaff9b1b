"""The data dir's files are TinyDB databases (storage/tinydb_storage.py): TinyDB opens each with
AtomicJSONStorage and finds what plumbline wrote; a write through it replaces the file whole; a
damaged file is refused and left as it was."""

from __future__ import annotations

import json

import pytest
from tinydb import Query, TinyDB

from plumbline.app.tracker import Tracker
from plumbline.errors import DamagedDatabase
from plumbline.storage.tinydb_storage import AtomicJSONStorage
from tests.conftest import BUILTIN_HABITS, MONDAY


def test_tinydb_finds_the_check_ins_and_the_state_plumbline_wrote(data_dir):
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    tracker.check("core-work", MONDAY, today=MONDAY)
    tracker.check("knee-pillow", MONDAY, today=MONDAY)
    tracker.settings.mark_seen("notice_seen", MONDAY)
    (month,) = (data_dir / "entries").glob("2026-11.*.json")
    with TinyDB(month, storage=AtomicJSONStorage) as db:
        found = db.table("months").search(Query().habit == "core-work")
        assert sorted(db.tables()) == ["_meta", "months"]
    assert [(doc["month"], doc["days"]["23"]["c"]) for doc in found] == [("2026-11", 1)]

    (state,) = data_dir.glob("plumbline.*.json")
    with TinyDB(state, storage=AtomicJSONStorage) as db:
        (document,) = db.table("state").all()
    # The state is one document of records: its key path -> [stamp, value] (storage/state_merge.py).
    assert (document["created"][1], document["notice_seen"][1]) == (MONDAY.isoformat(), True)


def test_a_write_through_tinydb_replaces_the_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "notes.json"
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        db.insert({"n": 1})
        before = path.stat().st_ino
        db.insert({"n": 2})
    assert path.stat().st_ino != before  # a new file renamed over the old one, not rewritten in place
    assert json.loads(path.read_text()) == {"_default": {"1": {"n": 1}, "2": {"n": 2}}}
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]


def test_tinydb_is_refused_a_damaged_file_which_stays_as_it_was(tmp_path):
    path = tmp_path / "torn.json"
    path.write_bytes(b'{"_default": {"1": {"n"')
    with TinyDB(path, storage=AtomicJSONStorage) as db, pytest.raises(DamagedDatabase, match="torn.json"):
        db.insert({"n": 2})
    assert path.read_bytes() == b'{"_default": {"1": {"n"'
