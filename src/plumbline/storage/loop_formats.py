"""Reading every file Loop Habit Tracker (iSoron/uhabits) exports into neutral records.

Each rule here follows docs/loop-formats.md, which names the Loop source file and commit every fact
was read in; the section numbers (§) below point there. This module only reads: it never writes to
the file it is given, and it keeps Loop's raw values (YES_AUTO, SKIP, thousandths) for the importer
to give a meaning to.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sqlite3
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import BinaryIO, NamedTuple

from plumbline.errors import BadInput

ACCEPTED = "a plumbline JSON export, or Loop Habit Tracker's CSV export (.zip) or full backup (.db)"

# Limits: a file past them is refused before it is read whole.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # the zip members' sizes added up, as the zip declares them
MAX_CSV_ROWS = 1_000_000  # in any one CSV file
MAX_HABITS = 10_000

# Which Loop release wrote which version is not settled by the sources (§1.a "When the header changed").
CSV_CURRENT = "Loop CSV export (2.3.1 and later)"
CSV_7_COLUMNS = "Loop CSV export (older, 7 columns)"
CSV_6_COLUMNS = "Loop CSV export (6 columns)"
CSV_1X = "Loop CSV export (1.x, no Habits.csv)"

# The three headers of Habits.csv (§1.a, versions A, B and C).
HABITS_HEADERS = {
    ("Position", "Name", "Type", "Question", "Description", "FrequencyNumerator", "FrequencyDenominator",
     "Color", "Unit", "Target Type", "Target Value", "Archived?"): CSV_CURRENT,
    ("Position", "Name", "Question", "Description", "NumRepetitions", "Interval", "Color"): CSV_7_COLUMNS,
    ("Position", "Name", "Description", "NumRepetitions", "Interval", "Color"): CSV_6_COLUMNS,
}
CHECKMARKS_HEADER = ["Date", "Value", "Notes"]  # the newest per-habit Checkmarks.csv (§1.c)

# Entry values (§2). Loop's `formattedValue` prints these five as words, any other value as its integer.
SKIP = 3
WORDS = {"YES_MANUAL": 2, "YES_AUTO": 1, "NO": 0, "SKIP": SKIP, "UNKNOWN": -1}
OLD_SKIP = -3  # SKIP in one stored Entry.kt; read as SKIP

SQLITE_MAGIC = b"SQLite format 3\0"
ZIP_MAGIC = b"PK\x03\x04"  # a local file header: how every zip Loop writes begins
DAY_MS = 86_400_000
EPOCH = dt.date(1970, 1, 1)
OLDEST_SCHEMA = 8  # Loop refuses a .db below this (§4.1)
# What zipfile raises on a damaged or unusual zip (ValueError: a name not in UTF-8 though flagged so).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, zlib.error,
              NotImplementedError, RuntimeError)
# UnicodeDecodeError: SQLite's message about a damaged schema can quote bytes that are not UTF-8.
DB_ERRORS = (sqlite3.Error, UnicodeDecodeError)

# `NNN Name/Checkmarks.csv`: the 1-based position in Habits.csv, then the name with all but ASCII
# letters, digits, space, `.`, `_` and `-` deleted; just `NNN/` when nothing of the name is left (§1.c).
# The position alone matches a folder to its habit.
CHECKMARKS = "/Checkmarks.csv"
HABIT_FOLDER = re.compile(r"(\d{3,})(?: [^/]*)?/Checkmarks\.csv", re.ASCII)
OLD_CHECKMARKS = "/checkmarks.csv"  # 1.x: `<raw name>/checkmarks.csv` (§1.a, version D)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
INTEGER = re.compile(r"-?\d+", re.ASCII)
DECIMAL = re.compile(r"-?\d+(?:\.\d+)?(?:E-?\d+)?", re.ASCII)  # Kotlin's Double.toString and "%.1f"


class LoopEntry(NamedTuple):
    day: dt.date  # the UTC calendar date Loop wrote
    value: int  # 2 YES_MANUAL, 1 YES_AUTO, 0 NO, -1 UNKNOWN, 3 SKIP; numerical habits: value x 1000
    note: str


class LoopHabit(NamedTuple):
    position: int  # 1-based: the CSV's Position column, or the .db's order by position
    name: str
    question: str
    description: str
    numerator: int  # the frequency: 3/7 three times a week, 1/3 every 3 days, 2/30 twice a month
    denominator: int
    numerical: bool
    unit: str
    at_most: bool
    target: float  # raw, not scaled
    archived: bool
    uuid: str | None  # .db from schema 24 on
    entries: tuple[LoopEntry, ...]  # oldest first


class LoopExport(NamedTuple):
    format: str
    habits: tuple[LoopHabit, ...]


class _Refused(Exception):
    """Why a path is no Loop file, as the end of a sentence that begins with the path."""


def sniff(path: Path) -> str | None:
    """Which Loop file `path` is, by its content, never its name: "loop-zip", "loop-db" or None."""
    return _identify(Path(path))[0]


def read_loop(path: Path) -> LoopExport:
    """Every habit and entry in a Loop CSV export or full backup; BadInput names what is wrong."""
    path = Path(path)
    kind, reason = _identify(path)
    if kind == "loop-zip":
        return _read_zip(path)
    if kind == "loop-db":
        from plumbline.storage.loop_backup import read_db

        return read_db(path)
    raise BadInput(f"{path} {reason}: give {ACCEPTED}")


# --- Telling the formats apart ---------------------------------------------------------------


def _open_regular(path: Path) -> BinaryIO:
    # O_NONBLOCK: opening a FIFO would otherwise wait for a writer; only a regular file is read.
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _Refused(f"cannot be opened ({error.strerror})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise _Refused("is a folder" if stat.S_ISDIR(mode) else "is not a regular file")
    return os.fdopen(fd, "rb")


def _identify(path: Path) -> tuple[str | None, str]:
    try:
        file = _open_regular(path)
    except _Refused as refusal:
        return None, str(refusal)
    with file:
        head = file.read(len(SQLITE_MAGIC))
        if head.startswith(SQLITE_MAGIC):
            return _identify_db(path)
        if head.startswith(ZIP_MAGIC):
            return _identify_zip(file)
        return None, "is empty" if not head else "is neither a zip nor a SQLite database"


def _identify_zip(file: BinaryIO) -> tuple[str | None, str]:
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except ZIP_ERRORS as error:
        return None, f"is a damaged zip ({said(error)})"
    if "Habits.csv" in names or any(n.endswith(OLD_CHECKMARKS) for n in names):
        return "loop-zip", ""
    return None, "is a zip without Loop's Habits.csv or per-habit checkmarks.csv"


def _identify_db(path: Path) -> tuple[str | None, str]:
    from plumbline.storage.loop_backup import connect

    # Loop's own test (§4.2): both tables named exactly Habits and Repetitions.
    try:
        with closing(connect(path)) as db:
            (found,) = db.execute(
                "select count(*) from sqlite_master where name = 'Habits' or name = 'Repetitions'"
            ).fetchone()
    except DB_ERRORS as error:
        return None, f"is a damaged SQLite database ({said(error)})"
    if found != 2:
        return None, "is a SQLite database without Loop's Habits and Repetitions tables"
    return "loop-db", ""


# --- The CSV export zip (§1) ------------------------------------------------------------------


def _read_zip(path: Path) -> LoopExport:
    try:
        with _open_regular(path) as file, zipfile.ZipFile(file) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            # The declared sizes bound what is unpacked: zipfile stops each member at its file_size.
            unpacked = sum(m.file_size for m in members)
            if unpacked > MAX_UNPACKED_BYTES:
                raise BadInput(
                    f"{path} unpacks to {unpacked:,} bytes, more than the {MAX_UNPACKED_BYTES:,} plumbline "
                    "reads from a Loop export"
                )
            if any(m.filename == "Habits.csv" for m in members):
                return _read_csv_export(path, archive, members)
            return _read_1x_export(path, archive, members)
    except _Refused as refusal:
        raise BadInput(f"{path} {refusal}: give {ACCEPTED}") from None
    except ZIP_ERRORS as error:
        raise BadInput(f"{path} is a damaged zip ({said(error)}); export it from Loop again") from None


def _read_csv_export(path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> LoopExport:
    habits_csv = next(m for m in members if m.filename == "Habits.csv")
    where = f"{path}: Habits.csv"
    rows = _csv_rows(archive, habits_csv, where)
    header = next(rows, (0, []))[1]
    format_name = HABITS_HEADERS.get(tuple(header))
    if format_name is None:
        raise BadInput(f"{where}: header {','.join(header)!r} is none of the three Loop has written")
    found: dict[int, LoopHabit] = {}  # by position
    for line, row in rows:
        if len(found) == MAX_HABITS:
            raise BadInput(f"{where} lists more than the {MAX_HABITS:,} habits plumbline reads")
        if len(row) != len(header):
            raise BadInput(f"{where} line {line}: {len(row)} fields where the header has {len(header)}")
        habit = _csv_habit(dict(zip(header, row)), where, line)
        if habit.position in found:
            raise BadInput(f"{where} line {line}: position {habit.position} is there twice")
        found[habit.position] = habit
    folders = _habit_folders(path, members, set(found))
    habits = tuple(
        habit._replace(entries=_csv_entries(path, archive, folders[habit.position]))
        if habit.position in folders else habit
        for habit in found.values()
    )
    return LoopExport(format_name, habits)


def _habit_folders(path: Path, members: list[zipfile.ZipInfo], positions: set[int]) -> dict[int, zipfile.ZipInfo]:
    """Each `NNN Name/Checkmarks.csv` by its position; Scores.csv and the top-level files are computed."""
    folders: dict[int, zipfile.ZipInfo] = {}
    for member in members:
        match = HABIT_FOLDER.fullmatch(member.filename)
        if match is None:
            if member.filename.endswith(CHECKMARKS) and member.filename != CHECKMARKS[1:]:
                raise BadInput(f"{path}: {member.filename!r} is in no folder named as Loop names them, 'NNN Name/'")
            continue
        position = int(match[1])
        if position not in positions:
            raise BadInput(f"{path}: {member.filename!r} belongs to no row of Habits.csv (position {position})")
        if position in folders:
            raise BadInput(f"{path}: {member.filename!r} and {folders[position].filename!r} share position {position}")
        folders[position] = member
    return folders


def _csv_habit(cells: dict[str, str], where: str, line: int) -> LoopHabit:
    def number(column: str) -> int:
        text = cells[column]
        if not text.isascii() or not text.isdigit() or int(text) < 1:
            raise BadInput(f"{where} line {line}: {column} {text!r} is not a whole number from 1 up")
        return int(text)

    def choice(column: str, meanings: dict[str, bool]) -> bool:
        if cells[column] not in meanings:
            allowed = ", ".join(map(repr, meanings))
            raise BadInput(f"{where} line {line}: {column} {cells[column]!r} is not one of {allowed}")
        return meanings[cells[column]]

    if "Question" in cells:
        question, description = cells["Question"], cells["Description"]
    else:
        # Before Loop had a question (DB migration 23, §4.3) its description held the question;
        # migration 23 moves it there, and so does this.
        question, description = cells["Description"], ""
    target_text = cells.get("Target Value", "")
    if target_text and not DECIMAL.fullmatch(target_text):
        raise BadInput(f"{where} line {line}: Target Value {target_text!r} is not a number")
    newest = "Type" in cells
    return LoopHabit(
        position=number("Position"),
        name=cells["Name"],
        question=question,
        description=description,
        numerator=number("FrequencyNumerator" if newest else "NumRepetitions"),
        denominator=number("FrequencyDenominator" if newest else "Interval"),
        numerical=newest and choice("Type", {"YES_NO": False, "NUMERICAL": True}),
        unit=cells.get("Unit", ""),
        # Loop leaves Target Type, Unit and Target Value empty for a yes/no habit.
        at_most=newest and choice("Target Type", {"": False, "AT_LEAST": False, "AT_MOST": True}),
        target=float(target_text or 0),
        archived=newest and choice("Archived?", {"true": True, "false": False}),
        uuid=None,
        entries=(),
    )


def _read_1x_export(path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> LoopExport:
    """Version D (§1.a): a folder per raw habit name, nothing else known of the habit.

    The names, in the order Loop wrote them, are all there is: the frequency reads as 1/1 (daily),
    and the importer can tell this format by its name.
    """
    files = [m for m in members if m.filename.endswith(OLD_CHECKMARKS)]
    if len(files) > MAX_HABITS:
        raise BadInput(f"{path} holds more than the {MAX_HABITS:,} habits plumbline reads")
    habits = tuple(
        LoopHabit(position, member.filename.removesuffix(OLD_CHECKMARKS), "", "", 1, 1, False, "", False, 0.0,
                  False, None, _csv_entries(path, archive, member))
        for position, member in enumerate(files, start=1)
    )
    return LoopExport(CSV_1X, habits)


def _csv_entries(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[LoopEntry, ...]:
    """A habit's Checkmarks.csv: `Date,Value,Notes` with word values, or `date,int` without a header."""
    where = f"{path}: {member.filename}"
    entries = []
    columns = 0
    for line, row in _csv_rows(archive, member, where):
        if not columns:
            columns = 3 if row == CHECKMARKS_HEADER else 2
            if columns == 3:
                continue
        if len(row) != columns:
            raise BadInput(f"{where} line {line}: {len(row)} fields where Loop writes {columns}")
        if not DATE.fullmatch(row[0]):
            raise BadInput(f"{where} line {line}: date {row[0]!r} is not yyyy-MM-dd")
        try:
            day = dt.date.fromisoformat(row[0])
        except ValueError:
            raise BadInput(f"{where} line {line}: date {row[0]!r} is no day of the calendar") from None
        # Only the newest exporter, the one with a header, writes values as words.
        value = WORDS.get(row[1]) if columns == 3 else None
        if value is None:
            if not INTEGER.fullmatch(row[1]):
                kinds = "YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN or " if columns == 3 else ""
                raise BadInput(f"{where} line {line}: value {row[1]!r} is not {kinds}a whole number")
            value = normal_value(int(row[1]))
        entries.append(LoopEntry(day, value, row[2] if columns == 3 else ""))
    # Loop writes these newest first, except 1.x (oldest first); sorted keeps a day's rows in file order.
    return tuple(sorted(entries, key=lambda e: e.day))


def _csv_rows(archive: zipfile.ZipFile, member: zipfile.ZipInfo, where: str) -> Iterator[tuple[int, list[str]]]:
    """(line, fields) of each non-blank row; refuses the file at its MAX_CSV_ROWS + 1st row."""
    data = archive.read(member)  # bounded: the members' sizes were added up first
    reader = csv.reader(io.StringIO(decode_text(data), newline=""), strict=True)
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise BadInput(f"{where} line {reader.line_num}: {said(error)}") from None
        rows += 1
        if rows > MAX_CSV_ROWS:
            raise BadInput(f"{where} has more than the {MAX_CSV_ROWS:,} rows plumbline reads from one file")
        if row:
            yield reader.line_num, row


def decode_text(data: bytes) -> str:
    """UTF-8, else latin-1.

    Loop writes its CSV files with java.io.FileWriter, in the phone's default charset (§1.0), which
    it never names: Android's is UTF-8. Text that is not UTF-8 is read as latin-1, which takes any
    byte, so a name or note comes through rather than stopping the import. A .db's text is read the
    same way: SQLite keeps it in UTF-8, and a byte that is not would otherwise stop the read.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def said(error: Exception) -> str:
    """An error's own words on one line: they can quote a name that holds a line break."""
    return " ".join(str(error).split())


def normal_value(value: int) -> int:
    return SKIP if value == OLD_SKIP else value
