"""Export and import: everything a user has, as JSON that round-trips exactly, or as CSV rows.

Export, import into an empty data dir, export again: the two JSON files are identical.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from plumbline.app.csv_export import CSV_HEADER, export_csv  # noqa: F401 - the export commands' one place
from plumbline.app.tracker import Tracker
from plumbline.domain.days import FIRST_DAY, LAST_DAY, clock_time
from plumbline.domain.entries import MAX_COUNT, Entry, checked_count
from plumbline.domain.pain import PainEntry, PainReading, valid_level, with_reading
from plumbline.errors import BadInput, HabitFileError
from plumbline.storage import state_keys
from plumbline.storage.atomic import atomic_write
from plumbline.storage.habit_files import habit_data, parse_habit

FORMAT = "plumbline-export"
VERSION = 1
# State that belongs to the data, not to this machine's copy of it.
STATE_KEYS = (state_keys.CREATED, state_keys.ARCHIVED, state_keys.ARCHIVED_ON, state_keys.REMINDER_SETTINGS,
              state_keys.HABIT_STARTS, state_keys.ROUTINE_STOPS)


def export_json(tracker: Tracker) -> str:
    meta = tracker.store.meta()
    history, pain_log = tracker.store.history_and_pain()
    custom = [h for h in tracker.habits(include_archived=True) if h.custom]
    document = {
        "format": FORMAT,
        "version": VERSION,
        "state": {key: meta[key] for key in STATE_KEYS if key in meta},
        "custom_habits": [habit_data(h) for h in sorted(custom, key=lambda h: h.id)],
        "entries": [
            {"habit": habit_id, "date": day.isoformat(), "count": e.count, "skipped": e.skipped, "note": e.note}
            for habit_id in sorted(history)
            for day, e in sorted(history[habit_id].items())
        ],
        "pain": [
            {"date": day.isoformat(), "time": f"{r.time:%H:%M}" if r.time else None, "level": r.level, "note": r.note,
             "triggers": list(r.triggers)}
            for day, p in sorted(pain_log.items())
            for r in p.readings
        ],
    }
    return json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def write_export(output: Path, text: str) -> None:
    """An export written where the user asked, whole or not at all."""
    if output.is_dir():
        raise BadInput(f"--output {output} is a folder: give the name of a file to write")
    if not output.parent.is_dir():  # a typo in the folder must not make a new folder silently
        raise BadInput(f"cannot export to {output}: the folder {output.parent} does not exist; create it first")
    atomic_write(output, text.encode("utf-8"))




def import_json(tracker: Tracker, path: Path, text: str, now: dt.datetime) -> tuple[int, int]:
    """Merge an export into the data dir, all or nothing; returns (check-ins, pain entries) imported."""
    from plumbline.app.importing import apply_import, check_records
    from plumbline.storage.loop_formats import ACCEPTED

    try:
        document = json.loads(text)
    except ValueError as error:
        raise BadInput(f"import file {path} is neither a plumbline export nor a Loop file (not valid JSON: {error}); "
                       f"give {ACCEPTED}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadInput(f"import file {path} is not a plumbline export: give {ACCEPTED}")
    if document.get("version") != VERSION:
        raise BadInput(f"import file {path} has export version {document.get('version')!r}; "
                       f"this plumbline reads version {VERSION}")
    try:
        habits = [parse_habit(data, f"{path}: custom habit {data.get('id')!r}") for data in document["custom_habits"]]
        entries = [(row["habit"], Entry(dt.date.fromisoformat(row["date"]), _count(row["count"]),
                                        bool(row["skipped"]), str(row["note"]))) for row in document["entries"]]
        pains = _pain_days(document["pain"])
        state = dict(document["state"])
    except HabitFileError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise BadInput(f"import file {path} is damaged ({type(error).__name__}: {error}); nothing was imported") from None
    _check_state(path, state)
    bad_count = next(((h, e) for h, e in entries if e.count < 0), None)
    if bad_count is not None:
        raise BadInput(f"import file {path}: '{bad_count[0]}' on {bad_count[1].day} has a negative count; nothing was imported")
    bad_level = next((p for p in pains if not all(valid_level(r.level) for r in p.readings)), None)
    if bad_level is not None:
        raise BadInput(f"import file {path}: pain level {bad_level.level} on {bad_level.day} is outside 0..10; "
                       "nothing was imported")
    check_records(path, entries, pains, tracker.today(now))
    apply_import(tracker, now, habits, lambda meta: _merge_state(meta, state), entries, pains)
    return len(entries), sum(len(p.readings) for p in pains)


def _pain_days(rows: list[dict[str, Any]]) -> list[PainEntry]:
    """Each day's readings, from one row per reading (an export before times has none)."""
    days: dict[dt.date, PainEntry] = {}
    for row in rows:
        day, time = dt.date.fromisoformat(row["date"]), row.get("time")
        reading = PainReading(clock_time(time) if time else None, int(row["level"]), str(row["note"]),
                              tuple(str(t) for t in row.get("triggers", [])))
        days[day] = with_reading(days.get(day), day, reading)
    return list(days.values())


def _count(value: Any) -> float:
    count = checked_count(value)
    if count is None:
        raise ValueError(f"count {value!r} is not a number from 0 to {MAX_COUNT}")
    return count


def _check_state(path: Path, state: dict[str, Any]) -> None:
    """State from a file is checked like anything typed: a bad value would break every command."""
    from plumbline.domain.reminder_settings import SettingsError, parse_settings

    try:
        if state_keys.CREATED in state and not FIRST_DAY <= dt.date.fromisoformat(state[state_keys.CREATED]) <= LAST_DAY:
            raise ValueError(f"the first day {state['created']} is outside {FIRST_DAY}..{LAST_DAY}")
        archived = state.get(state_keys.ARCHIVED, [])
        if not isinstance(archived, list) or not all(isinstance(a, str) for a in archived):
            raise ValueError("archived must be a list of habit ids")
        if state_keys.REMINDER_SETTINGS in state:
            parse_settings(state[state_keys.REMINDER_SETTINGS])
        for key in (state_keys.HABIT_STARTS, state_keys.ARCHIVED_ON):
            for day in dict(state.get(key, {})).values():
                dt.date.fromisoformat(day)
        for stop in list(state.get(state_keys.ROUTINE_STOPS, [])):
            dt.date.fromisoformat(stop["day"]), clock_time(stop["time"]), str(stop["routine"])
    except (TypeError, ValueError, SettingsError) as error:
        raise BadInput(f"import file {path}: its state is damaged ({error}); nothing was imported") from None


def _merge_state(meta: dict[str, Any], state: dict[str, Any]) -> None:
    """The file's state wins, except that tracking started at the earlier of the two dates and
    a habit archived on either side stays archived."""
    merged = dict(state)
    if meta.get(state_keys.CREATED) and state.get(state_keys.CREATED):
        merged[state_keys.CREATED] = min(meta[state_keys.CREATED], state[state_keys.CREATED])
    if state_keys.ARCHIVED in meta or state_keys.ARCHIVED in state:
        merged[state_keys.ARCHIVED] = sorted(set(meta.get(state_keys.ARCHIVED, [])) | set(state.get(state_keys.ARCHIVED, [])))
    if state_keys.ARCHIVED_ON in meta or state_keys.ARCHIVED_ON in state:
        merged[state_keys.ARCHIVED_ON] = dict(sorted({**meta.get(state_keys.ARCHIVED_ON, {}),
                                                      **state.get(state_keys.ARCHIVED_ON, {})}.items()))
    if state_keys.ROUTINE_STOPS in meta or state_keys.ROUTINE_STOPS in state:
        known = list(meta.get(state_keys.ROUTINE_STOPS, []))
        merged[state_keys.ROUTINE_STOPS] = known + [s for s in state.get(state_keys.ROUTINE_STOPS, []) if s not in known]
    if state_keys.HABIT_STARTS in meta or state_keys.HABIT_STARTS in state:
        starts = dict(meta.get(state_keys.HABIT_STARTS, {}))
        for habit_id, day in state.get(state_keys.HABIT_STARTS, {}).items():
            starts[habit_id] = min(day, starts.get(habit_id, day))
        merged[state_keys.HABIT_STARTS] = dict(sorted(starts.items()))
    meta.update(merged)
