"""Loop Habit Tracker's files, written field by field as Loop writes them (docs/loop-formats.md).

Each writer takes FixtureHabits in Loop's list order. A habit's entries are written as they are
given: Loop's CSV exports hold its *computed* entries and the .db the original ones, so here the
same list stands for whichever the file holds. Scores are computed by Loop and ignored by the
reader; the Scores.csv files hold 0 in Loop's number format, to have the files a zip has.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

Entry = tuple[dt.date, int, str]  # day, Loop's raw value, note

# Entry values (§2)
SKIP, YES_MANUAL, YES_AUTO, NO, UNKNOWN = 3, 2, 1, 0, -1
WORDS = {YES_MANUAL: "YES_MANUAL", YES_AUTO: "YES_AUTO", NO: "NO", SKIP: "SKIP", UNKNOWN: "UNKNOWN"}

# toCsvColor(), by palette index (§1.a). The 6-column exporter's CSV_PALETTE was not read: the
# same strings stand in for it.
PALETTE = (
    "#D32F2F", "#E64A19", "#F57C00", "#FF8F00", "#F9A825", "#AFB42B", "#7CB342", "#388E3C", "#00897B", "#00ACC1",
    "#039BE5", "#1976D2", "#303F9F", "#5E35B1", "#8E24AA", "#D81B60", "#5D4037", "#303030", "#757575", "#aaaaaa",
)

HEADER_12 = ("Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,"
             "Target Type,Target Value,Archived?")
HEADER_7 = "Position,Name,Question,Description,NumRepetitions,Interval,Color"
HEADER_6 = "Position,Name,Description,NumRepetitions,Interval,Color"


@dataclass(frozen=True)
class FixtureHabit:
    name: str
    question: str = ""
    description: str | None = ""  # None: NULL in a .db, as migration 23 leaves it
    numerator: int = 1
    denominator: int = 1
    color: int = 8  # palette index
    numerical: bool = False
    unit: str = ""
    at_most: bool = False
    target: float = 0.0
    archived: bool = False
    uuid: str | None = None
    entries: tuple[Entry, ...] = ()  # any order

    def newest_first(self, known_only: bool = False) -> list[Entry]:
        # EntryList.getKnown(): the entries that are not UNKNOWN, newest first.
        return sorted((e for e in self.entries if not known_only or e[1] != UNKNOWN), key=lambda e: e[0], reverse=True)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# Loop's own test habits (HabitsCSVExporterTest, HabitFixtures @ 035b392e): createEmptyHabit() and
# createShortHabit(), with the computed entries its 002 Wake up early/Checkmarks.csv fixture lists.
MEDITATE = FixtureHabit(
    "Meditate", question="Did you meditate this morning?", color=3, uuid="4f9a1c3e5b7d40a2b6c8d0e2f4a6b8c0"
)
WAKE_UP_EARLY = FixtureHabit(
    "Wake up early", question="Did you wake up before 6am?", numerator=2, denominator=3, color=8,
    uuid="9e8d7c6b5a4f43e2d1c0b9a8f7e6d5c4",
    entries=(
        (day("2015-01-25"), YES_MANUAL, ""),
        (day("2015-01-24"), NO, "Sick"),
        (day("2015-01-23"), YES_AUTO, "Forgot to do it, really"),
        (day("2015-01-22"), YES_MANUAL, ""),
        (day("2015-01-21"), YES_MANUAL, ""),
        (day("2015-01-20"), YES_MANUAL, ""),
        (day("2015-01-19"), YES_AUTO, '"Vacation"'),
        (day("2015-01-18"), YES_AUTO, ""),
        (day("2015-01-17"), YES_MANUAL, ""),
        (day("2015-01-16"), YES_MANUAL, ""),
    ),
)
LOOP_SAMPLE = (MEDITATE, WAKE_UP_EARLY)

# The cases Loop's fixture lacks.
GYMNASTICS = FixtureHabit(  # no Latin letter in the name: its folder is `003/`
    "体操", question="体操をしましたか？", color=13, uuid="0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5",
    entries=((day("2015-01-20"), YES_MANUAL, ""), (day("2015-01-21"), SKIP, "雨"), (day("2015-01-22"), NO, "")),
)
READING = FixtureHabit(  # numerical, at least; a name opencsv must quote
    'Read, "slowly"', question="How many pages did you read today?", numerical=True, unit="pages",
    target=12.0, color=11, uuid="1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6",
    entries=((day("2015-01-20"), 12000, ""), (day("2015-01-21"), 2500, "Tired")),
)
CIGARETTES = FixtureHabit(  # numerical, at most; 0 is written "NO" by the newest exporter
    "Cigarettes", question="How many cigarettes did you smoke today?", numerical=True, unit="cigarettes",
    at_most=True, target=5.0, color=0, uuid="2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7",
    entries=((day("2015-01-20"), 3000, ""), (day("2015-01-21"), 7000, "Party"), (day("2015-01-22"), 0, "")),
)
CALL_MUM = FixtureHabit(  # 2 times a month
    "Call mum", question="Did you call mum?", numerator=2, denominator=30, color=15,
    uuid="3d4e5f6a7b8c49d0e1f2a3b4c5d6e7f8",
    entries=((day("2015-01-04"), YES_MANUAL, ""), (day("2015-01-18"), YES_MANUAL, "Her birthday")),
)
WATER_PLANTS = FixtureHabit(  # every 3 days
    "Water the plants", question="Did you water the plants?", numerator=1, denominator=3, color=7,
    uuid="4e5f6a7b8c9d4ae1f2a3b4c5d6e7f8a9",
    entries=((day("2015-01-19"), YES_MANUAL, ""), (day("2015-01-20"), YES_AUTO, ""), (day("2015-01-21"), YES_AUTO, "")),
)
FLOSS = FixtureHabit(  # archived
    "Floss", question="Did you floss?", description="Dentist's advice", archived=True, color=19,
    uuid="5f6a7b8c9d0e4bf2a3b4c5d6e7f8a9b0",
    entries=((day("2014-12-30"), YES_MANUAL, ""), (day("2014-12-31"), NO, "")),
)
EVERY_CASE = LOOP_SAMPLE + (GYMNASTICS, READING, CIGARETTES, CALL_MUM, WATER_PLANTS, FLOSS)


# --- How Loop writes values --------------------------------------------------------------------


def formatted_value(value: int) -> str:
    """Entry.formattedValue (§1.c): the five special values as words, any other as its integer."""
    return WORDS.get(value, str(value))


def kotlin_double(value: float) -> str:
    """Kotlin's Double.toString, for the values where it is plain decimal notation."""
    assert value == 0 or 1e-3 <= abs(value) < 1e7, "Kotlin writes this value in E notation"
    return repr(float(value))


def habit_folder(position: int, name: str) -> str:
    """`NNN Name/`: the name with all but ` a-zA-Z0-9._-` deleted, cut at 100, the whole trimmed (§1.c)."""
    sane = re.sub(r"[^ a-zA-Z0-9._-]+", "", name)[:100]
    return f"{position:03d} {sane}".strip() + "/"


def opencsv(rows: list[list[str]]) -> str:
    """opencsv's CSVWriter with writeNext(row, false): quotes only where needed, `"` doubled, "\\n" line ends."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, doublequote=True).writerows(rows)
    return out.getvalue()


def days_back(newest: dt.date, oldest: dt.date) -> list[dt.date]:
    return [newest - dt.timedelta(days=n) for n in range((newest - oldest).days + 1)]


# --- The CSV export zips (§1) -----------------------------------------------------------------


def csv_zip_current(path: Path, habits, selected=None, today: dt.date | None = None, encoding: str = "utf-8") -> Path:
    """The newest exporter (HabitsCSVExporter.kt @ 035b392e, HabitList.kt @ 0daa4f6a): 12 columns, words."""
    rows = [HEADER_12.split(",")] + [
        [f"{n:03d}", h.name, "NUMERICAL" if h.numerical else "YES_NO", h.question, h.description or "",
         str(h.numerator), str(h.denominator), PALETTE[h.color], h.unit if h.numerical else "",
         ("AT_MOST" if h.at_most else "AT_LEAST") if h.numerical else "",
         kotlin_double(h.target) if h.numerical else "", "true" if h.archived else "false"]
        for n, h in enumerate(habits, start=1)
    ]
    return _write_zip(
        path, habits, selected, today, encoding, opencsv(rows),
        checkmarks=lambda h, newest: opencsv([["Date", "Value", "Notes"]] + [
            [d.isoformat(), formatted_value(v), note] for d, v, note in h.newest_first(known_only=True)
        ]),
        scores=lambda h, days: opencsv([["Date", "Score"]] + [[d.isoformat(), "0.0000"] for d in days]),
        cell=formatted_value,
    )


def csv_zip_7col(path: Path, habits, selected=None, today: dt.date | None = None, encoding: str = "utf-8") -> Path:
    """HabitList.kt @ b870dd85 with the older exporter (HabitsCSVExporter.kt @ e9c464ad): no headers, integers."""
    rows = [HEADER_7.split(",")] + [
        [f"{n:03d}", h.name, h.question, h.description or "", str(h.numerator), str(h.denominator), PALETTE[h.color]]
        for n, h in enumerate(habits, start=1)
    ]
    return _write_zip(
        path, habits, selected, today, encoding, opencsv(rows),
        checkmarks=lambda h, newest: "".join(f"{d.isoformat()},{v}\n" for d, v, _ in h.newest_first(known_only=True)),
        scores=lambda h, days: "".join(f"{d.isoformat()},0.0000\n" for d in days),
        cell=str,
    )


def csv_zip_6col(path: Path, habits, selected=None, today: dt.date | None = None, encoding: str = "utf-8") -> Path:
    """The Java core (HabitList.java @ 00660d3e, CheckmarkList.writeCSV @ 17469206).

    Before migration 23 the question was the habit's description, so it stands in that column.
    Every day from today back to the oldest entry is written, a day without one as 0 (UNCHECKED).
    How the top-level Checkmarks.csv shows a day before a habit's first entry is not known (§1.b):
    -1 here, and the reader does not look.
    """
    rows = [HEADER_6.split(",")] + [
        [f"{n:03d}", h.name, h.question, str(h.numerator), str(h.denominator), PALETTE[h.color]]
        for n, h in enumerate(habits, start=1)
    ]
    def checkmarks(habit: FixtureHabit, newest: dt.date) -> str:
        values = {d: v for d, v, _ in habit.entries}
        oldest = min(values, default=newest + dt.timedelta(days=1))
        return "".join(f"{d.isoformat()},{values.get(d, NO)}\n" for d in days_back(newest, oldest))

    return _write_zip(
        path, habits, selected, today, encoding, opencsv(rows), checkmarks=checkmarks,
        scores=lambda h, days: "".join(f"{d.isoformat()},0.0000\n" for d in days), cell=str,
    )


def csv_zip_1x(path: Path, habits, encoding: str = "utf-8") -> Path:
    """The first exporter (CSVExporter.java @ 0921f934): `<raw name>/scores.csv` and `checkmarks.csv`,
    no header, oldest first; a habit without rows gets empty files."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for habit in habits:
            oldest_first = habit.newest_first()[::-1]
            scores = "".join(f"{d.isoformat()},0.00\n" for d, _, _ in oldest_first)
            checkmarks = "".join(f"{d.isoformat()},{v}\n" for d, v, _ in oldest_first)
            archive.writestr(f"{habit.name}/scores.csv", scores.encode(encoding))
            archive.writestr(f"{habit.name}/checkmarks.csv", checkmarks.encode(encoding))
    return path


def _newest(habits) -> dt.date:
    return max((d for h in habits for d, _, _ in h.entries), default=dt.date(2015, 1, 25))


def _write_zip(path, habits, selected, today, encoding, habits_csv, checkmarks, scores, cell) -> Path:
    """Habits.csv, each selected habit's Scores.csv and Checkmarks.csv, then the top-level two (§1.0)."""
    chosen = list(habits if selected is None else selected)
    newest = today or _newest(chosen)
    known = [d for h in chosen for d, v, _ in h.entries]
    # getTimeframe(): from the oldest entry of the chosen habits; with none the day loop is empty.
    all_days = days_back(newest, min(known)) if known else []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Habits.csv", habits_csv.encode(encoding))
        for habit in chosen:
            folder = habit_folder(next(n for n, h in enumerate(habits, start=1) if h is habit), habit.name)
            own = [d for d, _, _ in habit.entries]
            own_days = days_back(newest, min(own)) if own else []
            archive.writestr(folder + "Scores.csv", scores(habit, own_days).encode(encoding))
            archive.writestr(folder + "Checkmarks.csv", checkmarks(habit, newest).encode(encoding))
        # Written by hand (§1.b): raw names, a trailing comma on every line, no quoting.
        header = "Date," + "".join(h.name + "," for h in chosen) + "\n"
        score_rows = "".join(d.isoformat() + "," + "0.0000," * len(chosen) + "\n" for d in all_days)
        archive.writestr("Scores.csv", (header + score_rows).encode(encoding))
        values = [{d: v for d, v, _ in h.entries} for h in chosen]
        check_rows = "".join(
            d.isoformat() + "," + "".join(cell(v.get(d, UNKNOWN)) + "," for v in values) + "\n" for d in all_days
        )
        archive.writestr("Checkmarks.csv", (header + check_rows).encode(encoding))
    return path


# --- The full backup .db (§4) -----------------------------------------------------------------

# The migrations 09 to 25 as the facts give them (§4.3, §4.4), run on an empty file as Loop's
# HabitsDatabaseOpener.onCreate does: user_version 8, then each step. 12 and 15 were not stored;
# 14 and 21 only remap colours, nothing on an empty table. The indexes 13 makes on Score,
# Checkmarks and Streak take the columns their names give, and 17's new Score is 09's with
# `score real`; 20 drops those tables, so none of this is left from schema 20 on.
MIGRATIONS = {
    9: [
        "create table Habits ( id integer primary key autoincrement, archived integer, color integer, "
        "description text, freq_den integer, freq_num integer, highlight integer, name text, position integer, "
        "reminder_hour integer, reminder_min integer )",
        "create table Checkmarks ( id integer primary key autoincrement, habit integer references habits(id), "
        "timestamp integer, value integer )",
        "create table Repetitions ( id integer primary key autoincrement, habit integer references habits(id), "
        "timestamp integer )",
        "create table Streak ( id integer primary key autoincrement, end integer, habit integer references habits(id), "
        "length integer, start integer )",
        "create table Score ( id integer primary key autoincrement, habit integer references habits(id), "
        "score integer, timestamp integer )",
    ],
    10: ["delete from Score", "delete from Streak", "delete from Checkmarks"],
    11: ["alter table Habits add column reminder_days integer not null default 127"],
    13: [
        "create index idx_score_habit_timestamp on Score(habit, timestamp)",
        "create index idx_checkmark_habit_timestamp on Checkmarks(habit, timestamp)",
        "create index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp)",
        "create index idx_streak_habit_end on Streak(habit, end)",
    ],
    16: [
        "alter table Habits add column type integer not null default 0",
        "alter table Repetitions add column value integer not null default 2",
    ],
    17: [
        "drop table Score",
        "create table Score ( id integer primary key autoincrement, habit integer references habits(id), "
        "score real, timestamp integer )",
        "create index idx_score_habit_timestamp on Score(habit, timestamp)",
        "delete from streak",
        "delete from checkmarks",
    ],
    18: [
        "alter table Habits add column target_type integer not null default 0",
        "alter table Habits add column target_value real not null default 0",
        'alter table Habits add column unit text not null default ""',
    ],
    19: [
        "create table Events (id integer primary key autoincrement, timestamp integer, message text, "
        "server_id integer)"
    ],
    20: ["drop table checkmarks", "drop table streak", "drop table score"],
    22: [
        "alter table Repetitions rename to RepetitionsBak",
        "create table Repetitions ( id integer primary key autoincrement, "
        "habit integer not null references habits(id), timestamp integer not null, value integer not null)",
        "drop index if exists idx_repetitions_habit_timestamp",
        "create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp)",
        "insert into Repetitions select * from RepetitionsBak",
        "drop table RepetitionsBak",
    ],
    23: [
        "alter table Habits add column question text",
        "update Habits set question = description",
        "update Habits set description = null",
    ],
    24: ["alter table habits add column uuid text", "update habits set uuid = lower(hex(randomblob(16) || id))"],
    25: ["alter table Repetitions add column notes text"],
}


def timestamp(when: dt.date) -> int:
    """Timestamp.unixTime: milliseconds since 1970 at 00:00 UTC of the day (§4.5)."""
    return (when - dt.date(1970, 1, 1)).days * 86_400_000


def _insert(db: sqlite3.Connection, table: str, record: dict, columns: set[str]) -> int:
    """Writes the fields of `record` the table has at this schema; the new row's id."""
    kept = {k: v for k, v in record.items() if k in columns}
    query = f"insert into {table} ({', '.join(kept)}) values ({', '.join('?' * len(kept))})"
    return db.execute(query, list(kept.values())).lastrowid


def loop_db(path: Path, habits, schema: int = 25) -> Path:
    """A full backup at `schema` (9 to 25), its habits saved as HabitRecord.copyFrom writes them."""
    assert 9 <= schema <= 25
    with sqlite3.connect(path) as db:
        for version in range(9, schema + 1):
            for statement in MIGRATIONS.get(version, []):
                db.execute(statement)
        habit_columns = {row[1] for row in db.execute("pragma table_info(Habits)")}
        repetition_columns = {row[1] for row in db.execute("pragma table_info(Repetitions)")}
        for position, habit in enumerate(habits):
            record = {
                "archived": int(habit.archived), "color": habit.color, "freq_den": habit.denominator,
                "freq_num": habit.numerator, "highlight": 0, "name": habit.name, "position": position,
                "reminder_hour": None, "reminder_min": None, "reminder_days": 0, "type": int(habit.numerical),
                "target_type": int(habit.at_most), "target_value": habit.target, "unit": habit.unit,
                "question": habit.question, "uuid": habit.uuid, "description": habit.description,
            }
            if "question" not in habit_columns:
                record["description"] = habit.question  # before migration 23 the question was the description
            habit_id = _insert(db, "Habits", record, habit_columns)
            for when, value, note in habit.entries:
                repetition = {"habit": habit_id, "timestamp": timestamp(when), "value": value, "notes": note}
                _insert(db, "Repetitions", repetition, repetition_columns)
        db.execute(f"pragma user_version = {schema}")
    db.close()
    return path
