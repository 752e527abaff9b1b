"""The state half of the store: settings, archived habits, habit edits and "this hurts" stops.

Each device keeps its state as records in its own `plumbline.<device>.json` (state_merge.py
says how they merge); `plumbline.json` from before devices is read as the oldest records. Readers
get one document, the one `plumbline.json` held, merged over every device; a change to it is
recorded as this device's records of the paths it changed. Store (store.py) gives this class the
files, the lock and the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plumbline.storage import data_files, state_keys
from plumbline.storage.checks import SCHEMA_VERSION, record_of
from plumbline.storage.locations import Locations
from plumbline.storage.month_records import Stamp
from plumbline.storage.stamps import Clock
from plumbline.storage.state_checks import check_state_file, state_of
from plumbline.storage.state_merge import FlatState, flatten, join_state, unflatten, values
from plumbline.storage.tinydb_storage import AtomicJSONStorage

if TYPE_CHECKING:  # loaded where a routine stop is read or written: `today` never is
    from plumbline.domain.routine_stops import RoutineStop

Check = Callable[[Path, dict[str, Any]], None]


class StateStore:
    locations: Locations
    device: str
    clock: Clock
    files: data_files.Reader
    _state_kept: tuple[Stamp | None, FlatState] | None
    _meta_kept: tuple[FlatState, dict[str, Any]] | None

    # What Store provides: the data dir's files, whether a stamp has settled, and locked writes.
    def listing(self) -> data_files.Listing:
        raise NotImplementedError

    def settled(self, stamp: Stamp | None) -> bool:
        raise NotImplementedError

    def _writing(self, path: Path, check: Check) -> AbstractContextManager[dict[str, Any]]:
        raise NotImplementedError

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def meta(self) -> dict[str, Any]:
        """The state document, merged over every device; empty for a data dir nothing was written to.

        The same document while no state file changes: a command reads it several times, and
        callers only read it (update_meta changes a document of its own)."""
        state = self._state()
        if self._meta_kept is not None and self._meta_kept[0] is state:
            return self._meta_kept[1]
        document = unflatten(values(state))
        if document:
            document[state_keys.SCHEMA] = SCHEMA_VERSION
        self._meta_kept = (state, document)
        return document

    def _state(self) -> FlatState:
        states = self.listing().states
        stamp = data_files.combined_stamp(states)
        if self._state_kept is not None and stamp is not None and self._state_kept[0] == stamp:
            return self._state_kept[1]
        joined: FlatState = {}
        for found in states:
            data = self.files.read(found, check_state_file)
            if data is not None:
                state = state_of(found.path, data)
                joined = join_state(joined, state) if joined else state  # most data dirs have one file
        self._state_kept = (stamp, joined) if stamp is not None and self.settled(stamp) else None
        return joined

    def raw_meta(self) -> dict[str, Any]:
        """The state document from before devices (plumbline.json) as stored, for migrations."""
        data = AtomicJSONStorage(self.locations.legacy_database).read() or {}
        return dict(data.get("meta", {}).get("1", {}))

    def started(self, today: dt.date) -> dt.date:
        """The day tracking began: earlier days are not counted as missed."""
        created = self.meta().get(state_keys.CREATED)
        with record_of(self.locations.database):
            return dt.date.fromisoformat(created) if created else today

    def archived(self) -> set[str]:
        return set(self.meta().get(state_keys.ARCHIVED, []))

    def habit_state(self) -> tuple[set[str], dict[str, dt.date]]:
        """The archived habits, and the first day of each habit added after the data dir began
        (see `first_day`): one read of the state for what every list of habits needs."""
        meta = self.meta()
        with record_of(self.locations.database):
            starts = {str(habit_id): dt.date.fromisoformat(day)
                      for habit_id, day in meta.get(state_keys.HABIT_STARTS, {}).items()}
        return set(meta.get(state_keys.ARCHIVED, [])), starts

    def archived_days(self) -> dict[str, dt.date]:
        """The day each archived habit was archived, where it was recorded."""
        meta = self.meta()
        with record_of(self.locations.database):
            return {str(k): dt.date.fromisoformat(v) for k, v in meta.get(state_keys.ARCHIVED_ON, {}).items()
                    if k in meta.get(state_keys.ARCHIVED, [])}

    def ensure_created(self, today: dt.date) -> None:
        """Record the first day of use, once."""
        if not self.meta().get(state_keys.CREATED):
            self.update_meta(lambda meta: meta.setdefault(state_keys.CREATED, today.isoformat()))

    def update_meta(self, change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
        """Apply `change` to the merged state document, and record what it changed as this device's."""
        with self._writing(self.locations.database, check_state_file) as own:
            self._state_kept = None
            state = self._state()
            before = values(state)
            document = unflatten(before)
            document[state_keys.SCHEMA] = SCHEMA_VERSION
            change(document)
            after = flatten(document)
            changed = {path: after.get(path) for path in before.keys() | after.keys()
                       if after.get(path) != before.get(path)}
            if changed:
                stamp = self.clock.next(s for s, _ in state.values())
                records = own.setdefault("state", {}).setdefault("1", {})
                records.update({path: [stamp, value] for path, value in sorted(changed.items())})
                own["_meta"] = {"1": {"schema": SCHEMA_VERSION, "device": self.device}}
                self._write(self.locations.database, own)
        return document

    def set_habit_starts(self, starts: dict[str, dt.date], replace: bool = False) -> None:
        """Note when habits began: a habit that has a start keeps it, unless `replace`."""
        def change(meta: dict[str, Any]) -> None:
            known = meta.setdefault(state_keys.HABIT_STARTS, {})
            for habit_id, day in starts.items():
                if replace or habit_id not in known:
                    known[habit_id] = day.isoformat()

        self.update_meta(change)

    def set_archived(self, habit_id: str, archived: bool, day: dt.date | None = None) -> None:
        """`day`: when it was archived, kept for the report's "what changed" (older data has none)."""
        def change(meta: dict[str, Any]) -> None:
            ids = set(meta.get(state_keys.ARCHIVED, []))
            meta[state_keys.ARCHIVED] = sorted(ids | {habit_id} if archived else ids - {habit_id})
            days = meta.setdefault(state_keys.ARCHIVED_ON, {})
            days.pop(habit_id, None)
            if archived and day is not None:
                days[habit_id] = day.isoformat()

        self.update_meta(change)

    def routine_stops(self) -> list[RoutineStop]:
        """Every "this hurts" stop, oldest first."""
        from plumbline.storage.device_writes import stop_from

        meta = self.meta()
        with record_of(self.locations.database):
            return sorted(stop_from(s) for s in meta.get(state_keys.ROUTINE_STOPS, []))

    def add_routine_stop(self, stop: RoutineStop) -> None:
        from plumbline.storage.device_writes import routine_stop_record

        record = routine_stop_record(stop)
        self.update_meta(lambda meta: meta.__setitem__(
            state_keys.ROUTINE_STOPS, [*meta.get(state_keys.ROUTINE_STOPS, []), record]))
