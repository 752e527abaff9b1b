"""Every Loop Habit Tracker format reads back record by record; what is not Loop's is refused in one line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import random
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest

from plumbline.errors import BadInput
from plumbline.storage import loop_backup, loop_formats
from plumbline.storage.loop_formats import LoopEntry, LoopHabit, read_loop, sniff
from tests.loop_fixtures import (
    CALL_MUM,
    CIGARETTES,
    EVERY_CASE,
    LOOP_SAMPLE,
    MEDITATE,
    READING,
    SKIP,
    WAKE_UP_EARLY,
    FixtureHabit,
    csv_zip_1x,
    csv_zip_6col,
    csv_zip_7col,
    csv_zip_current,
    day,
    loop_db,
    timestamp,
)

# Loop's own fixture files, as docs/loop-formats.md quotes them.
HABITS_CSV_516BF394 = (
    "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,"
    "Target Value,Archived?\n"
    "001,Meditate,YES_NO,Did you meditate this morning?,,1,1,#FF8F00,,,,false\n"
    "002,Wake up early,YES_NO,Did you wake up before 6am?,,2,3,#00897B,,,,false\n"
)
HABITS_CSV_77760932 = (
    "Position,Name,Question,Description,NumRepetitions,Interval,Color\n"
    "001,Meditate,Did you meditate this morning?,,1,1,#FF8F00\n"
    "002,Wake up early,Did you wake up before 6am?,,2,3,#00897B\n"
)
WAKE_UP_EARLY_CHECKMARKS_035B392E = (
    "Date,Value,Notes\n"
    "2015-01-25,YES_MANUAL,\n"
    "2015-01-24,NO,Sick\n"
    '2015-01-23,YES_AUTO,"Forgot to do it, really"\n'
    "2015-01-22,YES_MANUAL,\n"
    "2015-01-21,YES_MANUAL,\n"
    "2015-01-20,YES_MANUAL,\n"
    '2015-01-19,YES_AUTO,"""Vacation"""\n'
    "2015-01-18,YES_AUTO,\n"
    "2015-01-17,YES_MANUAL,\n"
    "2015-01-16,YES_MANUAL,\n"
)


def entries(*rows: tuple[str, int, str]) -> tuple[LoopEntry, ...]:
    return tuple(LoopEntry(dt.date.fromisoformat(d), v, n) for d, v, n in rows)


WAKE_UP_ENTRIES = entries(
    ("2015-01-16", 2, ""), ("2015-01-17", 2, ""), ("2015-01-18", 1, ""), ("2015-01-19", 1, '"Vacation"'),
    ("2015-01-20", 2, ""), ("2015-01-21", 2, ""), ("2015-01-22", 2, ""), ("2015-01-23", 1, "Forgot to do it, really"),
    ("2015-01-24", 0, "Sick"), ("2015-01-25", 2, ""),
)
# EVERY_CASE as the newest CSV export gives it back.
EXPECTED = (
    LoopHabit(1, "Meditate", "Did you meditate this morning?", "", 1, 1, False, "", False, 0.0, False, None, ()),
    LoopHabit(2, "Wake up early", "Did you wake up before 6am?", "", 2, 3, False, "", False, 0.0, False, None,
              WAKE_UP_ENTRIES),
    LoopHabit(3, "体操", "体操をしましたか？", "", 1, 1, False, "", False, 0.0, False, None,
              entries(("2015-01-20", 2, ""), ("2015-01-21", 3, "雨"), ("2015-01-22", 0, ""))),
    LoopHabit(4, 'Read, "slowly"', "How many pages did you read today?", "", 1, 1, True, "pages", False, 12.0, False,
              None, entries(("2015-01-20", 12000, ""), ("2015-01-21", 2500, "Tired"))),
    LoopHabit(5, "Cigarettes", "How many cigarettes did you smoke today?", "", 1, 1, True, "cigarettes", True, 5.0,
              False, None, entries(("2015-01-20", 3000, ""), ("2015-01-21", 7000, "Party"), ("2015-01-22", 0, ""))),
    LoopHabit(6, "Call mum", "Did you call mum?", "", 2, 30, False, "", False, 0.0, False, None,
              entries(("2015-01-04", 2, ""), ("2015-01-18", 2, "Her birthday"))),
    LoopHabit(7, "Water the plants", "Did you water the plants?", "", 1, 3, False, "", False, 0.0, False, None,
              entries(("2015-01-19", 2, ""), ("2015-01-20", 1, ""), ("2015-01-21", 1, ""))),
    LoopHabit(8, "Floss", "Did you floss?", "Dentist's advice", 1, 1, False, "", False, 0.0, True, None,
              entries(("2014-12-30", 2, ""), ("2014-12-31", 0, ""))),
)
UUIDS = [h.uuid for h in EVERY_CASE]


def refused(path: Path) -> str:
    """read_loop's one-line BadInput for `path`."""
    with pytest.raises(BadInput) as caught:
        read_loop(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def zip_of(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def meditate_with_checkmarks(tmp_path: Path, checkmarks: str) -> Path:
    files = {"Habits.csv": HABITS_CSV_516BF394, "001 Meditate/Checkmarks.csv": checkmarks}
    return zip_of(tmp_path / "export.zip", files)


# --- The fixtures are Loop's files ------------------------------------------------------------


def test_the_newest_sample_zip_holds_loops_own_fixture_files_byte_for_byte(tmp_path):
    files = members(csv_zip_current(tmp_path / "Loop Habits CSV 2015-01-25.zip", LOOP_SAMPLE))
    assert list(files) == [
        "Habits.csv", "001 Meditate/Scores.csv", "001 Meditate/Checkmarks.csv",
        "002 Wake up early/Scores.csv", "002 Wake up early/Checkmarks.csv", "Scores.csv", "Checkmarks.csv",
    ]
    assert files["Habits.csv"].decode() == HABITS_CSV_516BF394
    assert files["002 Wake up early/Checkmarks.csv"].decode() == WAKE_UP_EARLY_CHECKMARKS_035B392E
    assert files["001 Meditate/Checkmarks.csv"] == b"Date,Value,Notes\n"
    assert files["Checkmarks.csv"].startswith(b"Date,Meditate,Wake up early,\n2015-01-25,UNKNOWN,YES_MANUAL,\n")


def test_the_7_column_sample_zip_holds_loops_own_fixture_files(tmp_path):
    files = members(csv_zip_7col(tmp_path / "export.zip", LOOP_SAMPLE))
    assert files["Habits.csv"].decode() == HABITS_CSV_77760932
    lines = files["Checkmarks.csv"].decode().splitlines(keepends=True)
    assert lines[:4] == [
        "Date,Meditate,Wake up early,\n", "2015-01-25,-1,2,\n", "2015-01-24,-1,0,\n", "2015-01-23,-1,1,\n"
    ]
    assert lines[-1] == "2015-01-16,-1,2,\n" and len(lines) == 11
    checkmarks = files["002 Wake up early/Checkmarks.csv"].decode()
    assert checkmarks.startswith("2015-01-25,2\n2015-01-24,0\n2015-01-23,1\n") and checkmarks.endswith("2015-01-16,2\n")


def test_folders_are_named_as_loop_names_them(tmp_path):
    names = set(members(csv_zip_current(tmp_path / "export.zip", EVERY_CASE)))
    assert {"003/Checkmarks.csv", "004 Read slowly/Checkmarks.csv", "008 Floss/Checkmarks.csv"} <= names
    assert not any(name.endswith("/") for name in names)  # Loop adds no folder entries


def test_the_newest_exporter_writes_numbers_raw_and_a_zero_as_no(tmp_path):
    files = members(csv_zip_current(tmp_path / "export.zip", EVERY_CASE))
    assert files["005 Cigarettes/Checkmarks.csv"].decode() == (
        "Date,Value,Notes\n2015-01-22,NO,\n2015-01-21,7000,Party\n2015-01-20,3000,\n"
    )
    assert b'004,"Read, ""slowly""",NUMERICAL,' in files["Habits.csv"]
    assert b",pages,AT_LEAST,12.0,false\n" in files["Habits.csv"]
    assert b",cigarettes,AT_MOST,5.0,false\n" in files["Habits.csv"]
    assert b",#aaaaaa,,,,true\n" in files["Habits.csv"]


def test_the_fixture_db_has_the_v25_schema_the_migrations_leave(tmp_path):
    db = sqlite3.connect(loop_db(tmp_path / "uhabits.db", LOOP_SAMPLE))
    habits = [row[1] for row in db.execute("pragma table_info(Habits)")]
    assert habits == [
        "id", "archived", "color", "description", "freq_den", "freq_num", "highlight", "name", "position",
        "reminder_hour", "reminder_min", "reminder_days", "type", "target_type", "target_value", "unit",
        "question", "uuid",
    ]
    repetitions = [(row[1], row[2], row[3]) for row in db.execute("pragma table_info(Repetitions)")]
    assert repetitions == [("id", "INTEGER", 0), ("habit", "INTEGER", 1), ("timestamp", "INTEGER", 1),
                           ("value", "INTEGER", 1), ("notes", "TEXT", 0)]
    tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    assert tables == {"Habits", "Repetitions", "Events", "sqlite_sequence"}
    (unique,) = db.execute("select sql from sqlite_master where name = 'idx_repetitions_habit_timestamp'").fetchone()
    assert unique.lower().startswith("create unique index")
    assert db.execute("pragma user_version").fetchone() == (25,)
    assert db.execute("select timestamp from Repetitions order by timestamp limit 1").fetchone() == (1421366400000,)


# --- CSV exports read back --------------------------------------------------------------------


def test_the_newest_csv_export_reads_back_record_by_record(tmp_path):
    export = read_loop(csv_zip_current(tmp_path / "export.zip", EVERY_CASE))
    assert export.format == "Loop CSV export (2.3.1 and later)"
    for got, want in zip(export.habits, EXPECTED, strict=True):
        assert got == want


def test_the_7_column_export_has_no_type_target_archived_or_notes(tmp_path):
    export = read_loop(csv_zip_7col(tmp_path / "export.zip", EVERY_CASE))
    assert export.format == "Loop CSV export (older, 7 columns)"
    plain = [h._replace(numerical=False, unit="", at_most=False, target=0.0, archived=False,
                        entries=tuple(e._replace(note="") for e in h.entries)) for h in EXPECTED]
    assert list(export.habits) == plain
    assert export.habits[3].entries[0] == LoopEntry(day("2015-01-20"), 12000, "")  # thousandths, as written


def test_the_6_column_export_holds_the_question_as_description_and_every_day(tmp_path):
    export = read_loop(csv_zip_6col(tmp_path / "export.zip", LOOP_SAMPLE + (CALL_MUM,)))
    assert export.format == "Loop CSV export (6 columns)"
    meditate, wake_up, call_mum = export.habits
    assert (meditate.question, meditate.description, meditate.entries) == ("Did you meditate this morning?", "", ())
    assert (wake_up.numerator, wake_up.denominator) == (2, 3)
    assert [(e.day, e.value) for e in wake_up.entries] == [(e.day, e.value) for e in WAKE_UP_ENTRIES]
    assert (call_mum.numerator, call_mum.denominator) == (2, 30)
    assert len(call_mum.entries) == 22  # 2015-01-04 to 2015-01-25, the Java exporter's every day
    assert [e.day for e in call_mum.entries if e.value == 2] == [day("2015-01-04"), day("2015-01-18")]
    assert {e.value for e in call_mum.entries} == {0, 2} and call_mum.entries[-1].day == day("2015-01-25")


def test_the_1x_export_has_a_folder_per_raw_name_and_nothing_else(tmp_path):
    export = read_loop(csv_zip_1x(tmp_path / "habits-2015-01-25.zip", EVERY_CASE))
    assert export.format == "Loop CSV export (1.x, no Habits.csv)"
    assert [(h.position, h.name) for h in export.habits] == [(h.position, h.name) for h in EXPECTED]
    for got, want in zip(export.habits, EXPECTED, strict=True):
        assert (got.numerator, got.denominator, got.question, got.archived, got.uuid) == (1, 1, "", False, None)
        assert got.entries == tuple(e._replace(note="") for e in want.entries)


def test_habits_csv_rows_without_a_folder_get_no_entries(tmp_path):
    export = read_loop(csv_zip_current(tmp_path / "export.zip", EVERY_CASE, selected=[READING, WAKE_UP_EARLY]))
    assert [h.name for h in export.habits] == [h.name for h in EXPECTED]
    assert [bool(h.entries) for h in export.habits] == [False, True, False, True, False, False, False, False]
    assert export.habits[3] == EXPECTED[3]


def test_computed_files_are_not_read(tmp_path):
    path = csv_zip_current(tmp_path / "export.zip", LOOP_SAMPLE)
    files = members(path)
    for name in ("Checkmarks.csv", "Scores.csv", "002 Wake up early/Scores.csv"):
        files[name] = b'not,"a csv\n\xff'
    assert read_loop(zip_of(tmp_path / "changed.zip", files)).habits == EXPECTED[:2]


def test_notes_stay_on_every_value_and_opencsv_quoting_is_undone(tmp_path):
    path = meditate_with_checkmarks(tmp_path, (
        'Date,Value,Notes\n2015-01-03,UNKNOWN,"Away, at sea"\n2015-01-02,SKIP,"say ""hi""\nthen go"\n'
        "2015-01-01,YES_AUTO,auto\n"
    ))
    assert read_loop(path).habits[0].entries == entries(
        ("2015-01-01", 1, "auto"), ("2015-01-02", 3, 'say "hi"\nthen go'), ("2015-01-03", -1, "Away, at sea")
    )


def test_minus_three_reads_as_skip_in_a_csv(tmp_path):
    path = meditate_with_checkmarks(tmp_path, "2015-01-02,-3\n2015-01-01,1500\n")
    assert read_loop(path).habits[0].entries == entries(("2015-01-01", 1500, ""), ("2015-01-02", SKIP, ""))


def test_a_file_not_in_utf8_is_read_as_latin1(tmp_path):
    cafe = FixtureHabit("Café", question="Un café ?", entries=((day("2015-01-01"), 2, "très bien"),))
    export = read_loop(csv_zip_current(tmp_path / "export.zip", [cafe], encoding="latin-1"))
    assert (export.habits[0].name, export.habits[0].question) == ("Café", "Un café ?")
    assert export.habits[0].entries == entries(("2015-01-01", 2, "très bien"))


@pytest.mark.parametrize(("checkmarks", "where", "value"), [
    ("Date,Value,Notes\n2015-01-25,YES_MANUAL,\n2015-13-01,NO,\n", "line 3", "'2015-13-01'"),
    ("Date,Value,Notes\n25/01/2015,NO,\n", "line 2", "'25/01/2015'"),
    ("Date,Value,Notes\n2015-01-25,MAYBE,\n", "line 2", "'MAYBE'"),
    ("2015-01-25,2\n2015-01-24,YES_MANUAL\n", "line 2", "'YES_MANUAL'"),  # words came with the header
    ("2015-01-25,2.5\n", "line 1", "'2.5'"),
    ("Date,Value,Notes\n2015-01-25,NO\n", "line 2", "2 fields"),
    ('Date,Value,Notes\n2015-01-25,NO,"open\n', "line 2", "unexpected end of data"),
])
def test_a_malformed_checkmark_names_file_line_and_value(tmp_path, checkmarks, where, value):
    message = refused(meditate_with_checkmarks(tmp_path, checkmarks))
    assert f"001 Meditate/Checkmarks.csv {where}" in message and value in message


@pytest.mark.parametrize(("row", "value"), [
    ("001,Meditate,YES_OR_NO,Q,,1,1,#FF8F00,,,,false", "'YES_OR_NO'"),
    ("001,Meditate,YES_NO,Q,,0,1,#FF8F00,,,,false", "FrequencyNumerator '0'"),
    ("001,Meditate,YES_NO,Q,,1,1,#FF8F00,,,,yes", "'yes'"),
    ("001,Meditate,NUMERICAL,Q,,1,1,#FF8F00,pages,AT_LEAST,twelve,false", "'twelve'"),
    ("001,Meditate,NUMERICAL,Q,,1,1,#FF8F00,pages,ABOUT,12.0,false", "'ABOUT'"),
    ("001,Meditate,YES_NO,Q,,1,1,#FF8F00,,,false", "11 fields"),
])
def test_a_malformed_habits_row_names_line_and_value(tmp_path, row, value):
    header = HABITS_CSV_516BF394.splitlines()[0]
    message = refused(zip_of(tmp_path / "export.zip", {"Habits.csv": f"{header}\n{row}\n"}))
    assert "Habits.csv line 2" in message and value in message


def test_a_position_twice_in_habits_csv_is_refused(tmp_path):
    twice = HABITS_CSV_516BF394.replace("002,Wake", "001,Wake")
    assert "line 3: position 1 is there twice" in refused(zip_of(tmp_path / "export.zip", {"Habits.csv": twice}))


def test_an_unknown_habits_header_is_refused(tmp_path):
    message = refused(zip_of(tmp_path / "export.zip", {"Habits.csv": "Position,Name,Frequency\n001,Walk,daily\n"}))
    assert "'Position,Name,Frequency'" in message


def test_a_folder_matching_no_habit_is_refused(tmp_path):
    message = refused(zip_of(tmp_path / "export.zip", {
        "Habits.csv": HABITS_CSV_516BF394, "003 Walk/Checkmarks.csv": "Date,Value,Notes\n",
    }))
    assert "'003 Walk/Checkmarks.csv'" in message and "position 3" in message
    message = refused(zip_of(tmp_path / "export.zip", {
        "Habits.csv": HABITS_CSV_516BF394, "Meditate/Checkmarks.csv": "Date,Value,Notes\n",
    }))
    assert "'Meditate/Checkmarks.csv' is in no folder named as Loop names them" in message


def test_a_folder_is_matched_by_its_position_alone(tmp_path):
    files = {"Habits.csv": HABITS_CSV_516BF394, "002 Réveil/Checkmarks.csv": "2015-01-25,2\n"}
    assert read_loop(zip_of(tmp_path / "export.zip", files)).habits[1].entries == entries(("2015-01-25", 2, ""))


# --- Limits -----------------------------------------------------------------------------------


def test_a_zip_unpacking_past_50_mb_is_refused_before_any_member_is_read(tmp_path, monkeypatch):
    path = zip_of(tmp_path / "export.zip", {
        "Habits.csv": HABITS_CSV_516BF394, "001 Meditate/Scores.csv": b"0" * (50 * 1024 * 1024 - 100),
    })
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda *args: pytest.fail("a member was read"))
    assert "more than the 52,428,800" in refused(path)


def test_a_csv_past_a_million_rows_is_refused(tmp_path):
    # Blank rows count too (a file of nothing but line ends is no way round the limit), and parse fast.
    rows = "2015-01-01,2\n" + "\n" * 999_999
    assert read_loop(meditate_with_checkmarks(tmp_path, rows)).habits[0].entries == entries(("2015-01-01", 2, ""))
    assert "more than the 1,000,000 rows" in refused(meditate_with_checkmarks(tmp_path, rows + "\n"))


def test_the_row_limit_is_exact(tmp_path, monkeypatch):
    monkeypatch.setattr(loop_formats, "MAX_CSV_ROWS", 3)
    path = meditate_with_checkmarks(tmp_path, "Date,Value,Notes\n2015-01-02,NO,\n2015-01-01,NO,\n")
    assert len(read_loop(path).habits[0].entries) == 2
    path = meditate_with_checkmarks(tmp_path, "Date,Value,Notes\n2015-01-03,NO,\n2015-01-02,NO,\n2015-01-01,NO,\n")
    assert "line 4" not in refused(path) and "more than the 3 rows" in refused(path)


def test_more_than_10000_habits_are_refused(tmp_path):
    header = HABITS_CSV_516BF394.splitlines()[0]
    rows = [f"{n:03d},H{n},YES_NO,,,1,1,#FF8F00,,,,false\n" for n in range(1, 10_002)]
    too_many = zip_of(tmp_path / "export.zip", {"Habits.csv": header + "\n" + "".join(rows)})
    assert "more than the 10,000 habits" in refused(too_many)
    enough = zip_of(tmp_path / "ok.zip", {"Habits.csv": header + "\n" + "".join(rows[:-1])})
    assert len(read_loop(enough).habits) == 10_000


def test_a_db_with_more_than_10000_habits_is_refused(tmp_path):
    path = loop_db(tmp_path / "uhabits.db", [])
    with sqlite3.connect(path) as db:
        db.executemany("insert into Habits (name, freq_num, freq_den, position) values ('h', 1, 1, ?)",
                       [(n,) for n in range(10_001)])
    db.close()
    assert "10,001 rows in Habits" in refused(path)


def test_a_db_with_more_repetitions_than_the_limit_is_refused(tmp_path, monkeypatch):
    path = loop_db(tmp_path / "uhabits.db", LOOP_SAMPLE)
    monkeypatch.setattr(loop_backup, "MAX_REPETITIONS", 9)
    assert "10 rows in Repetitions" in refused(path)
    monkeypatch.setattr(loop_backup, "MAX_REPETITIONS", 10)
    assert len(read_loop(path).habits[1].entries) == 10


# --- Telling files apart ----------------------------------------------------------------------


def sniff_in_time(path: Path) -> str | None:
    found: list[str | None] = []
    worker = threading.Thread(target=lambda: found.append(sniff(path)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), f"sniff hung on {path}"
    return found[0]


def test_sniff_goes_by_content_not_by_name(tmp_path):
    assert sniff_in_time(csv_zip_current(tmp_path / "backup.db", LOOP_SAMPLE)) == "loop-zip"
    assert sniff_in_time(csv_zip_1x(tmp_path / "habits.json", LOOP_SAMPLE)) == "loop-zip"
    assert sniff_in_time(loop_db(tmp_path / "export.zip", LOOP_SAMPLE, schema=22)) == "loop-db"
    assert sniff_in_time(zip_of(tmp_path / "other.zip", {"notes/readme.txt": "hi"})) is None
    other_db = tmp_path / "other.db"
    with sqlite3.connect(other_db) as db:
        db.execute("create table Habits (id integer)")
        db.execute("create table repetitions (id integer)")  # Loop wants the name exactly
    db.close()
    assert sniff_in_time(other_db) is None


def test_sniff_and_read_loop_handle_what_is_no_file(tmp_path):
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    empty = tmp_path / "empty.db"
    empty.touch()
    noise = tmp_path / "noise.zip"
    noise.write_bytes(random.Random(1).randbytes(4096))
    for path in (fifo, tmp_path, empty, noise, tmp_path / "missing.zip"):
        assert sniff_in_time(path) is None
    assert "is not a regular file" in refused(fifo)
    assert "is a folder" in refused(tmp_path)
    assert "is empty" in refused(empty)
    assert "No such file" in refused(tmp_path / "missing.zip")


@pytest.mark.parametrize("head", [b"PK\x03\x04", b"SQLite format 3\x00"])
def test_damaged_files_behind_a_right_magic_are_refused(tmp_path, head):
    path = tmp_path / "damaged"
    path.write_bytes(head + random.Random(2).randbytes(8192))
    assert sniff_in_time(path) is None
    assert "damaged" in refused(path)


def test_a_file_of_no_loop_format_names_the_accepted_ones(tmp_path):
    path = tmp_path / "habits.csv"
    path.write_text("Date,Meditate\n2015-01-01,2\n")
    message = refused(path)
    assert "is neither a zip nor a SQLite database" in message
    assert message.endswith(
        "give a plumbline JSON export, or Loop Habit Tracker's CSV export (.zip) or full backup (.db)"
    )


# --- The full backup .db ----------------------------------------------------------------------


def test_a_v25_backup_reads_back_record_by_record(tmp_path):
    export = read_loop(loop_db(tmp_path / "uhabits.db", EVERY_CASE))
    assert export.format == "Loop full backup (.db, schema 25)"
    for got, want, uuid in zip(export.habits, EXPECTED, UUIDS, strict=True):
        assert got == want._replace(uuid=uuid)


def test_a_v25_backup_keeps_what_the_csv_leaves_out(tmp_path):
    away = FixtureHabit("Walk", description=None, uuid=None, entries=(
        (day("2015-01-01"), -1, "Away"), (day("2015-01-02"), -3, "Rain"), (day("2015-01-03"), 1, ""),
    ))
    path = loop_db(tmp_path / "uhabits.db", [away, MEDITATE])
    with sqlite3.connect(path) as db:  # a time within the day, and the habits' order turned round
        db.execute("update Repetitions set timestamp = timestamp + 86399999 where value = 1")
        db.execute("update Habits set position = 5 - position")
    db.close()
    meditate, walk = read_loop(path).habits
    assert (meditate.position, meditate.name, walk.position) == (1, "Meditate", 2)
    assert (walk.description, walk.uuid) == ("", None)
    assert walk.entries == entries(("2015-01-01", -1, "Away"), ("2015-01-02", SKIP, "Rain"), ("2015-01-03", 1, ""))


def test_a_v22_backup_has_its_question_in_the_description_and_no_uuid_or_notes(tmp_path):
    export = read_loop(loop_db(tmp_path / "uhabits.db", EVERY_CASE, schema=22))
    assert export.format == "Loop full backup (.db, schema 22)"
    want = [h._replace(description="", entries=tuple(e._replace(note="") for e in h.entries)) for h in EXPECTED]
    assert list(export.habits) == want
    with sqlite3.connect(tmp_path / "uhabits.db") as db:
        assert db.execute("select description from Habits where name = 'Floss'").fetchone() == ("Did you floss?",)
    db.close()


def test_a_backup_before_migration_16_has_every_repetition_checked(tmp_path):
    path = loop_db(tmp_path / "uhabits.db", [WAKE_UP_EARLY, CIGARETTES], schema=11)
    wake_up, cigarettes = read_loop(path).habits
    assert {e.value for e in wake_up.entries} == {2} and len(wake_up.entries) == 10
    assert (cigarettes.numerical, cigarettes.at_most, cigarettes.target, cigarettes.unit) == (False, False, 0.0, "")


def test_before_migration_22_the_first_of_a_day_is_kept_and_rows_without_a_habit_dropped(tmp_path):
    path = loop_db(tmp_path / "uhabits.db", [MEDITATE], schema=21)
    with sqlite3.connect(path) as db:
        moment = timestamp(day("2015-01-01"))
        db.executemany("insert into Repetitions (habit, timestamp, value) values (?, ?, ?)",
                       [(1, moment, 2), (1, moment, 0), (1, None, 2), (7, moment, 2)])
    db.close()
    assert read_loop(path).habits[0].entries == entries(("2015-01-01", 2, ""))


def test_a_backup_older_than_schema_8_is_refused(tmp_path):
    path = loop_db(tmp_path / "uhabits.db", LOOP_SAMPLE, schema=9)
    with sqlite3.connect(path) as db:
        db.execute("pragma user_version = 7")
    db.close()
    assert "schema 7" in refused(path)


def test_a_bad_timestamp_is_refused_naming_the_habit(tmp_path):
    path = loop_db(tmp_path / "uhabits.db", LOOP_SAMPLE)
    with sqlite3.connect(path) as db:
        db.execute("update Repetitions set timestamp = -86400000 where id = 1")
    db.close()
    message = refused(path)
    assert "'Wake up early'" in message and "-86400000" in message


def test_reading_a_backup_changes_no_byte_and_leaves_no_file_beside_it(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    path = loop_db(folder / "Loop Habits Backup 2015-01-25.db", EVERY_CASE)
    with sqlite3.connect(path) as db:  # WAL, as Android may leave it: a reader may want -wal and -shm files
        db.execute("pragma journal_mode = wal")
    db.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    path.chmod(0o444)
    assert sniff(path) == "loop-db" and len(read_loop(path).habits) == 8
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert [p.name for p in folder.iterdir()] == [path.name]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        loop_backup.connect(path).execute("create table Mine (id integer)")


def test_a_truncated_backup_is_refused_as_damaged(tmp_path):
    path = loop_db(tmp_path / "uhabits.db", [dataclasses.replace(WAKE_UP_EARLY, question="x" * 5000)] * 40)
    path.write_bytes(path.read_bytes()[: 3 * 4096])
    assert "damaged" in refused(path)

