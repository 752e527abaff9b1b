"""Bringing a history over from Loop Habit Tracker's CSV export.

Loop writes a zip holding `Habits.csv` (one row per habit, with its frequency as a numerator over
a denominator in days) and, per habit, a folder `NNN Name/` whose `Checkmarks.csv` lists each day
with a value: YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN, or in older versions 2, 1, 0, 3, -1.
Only what the user did is imported: YES_AUTO is Loop filling in days a non-daily habit did not
need, so it is no record here; SKIP becomes a rest day.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit, Kind, Schedule
from plumbline.storage.errors import BadInput
from plumbline.storage.tracker import Tracker

DONE_VALUES = {"YES_MANUAL", "2"}
SKIP_VALUES = {"SKIP", "3"}
IGNORED_VALUES = {"YES_AUTO", "1", "NO", "0", "UNKNOWN", "-1", ""}


@dataclass
class LoopImport:
    habits: list[Habit]
    entries: list[tuple[str, Entry]]
    earliest: dt.date | None  # the first day Loop knew anything of, "no" days included


def is_loop_export(path: Path) -> bool:
    if path.is_dir():
        return (path / "Habits.csv").is_file()
    return zipfile.is_zipfile(path) and "Habits.csv" in zipfile.ZipFile(path).namelist()


def read_loop_export(path: Path, taken_ids: set[str]) -> LoopImport:
    files = _files(path)
    rows = list(csv.DictReader(io.StringIO(files["Habits.csv"])))
    habits: list[Habit] = []
    entries: list[tuple[str, Entry]] = []
    earliest: dt.date | None = None
    for index, row in enumerate(rows, start=1):
        name = (row.get("Name") or "").strip()
        if not name:
            continue
        habit = _habit(row, name, taken_ids)
        taken_ids.add(habit.id)
        habits.append(habit)
        position = int(row.get("Position") or index)
        folder = next((f for f in files if re.match(rf"^0*{position} .*/Checkmarks\.csv$", f)), None)
        if folder is not None:
            found, first = _checkmarks(files[folder], habit, path)
            entries.extend((habit.id, e) for e in found)
            earliest = min(filter(None, (earliest, first)), default=None)
    return LoopImport(habits, entries, earliest)


def import_loop(tracker: Tracker, path: Path, now: dt.datetime) -> tuple[int, int]:
    from plumbline.storage.importing import apply_import, check_records

    taken = {h.id for h in tracker.habits(include_archived=True)}
    try:
        loaded = read_loop_export(path, taken)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise BadInput(f"cannot read Loop export {path} ({error}); check the file, nothing was imported") from None
    except (ValueError, KeyError, TypeError, OverflowError) as error:
        raise BadInput(f"Loop export {path} is not as Loop writes it ({error}); nothing was imported") from None
    check_records(path, loaded.entries, [], tracker.today(now))

    def start_earlier(meta: dict) -> None:
        # Tracking began when Loop's history did: its "no" days count as missed, not as untracked.
        known = meta.get("created")
        if loaded.earliest is not None and (not known or loaded.earliest.isoformat() < known):
            meta["created"] = loaded.earliest.isoformat()

    apply_import(tracker, now, loaded.habits, start_earlier, loaded.entries, [])
    return len(loaded.habits), len(loaded.entries)


def _files(path: Path) -> dict[str, str]:
    if path.is_dir():
        return {str(p.relative_to(path)): p.read_text(encoding="utf-8") for p in path.rglob("*.csv")}
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".csv")}


def _habit(row: dict[str, str], name: str, taken: set[str]) -> Habit:
    numerator = int(row.get("Frequency Numerator") or row.get("NumRepetitions") or 1)
    denominator = int(row.get("Frequency Denominator") or row.get("Interval") or 1)
    if numerator >= denominator:
        schedule = Schedule.daily()
    else:
        # Loop's "x times in y days" becomes the nearest "N times a week".
        schedule = Schedule(per_week=max(1, min(7, round(numerator * 7 / denominator))))
    numerical = (row.get("Type") or "0").strip() == "1"
    target = max(1, round(float(row.get("Target Value") or 1))) if numerical else 1
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "loop-habit"
    habit_id, n = base, 2
    while habit_id in taken:
        habit_id, n = f"{base}-{n}", n + 1
    return Habit(
        id=habit_id, name=name[:40], category="other", kind=Kind.COUNT if numerical else Kind.DO,
        schedule=schedule, target=target, unit=(row.get("Unit") or "")[:20] if numerical else "",
        why=(row.get("Description") or row.get("Question") or "").strip(), custom=True,
    )


def _checkmarks(text: str, habit: Habit, source: Path) -> tuple[list[Entry], dt.date | None]:
    entries = []
    earliest: dt.date | None = None
    for line_no, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not cells or cells[0] == "Date":
            continue
        try:
            day = dt.date.fromisoformat(cells[0].strip())
        except ValueError:
            raise BadInput(f"{source}: '{habit.name}' line {line_no}: bad date '{cells[0]}'; nothing was imported") from None
        value = cells[1].strip() if len(cells) > 1 else ""
        if value not in ("UNKNOWN", "-1", ""):
            earliest = min(day, earliest or day)
        note = cells[2].strip() if len(cells) > 2 else ""
        if value in DONE_VALUES:
            entries.append(Entry(day, count=habit.target, note=note))
        elif value in SKIP_VALUES:
            entries.append(Entry(day, skipped=True, note=note))
        elif value not in IGNORED_VALUES and habit.kind is Kind.COUNT:
            try:
                amount = round(float(value))
            except ValueError:
                raise BadInput(f"{source}: '{habit.name}' line {line_no}: unknown value '{value}'") from None
            if amount > 0:
                entries.append(Entry(day, count=amount, note=note))
        elif value not in IGNORED_VALUES:
            raise BadInput(f"{source}: '{habit.name}' line {line_no}: unknown value '{value}'; nothing was imported")
    return entries, earliest
