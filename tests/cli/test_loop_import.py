"""Loop Habit Tracker's files, as Loop writes them (tests/loop_fixtures.py, from Loop's own source and
test files), imported through the real CLI and compared record by record with what they hold."""

import json

import pytest

from tests.cli.test_cli import one_error_line
from tests.loop_fixtures import (
    CALL_MUM,
    EVERY_CASE,
    FLOSS,
    GYMNASTICS,
    LOOP_SAMPLE,
    WATER_PLANTS,
    csv_zip_1x,
    csv_zip_6col,
    csv_zip_7col,
    csv_zip_current,
    loop_db,
)

NOW = "2026-11-23T10:00:00"
IDS = {"Meditate": "meditate", "Wake up early": "wake-up-early", "体操": "loop-habit-003",
       'Read, "slowly"': "read-slowly", "Cigarettes": "cigarettes", "Call mum": "call-mum",
       "Water the plants": "water-the-plants", "Floss": "floss"}
YES_NO_CASES = (*LOOP_SAMPLE, GYMNASTICS, CALL_MUM, WATER_PLANTS, FLOSS)
WRITERS = {
    "current zip": (csv_zip_current, EVERY_CASE, True),
    "7-column zip": (csv_zip_7col, YES_NO_CASES, False),
    "6-column zip": (csv_zip_6col, YES_NO_CASES, False),
    "1.x zip": (csv_zip_1x, YES_NO_CASES, False),
    "db schema 25": (lambda path, habits: loop_db(path, habits, schema=25), EVERY_CASE, True),
    "db schema 22": (lambda path, habits: loop_db(path, habits, schema=22), YES_NO_CASES, False),
}


def expected_records(habit, with_notes):
    """What each Loop value means here, written from the issue's rules, not from the importer."""
    records = {}
    for day, value, note in habit.entries:
        note = note.strip() if with_notes else ""
        if value == 3:
            records[day.isoformat()] = (0, True, note)
        elif habit.numerical and value >= 0:
            number = value / 1000
            records[day.isoformat()] = (int(number) if number == int(number) else number, False, note)
        elif value == 2:
            records[day.isoformat()] = (1, False, note)
        elif note:
            records[day.isoformat()] = (0, False, note)
    return records


def imported_records(cli, habit_id):
    entries = json.loads(cli("export", now=NOW).out)["entries"]
    return {e["date"]: (e["count"], e["skipped"], e["note"]) for e in entries if e["habit"] == habit_id}


@pytest.mark.parametrize("version", WRITERS)
def test_every_loop_version_imports_with_exact_dates_values_and_notes(cli, tmp_path, version):
    write, habits, with_notes = WRITERS[version]
    path = write(tmp_path / "from-loop", habits)  # no telling extension: recognised by content
    result = cli("import", str(path), now=NOW)
    assert result.code == 0, result.err
    assert f"{len(habits)} habits added" in result.out
    if version == "1.x zip":
        habits = [h for h in habits if h.entries]  # 1.x wrote no folder (and so no habit) without rows
    for habit in habits:
        assert imported_records(cli, IDS[habit.name]) == expected_records(habit, with_notes), habit.name


@pytest.mark.parametrize("version", ["current zip", "db schema 25"])
def test_schedules_kinds_targets_and_archived_flags_come_over(cli, tmp_path, version):
    write, habits, _ = WRITERS[version]
    assert cli("import", str(write(tmp_path / "loop", habits)), now=NOW).code == 0
    listed = {h["id"]: h for h in json.loads(cli("habits", "--json", "--all", now=NOW).out)}
    assert listed["meditate"]["schedule"] == "daily"
    assert listed["wake-up-early"]["schedule"] == "5 times a week"  # 2 in 3 days: the nearest we have
    assert listed["call-mum"]["schedule"] == "2 times a month"
    assert listed["water-the-plants"]["schedule"] == "every 3 days"
    assert (listed["read-slowly"]["kind"], listed["read-slowly"]["target"], listed["read-slowly"]["unit"]) == (
        "count", 12, "pages")
    assert (listed["cigarettes"]["kind"], listed["cigarettes"]["target"]) == ("limit", 5)
    assert listed["floss"]["archived"] and not listed["meditate"]["archived"]
    assert listed["loop-habit-003"]["name"] == "体操"
    week = json.loads(cli("week", "--json", "--date", "2015-01-20", now=NOW).out)
    days = {h["id"]: [d["status"] for d in h["days"]] for h in week["habits"]}
    assert days["cigarettes"][1:4] == ["done", "missed", "done"]  # 3 and 0 under the limit of 5; 7 over it
    assert days["read-slowly"][1:3] == ["done", "missed"]  # 12 pages reach 12; 2.5 does not


def test_importing_the_same_file_twice_changes_nothing(cli, tmp_path):
    path = csv_zip_current(tmp_path / "loop.zip", EVERY_CASE)
    assert cli("import", str(path), now=NOW).code == 0
    first = cli("export", now=NOW).out
    again = cli("import", str(path), now=NOW)
    assert again.code == 0 and "0 habits added, 8 updated" in again.out
    assert cli("export", now=NOW).out == first


def test_a_loop_habit_never_merges_into_a_different_habit_of_the_same_name(cli, tmp_path, data_dir):
    (data_dir / "habits").mkdir()
    (data_dir / "habits" / "meditate.toml").write_text(
        'id = "meditate"\nname = "Meditate"\ncategory = "other"\nkind = "do"\n')
    cli("check", "meditate", "--date", "2026-11-20", now=NOW)
    assert cli("import", str(csv_zip_current(tmp_path / "loop.zip", LOOP_SAMPLE)), now=NOW).code == 0
    ids = {h["id"] for h in json.loads(cli("habits", "--json", now=NOW).out)}
    assert {"meditate", "meditate-2", "wake-up-early"} <= ids
    assert imported_records(cli, "meditate") == {"2026-11-20": (1, False, "")}


def test_built_in_habits_are_not_missed_for_the_imported_years(cli, tmp_path):
    assert cli("import", str(csv_zip_current(tmp_path / "loop.zip", EVERY_CASE)), now=NOW).code == 0
    week = json.loads(cli("week", "--json", "--date", "2015-01-20", now=NOW).out)
    statuses = {h["id"]: {d["status"] for d in h["days"]} for h in week["habits"]}
    assert statuses["knees-uncrossed"] == {"not_due"}  # tracked from the data dir's first day only
    assert statuses["wake-up-early"] >= {"done"}


def test_the_summary_says_what_came_over_and_what_only_nearly(cli, tmp_path):
    result = cli("import", str(csv_zip_current(tmp_path / "loop.zip", EVERY_CASE)), now=NOW)
    lines = result.out.splitlines()
    assert lines[0].startswith("Imported from Loop CSV export") and "8 habits added, 0 updated" in lines[0]
    assert "11 check-ins, 5 numeric values, 1 rest day, 7 notes." in lines[0]
    assert any("2 times in 3 days becomes 5 times a week" in line for line in lines[1:])


def test_a_file_of_no_format_we_read_names_the_accepted_ones(cli, tmp_path, data_dir):
    path = tmp_path / "notes.txt"
    path.write_text("just some text\n")
    result = cli("import", str(path), now=NOW)
    assert result.code == 2
    one_error_line(result, str(path), "Loop Habit Tracker's CSV export (.zip) or full backup (.db)")
    assert not (data_dir / "entries").exists()


def test_our_own_csv_export_is_said_to_be_for_spreadsheets(cli, tmp_path):
    csv_path = tmp_path / "all.csv"
    cli("check", "knee-pillow", now=NOW)
    cli("export", "--format", "csv", "--output", str(csv_path), now=NOW)
    result = cli("import", str(csv_path), now=NOW)
    assert result.code == 2
    one_error_line(result, "for spreadsheets only", "--format json")


def test_a_description_with_line_breaks_and_escapes_becomes_a_habit_file_that_loads(cli, tmp_path, data_dir):
    from dataclasses import replace

    odd = replace(CALL_MUM, description="Sunday evenings\nor after dinner\x1b]0;pwned\x07", name="Call\tmum")
    assert cli("import", str(csv_zip_current(tmp_path / "loop.zip", (odd,))), now=NOW).code == 0
    result = cli("habits", "--json", now=NOW)
    assert result.code == 0 and result.err == ""  # the written file loads again: no "habit file skipped"
    assert "call-mum" in {h["id"] for h in json.loads(result.out)}


def test_a_loop_file_with_a_day_in_the_future_changes_no_byte(cli, tmp_path, data_dir):
    from dataclasses import replace

    from tests.loop_fixtures import day

    cli("check", "knee-pillow", "--date", "2026-11-20", now=NOW)

    def data_files():  # the lock (its holder's pid) and the parse cache are not the user's data
        return {p: p.read_bytes() for p in data_dir.rglob("*")
                if p.is_file() and p.name != "plumbline.lock" and "cache" not in p.parts}

    before = data_files()
    ahead = replace(CALL_MUM, entries=((day("2027-01-04"), 2, ""),))
    result = cli("import", str(csv_zip_current(tmp_path / "loop.zip", (ahead,), today=day("2027-01-05"))), now=NOW)
    assert result.code == 2
    one_error_line(result, "2027-01-04", "nothing was imported")
    assert data_files() == before
