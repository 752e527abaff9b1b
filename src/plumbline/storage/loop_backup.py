"""Loop Habit Tracker's full backup: its SQLite database (docs/loop-formats.md §4).

Read-only and immutable: SQLite takes no lock and writes no journal beside the file. The CSV
export and the neutral records the importer reads are in loop_formats.py.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from plumbline.errors import BadInput
from plumbline.storage.loop_formats import (
    DAY_MS,
    DB_ERRORS,
    EPOCH,
    MAX_CSV_ROWS,
    MAX_HABITS,
    OLDEST_SCHEMA,
    LoopEntry,
    LoopExport,
    LoopHabit,
    decode_text,
    normal_value,
    said,
)

MAX_REPETITIONS = MAX_CSV_ROWS  # a .db's Repetitions rows: the same bound as a CSV's rows


def connect(path: Path) -> sqlite3.Connection:
    # Read-only, and immutable: SQLite takes no lock and writes no journal beside the file.
    db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    db.text_factory = decode_text
    return db


def read_db(path: Path) -> LoopExport:
    try:
        with closing(connect(path)) as db:
            return _read_db_tables(path, db)
    except DB_ERRORS as error:
        raise BadInput(f"{path} is a damaged SQLite database ({said(error)}); make a new backup in Loop") from None


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1].lower() for row in db.execute(f"pragma table_info({table})")}


def _read_db_tables(path: Path, db: sqlite3.Connection) -> LoopExport:
    (schema,) = db.execute("pragma user_version").fetchone()
    if schema < OLDEST_SCHEMA:
        raise BadInput(f"{path} is a Loop backup of schema {schema}; Loop itself reads none older than {OLDEST_SCHEMA}")
    habit_columns, repetition_columns = _columns(db, "Habits"), _columns(db, "Repetitions")
    needed = {"id", "name", "description", "freq_num", "freq_den", "position", "archived"}
    missing = sorted(needed - habit_columns) + sorted({"habit", "timestamp"} - repetition_columns)
    if missing:
        raise BadInput(f"{path} lacks the column(s) {', '.join(missing)} every Loop backup has")
    for table, limit in (("Habits", MAX_HABITS), ("Repetitions", MAX_REPETITIONS)):
        (count,) = db.execute(f"select count(*) from {table}").fetchone()
        if count > limit:
            raise BadInput(f"{path} has {count:,} rows in {table}, more than the {limit:,} plumbline reads")
    # Columns by the migration that added them (§4.3); one that is not there reads as that
    # migration's default: type 0, target_type 0, target_value 0, unit "" (16, 18), value 2 (16).
    optional = [c for c in ("type", "target_type", "target_value", "unit", "question", "uuid") if c in habit_columns]
    wanted = sorted(needed) + optional
    query = f"select {', '.join(wanted)} from Habits order by position, id"
    habits = [dict(zip(wanted, row)) for row in db.execute(query)]
    value = "value" if "value" in repetition_columns else "2"
    notes = "notes" if "notes" in repetition_columns else "null"
    # As migration 22 leaves them: no row without a habit or a timestamp, the first of a (habit, timestamp).
    repetitions = db.execute(
        f"select habit, timestamp, {value}, {notes} from Repetitions where rowid in (select min(rowid) "
        "from Repetitions where habit is not null and timestamp is not null group by habit, timestamp) "
        "order by habit, timestamp"
    )
    by_habit: dict[int, list[tuple]] = {}
    for row in repetitions:
        by_habit.setdefault(row[0], []).append(row[1:])
    return LoopExport(
        f"Loop full backup (.db, schema {schema})",
        tuple(_db_habit(path, position, row, by_habit.get(row["id"], []))
              for position, row in enumerate(habits, start=1)),
    )


def _db_habit(path: Path, position: int, row: dict, repetitions: list[tuple]) -> LoopHabit:
    name = _text(row["name"])
    where = f"{path}: habit {name!r}"

    def code(column: str, allowed: tuple[int, ...]) -> int:
        found = row.get(column) or 0  # NULL reads as the column's default, 0
        if found not in allowed:
            raise BadInput(f"{where}: {column} {found!r} is not one of {allowed}")
        return found

    numerator, denominator = row["freq_num"], row["freq_den"]
    if not all(isinstance(n, int) and n >= 1 for n in (numerator, denominator)):
        raise BadInput(f"{where}: frequency {numerator!r}/{denominator!r} is not two whole numbers from 1 up")
    target = row.get("target_value") or 0.0
    if not isinstance(target, (int, float)):
        raise BadInput(f"{where}: target_value {target!r} is not a number")
    if "question" in row:
        question, description = _text(row["question"]), _text(row["description"])
    else:
        question, description = _text(row["description"]), ""  # what migration 23 does (§4.3)
    return LoopHabit(
        position=position,
        name=name,
        question=question,
        description=description,
        numerator=numerator,
        denominator=denominator,
        numerical=code("type", (0, 1)) == 1,
        unit=_text(row.get("unit")),
        at_most=code("target_type", (0, 1)) == 1,
        target=float(target),
        archived=bool(row["archived"]),
        uuid=row.get("uuid"),
        entries=tuple(_db_entry(where, *repetition) for repetition in repetitions),
    )


def _db_entry(where: str, timestamp: object, value: object, notes: object) -> LoopEntry:
    # Milliseconds since 1970 at 00:00 UTC; Loop floors any other time to its day (§4.5).
    if not isinstance(timestamp, int) or not 0 <= timestamp // DAY_MS <= (dt.date.max - EPOCH).days:
        raise BadInput(f"{where}: timestamp {timestamp!r} is not milliseconds since 1970 as Loop stores them")
    if not isinstance(value, int):
        raise BadInput(f"{where}: value {value!r} on timestamp {timestamp} is not a whole number")
    return LoopEntry(EPOCH + dt.timedelta(days=timestamp // DAY_MS), normal_value(value), _text(notes))


def _text(value: object) -> str:
    """A text column; NULL (migration 23 leaves description NULL) reads as empty."""
    return "" if value is None else str(value)
