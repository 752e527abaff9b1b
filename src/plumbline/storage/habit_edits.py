"""Habits added or edited in the app, kept as records in the state, over the habit files.

Two devices editing habits must never conflict, so the app's edits are not files: each field of
an edited habit is a path of the state (state_merge.py), and the latest change of each field
wins. A habit is its file's fields (a built-in one, or one the user dropped into `habits/`) with
the recorded fields over them; a habit added in the app has only records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from plumbline.domain.habit import Habit
from plumbline.errors import HabitFileError
from plumbline.storage import state_keys
from plumbline.storage.habit_files import Library, habit_data, parse_habit
from plumbline.storage.store import Store


def with_edits(library: Library, edits: dict[str, dict[str, Any]], source: object) -> Library:
    """The library with each edited habit's recorded fields over its file's. An edit that does not
    make a habit (a field another version of plumbline wrote, say) is reported, never fatal."""
    if not edits:
        return library
    by_id = library.by_id()
    habits = dict(by_id)
    errors = list(library.errors)
    for habit_id, fields in sorted(edits.items()):
        base = habit_data(by_id[habit_id]) if habit_id in by_id else {}
        data = {name: value for name, value in {**base, **fields, "id": habit_id}.items() if value != ""}
        try:
            habits[habit_id] = parse_habit(data, f"{source}: habit {habit_id!r}", custom=True)
        except HabitFileError as error:
            errors.append(error)
    return Library(list(habits.values()), errors)


def changed_fields(before: Habit | None, after: Habit) -> dict[str, Any]:
    """The fields to record for saving `after`: all of a new habit's, else only those that differ,
    so that another device's change to a different field is not overwritten."""
    new = habit_data(after)
    if before is None:
        return new
    old = habit_data(before)
    changed = {name: value for name, value in new.items() if old.get(name) != value}
    # A field cleared: "", which hides the file's value (a removed path would bring it back).
    changed.update({name: "" for name in old.keys() - new.keys()})
    return changed


def record_habit(store: Store, before: Habit | None, habit: Habit, today: dt.date | None) -> None:
    """Record `habit` as this device's: its changed fields (all of a new one's). A new habit in a
    data dir already in use begins `today`, so the days before it are not missed."""
    fields = changed_fields(before, habit)

    def change(meta: dict[str, Any]) -> None:
        meta.setdefault(state_keys.HABIT_EDITS, {}).setdefault(habit.id, {}).update(fields)
        if before is None and today is not None and meta.get(state_keys.CREATED):
            meta.setdefault(state_keys.HABIT_STARTS, {}).setdefault(habit.id, today.isoformat())

    if fields:
        store.update_meta(change)
