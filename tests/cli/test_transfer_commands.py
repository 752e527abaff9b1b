"""export and import through real subprocesses; Loop Habit Tracker exports built in the test."""

import csv
import io
import json
import zipfile

import pytest

from plumbline.storage.locations import Locations
from plumbline.storage.store import Store
from tests.cli.test_cli import one_error_line


@pytest.fixture
def filled(cli, data_dir):
    (data_dir / "habits").mkdir()
    (data_dir / "habits" / "walk.toml").write_text('id = "walk"\nname = "Walk [x]"\ncategory = "movement"\nkind = "do"\n')
    cli("check", "walk", "--date", "2026-11-20", "--note", "=SUM(A1) along the river, ünïcode")
    cli("check", "posture-breaks", "--count", "4", "--date", "2026-11-20")
    cli("skip", "core-work", "--date", "2026-11-21")
    cli("pain", "5", "--date", "2026-11-21", "--note", "long drive")
    Store(Locations(data_dir)).update_meta(lambda meta: meta.update(archived=["both-feet"]))
    return cli


def test_json_export_round_trips_exactly(filled, tmp_path):
    first = filled("export")
    assert first.code == 0, first.err
    export_file = tmp_path / "export.json"
    export_file.write_text(first.out)
    empty = tmp_path / "empty"
    imported = filled("--data-dir", str(empty), "import", str(export_file))
    assert imported.code == 0, imported.err
    again = filled("--data-dir", str(empty), "export")
    assert again.out == first.out
    data = json.loads(first.out)
    assert [h["id"] for h in data["custom_habits"]] == ["walk"]
    assert data["state"]["archived"] == ["both-feet"]
    assert {"habit": "core-work", "date": "2026-11-21", "count": 0, "skipped": True, "note": ""} in data["entries"]


def test_import_merges_a_record_in_the_file_replaces_the_same_day(filled, tmp_path, data_dir):
    export_file = tmp_path / "export.json"
    export_file.write_text(filled("export").out)
    filled("check", "posture-breaks", "--count", "2", "--date", "2026-11-20")  # now 6
    filled("check", "knee-pillow", "--date", "2026-11-22")  # not in the file: kept
    assert filled("import", str(export_file)).code == 0
    today = json.loads(filled("today", "--json", "--date", "2026-11-20").out)
    assert next(h for h in today["habits"] if h["id"] == "posture-breaks")["count"] == 4
    kept = json.loads(filled("today", "--json", "--date", "2026-11-22").out)
    assert next(h for h in kept["habits"] if h["id"] == "knee-pillow")["status"] == "done"


def test_csv_has_one_row_per_habit_and_day(filled, tmp_path):
    out = tmp_path / "all.csv"
    assert filled("export", "--format", "csv", "--output", str(out)).code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["date", "habit", "name", "status", "count", "note"]
    walk = [r for r in rows if r["habit"] == "walk"]
    assert [r["date"] for r in walk] == ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]
    assert walk[0]["status"] == "done" and walk[1]["status"] == "missed" and walk[-1]["status"] == "pending"
    assert walk[0]["name"] == "Walk [x]"
    assert walk[0]["note"].startswith("'=SUM")  # a spreadsheet must not run it as a formula
    breaks = next(r for r in rows if r["habit"] == "posture-breaks" and r["date"] == "2026-11-20")
    assert (breaks["status"], breaks["count"]) == ("missed", "4")
    pairs = [(r["habit"], r["date"]) for r in rows]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize(
    ("content", "names"),
    [
        (None, ["missing.json", "check the path"]),
        (b"{not json", ["not valid JSON"]),
        (b'{"format": "something-else"}', ["not a plumbline export"]),
        (b'{"format": "plumbline-export", "version": 1, "state": {}, "custom_habits": [], "entries": [{"habit": "x"}], '
         b'"pain": []}', ["damaged"]),
        (b'{"format": "plumbline-export", "version": 1, "state": {}, "custom_habits": [], "entries": [], '
         b'"pain": [{"date": "2026-11-01", "level": 12, "note": ""}]}', ["12", "0..10"]),
        (b"\xff\xfe\x00garbage", ["cannot read"]),
    ],
)
def test_an_unreadable_import_file_is_bad_input_and_imports_nothing(cli, tmp_path, data_dir, content, names):
    path = tmp_path / "missing.json"
    if content is not None:
        path.write_bytes(content)
    result = cli("import", str(path))
    assert result.code == 2
    one_error_line(result, *names)
    assert not (data_dir / "entries").exists()


@pytest.mark.parametrize(
    ("state", "entry"),
    [
        ({"created": "garbage"}, None),
        ({"archived": "both-feet"}, None),
        ({"reminder_settings": {"work_hours": "17:00-09:00"}}, None),
        ({}, {"habit": "core-work", "date": "2026-11-01", "count": -3, "skipped": False, "note": ""}),
    ],
)
def test_an_import_with_damaged_state_or_records_imports_nothing(cli, tmp_path, data_dir, state, entry):
    document = {"format": "plumbline-export", "version": 1, "state": state, "custom_habits": [],
                "entries": [entry] if entry else [], "pain": []}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    result = cli("import", str(path))
    assert result.code == 2
    one_error_line(result, str(path), "nothing was imported")
    assert cli("today").code == 0  # and every command still works


def test_a_broken_loop_export_is_bad_input(cli, tmp_path):
    path = tmp_path / "loop.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Habits.csv", "Position,Name,Frequency Numerator,Frequency Denominator\n001,Walk,abc,1\n")
    result = cli("import", str(path))
    assert result.code == 2
    one_error_line(result, str(path), "nothing was imported")


@pytest.mark.parametrize(
    "meta",
    [
        {"meta": {"1": {"schema": 2, "created": "garbage"}}},
        {"meta": {"1": 5}},
    ],
)
def test_valid_json_that_makes_no_sense_is_a_damaged_database(cli, data_dir, meta):
    content = json.dumps(meta).encode()
    (data_dir / "plumbline.json").write_bytes(content)
    result = cli("today")
    assert result.code == 1
    one_error_line(result, "plumbline.json")
    assert "unexpected" not in result.err
    assert (data_dir / "plumbline.json").read_bytes() == content
