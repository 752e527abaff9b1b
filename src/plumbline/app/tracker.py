"""The habits of one user: the library merged with their state, and the changes they make.

The CLI, the app and the reminder service all go through here, so a check means the same thing
everywhere; every change is told to the listeners in `changes`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plumbline.app import changes as changed
from plumbline.app.settings import Settings
from plumbline.domain import entries as rules
from plumbline.domain.checklist import ChecklistRow, active_in_order, habit_row, needs_earlier_history, with_earlier_history
from plumbline.domain.days import habit_day
from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit
from plumbline.domain.pain import PainEntry, PainReading, valid_level
from plumbline.domain.streaks import RecentEntries, Streaks
from plumbline.errors import BadInput, DamagedDatabase, HabitFileError
from plumbline.storage import state_keys
from plumbline.storage.atomic import atomic_write
from plumbline.storage.habit_edits import record_habit, with_edits
from plumbline.storage.habit_files import Library, load_library
from plumbline.storage.locations import Locations, builtin_habits_dir, month_of, resolve_data_dir
from plumbline.storage.store import Signature, Store
from plumbline.storage.toml_cache import TomlCache

# The data folders' times and the habit files' names, times and sizes.
OutsideSignature = tuple[Signature, tuple[tuple[str, int, int], ...]]

if TYPE_CHECKING:  # loaded only where used: `today` and `check` import none of them
    from plumbline.app.reminders import Reminders
    from plumbline.app.standings import Standings
    from plumbline.domain.report import ReportSource
    from plumbline.domain.routine import Routine
    from plumbline.domain.routine_stops import RoutineStop
    from plumbline.storage.routine_files import RoutineLibrary

Clock = Callable[[], dt.datetime]


class Tracker:
    def __init__(self, data_dir: Path, builtin_dir: Path | None = None, state_dir: Path | None = None) -> None:
        """`state_dir`: this device's local folder (default: PLUMBLINE_STATE_DIR, else the platform's)."""
        _check_data_dir(data_dir)
        self.locations = Locations(data_dir, state_dir)
        self.store = Store(self.locations)
        self.store.warn = lambda line: self.warn(line)  # another device's file skipped, say
        self.builtin_dir = builtin_dir or builtin_habits_dir()
        # Told of trouble that does not stop a change (a backup that could not be taken); the
        # CLI prints it as a warning, the app shows it.
        self.warn: Callable[[str], None] = lambda line: None
        self.changes = changed.Changes()  # the app and the reminder service listen here
        self._reminders: Reminders | None = None
        self._summaries: Standings | None = None
        self.settings = Settings(self.store, self.changes.tell)
        if self.locations.legacy_database.exists():  # only a data dir begun before devices has one to migrate
            from plumbline.storage.migrations import migrate

            migrate(self.store, dt.date.today())  # first: the library reads the state (habit edits)
        self.reload_library()  # sets self.file_library
        self.merge_conflict_copies()

    def merge_conflict_copies(self) -> None:
        """Merge the conflict copies a sync engine left into this device's files, then remove them.
        Not when a file of this device's cannot be read: the next read reports it, and the copies
        wait (a restore comes first)."""
        with contextlib.suppress(DamagedDatabase):
            if self.store.listing().conflicts():
                from plumbline.storage.conflict_copies import absorb  # only then: most starts have none

                absorb(self.store)

    @classmethod
    def at(cls, data_dir: str | None) -> Tracker:
        """The tracker over `--data-dir`, else PLUMBLINE_DATA_DIR, else the platform's place
        (storage/locations.py decides)."""
        return cls(resolve_data_dir(data_dir))

    @property
    def reminders(self) -> Reminders:
        """Reminder settings and the break countdown's state (loaded when first asked for: a
        `today` or `check` never needs them)."""
        if self._reminders is None:
            from plumbline.app.reminders import Reminders

            self._reminders = Reminders(self.store, self.changes)
        return self._reminders

    def outside_signature(self) -> OutsideSignature:
        """Changes when another process writes the data or a habit file: a few stat calls,
        cheap enough to poll every second (see ui/app.py)."""
        return self.store.signature(), self.habit_files_signature()

    def past_own_writes(self, seen: OutsideSignature) -> OutsideSignature:
        """`seen` moved on over this process's own writes since the last call, so that a watcher
        does not take them for another process's and refresh everything a second time.

        Only over a write that began where `seen` stands (both ends are read under the write's
        lock): another process's write just before one of ours, seen by no one yet, leaves `seen`
        behind, and the watcher shows it. A habit file is never passed over."""
        folders, habit_files = seen
        while self.store.own_writes:
            before, after = self.store.own_writes.popleft()
            if folders == before:
                folders = after
        return folders, habit_files

    # -- the habits ----------------------------------------------------------------------------

    def reload_library(self) -> None:
        """Read the habit files again (the edits made in the app are read with the state, when asked for)."""
        cache = TomlCache(self.locations)
        self.file_library = load_library([self.builtin_dir, self.locations.custom_habits], cache.read)
        cache.save()
        self._edited: tuple[object, Library] = (None, self.file_library)

    @property
    def library(self) -> Library:
        """The habit files' habits with the app's edits, from every device, over them."""
        edits = self.store.meta().get(state_keys.HABIT_EDITS, {})
        if edits is not self._edited[0]:  # the store keeps one document while the state is unchanged
            self._edited = (edits, with_edits(self.file_library, edits, self.locations.data_dir))
        return self._edited[1]

    def habit_files_signature(self) -> tuple[tuple[str, int, int], ...]:
        """Changes when a habit file in the data dir is added, removed or edited in place: a
        listing and a stat per file, cheap enough to poll every second."""
        try:
            with os.scandir(self.locations.custom_habits) as found:
                return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in found
                                    if e.name.endswith(".toml")))
        except OSError:
            return ()

    def optional_habits(self) -> list[Habit]:
        """The library's optional habits (habits/optional/, such as the SI belt) not added yet."""
        known = {h.id for h in self.library.habits}
        return [h for h in load_library([self.builtin_dir / "optional"]).habits if h.id not in known]

    def routines(self) -> RoutineLibrary:
        """The built-in routines, then the user's own from the data dir, checked against their
        habits. Listing routines works even when the state is damaged (the habits added in the
        app are then left out)."""
        from plumbline.storage.routine_files import FOLDER, load_routines  # `today` and `check` never need it

        habit_ids = {h.id for h in self._readable_library().habits}
        return load_routines([self.builtin_dir / FOLDER, self.locations.custom_routines], habit_ids)

    def save_routine(self, data: dict[str, object], source: str = "the form") -> Path:
        """Write a routine typed in the app into the data dir, checked by the routine file rules
        (a routine of a built-in's id replaces that one, as a copied file does)."""
        from plumbline.storage.routine_files import parse_routine, routine_toml

        routine = parse_routine(data, source, habit_ids={h.id for h in self.library.habits})
        path = self.locations.custom_routines / f"{routine.id}.toml"
        atomic_write(path, routine_toml(routine).encode())
        self.changes.tell(changed.HABITS)
        return path

    @property
    def load_errors(self) -> list[HabitFileError]:
        return self._readable_library().errors

    def _readable_library(self) -> Library:
        """The library, or over a state that cannot be read the habit files' alone (for what needs no state)."""
        try:
            return self.library
        except DamagedDatabase:
            return self.file_library

    def habits(self, include_archived: bool = False) -> list[Habit]:
        archived, starts = self.store.habit_state()
        merged = [h._replace(archived=h.id in archived, started=starts.get(h.id)) for h in self.library.habits]
        merged.sort(key=lambda h: (h.order, h.name.lower()))
        return [h for h in merged if include_archived or not h.archived]

    def habit(self, habit_id: str) -> Habit:
        """The habit with this id; failing that, the one habit whose id, or name, begins with it
        (`plumbline check pillow` finds knee-pillow's "Pillow between the knees")."""
        habits = self.habits(include_archived=True)
        exact = [h for h in habits if h.id == habit_id]
        wanted = habit_id.strip().casefold()
        for match in (exact, [h for h in habits if wanted and h.id.startswith(wanted)],
                      [h for h in habits if wanted and h.name.casefold().startswith(wanted)]):
            if len(match) == 1:
                return match[0]
            if len(match) > 1:
                ids = ", ".join(h.id for h in match[:5])
                raise BadInput(f"habit '{habit_id}' could be any of {ids}: give more of its id")
        raise BadInput(f"unknown habit '{habit_id}': run 'plumbline habits' to see the habit ids")

    def active_habit(self, habit_id: str) -> Habit:
        habit = self.habit(habit_id)
        if habit.archived:
            raise BadInput(f"habit '{habit_id}' is archived: restore it in the app (a, then archived) to track it")
        return habit

    def save_habit(self, habit: Habit, today: dt.date | None = None) -> str:
        """Record a habit added in the app, or the fields changed by an edit (of a built-in habit
        too), as this device's records: two devices editing habits never conflict. A new habit
        begins `today`: the days before it are not missed. Returns its id."""
        record_habit(self.store, self.library.by_id().get(habit.id), habit, today)
        self.changes.tell(changed.HABITS)
        return habit.id

    def set_archived(self, habit_id: str, archived: bool, day: dt.date | None = None) -> None:
        self.habit(habit_id)
        self.store.set_archived(habit_id, archived, day)
        self.changes.tell(changed.HABITS)

    # -- the days ------------------------------------------------------------------------------

    def today(self, now: dt.datetime) -> dt.date:
        """The habit day `now` falls in, honouring the user's "day starts at" setting."""
        return habit_day(now, self.settings.day_starts_at())

    def checklist(self, today: dt.date) -> list[ChecklistRow]:
        """The day's rows, reading only as many months back as the longest current streak needs."""
        habits, start, months = self.habits(), self.store.started(today), self.store.months()
        since = (today - dt.timedelta(days=14)).replace(day=1)  # the seven-day strip and the ISO week
        history, reach = self.store.history(since=since), 1
        made: dict[str, Mapping[dt.date, Entry]] = {}  # each habit's, until `since` moves (a copy each)

        def known(habit_id: str) -> Mapping[dt.date, Entry]:
            if habit_id not in made:
                entries = history.get(habit_id, {})
                everything = not months or month_of(since) <= months[0]
                made[habit_id] = entries if everything else RecentEntries(entries, since)
            return made[habit_id]

        rows = [habit_row(h, known(h.id), today, start) for h in active_in_order(habits)]
        reaching = {r.habit.id for r in rows if needs_earlier_history(r, known(r.habit.id), today, start)}
        while reaching:
            # A run goes further back: add months twice as far back each time, so even a
            # decade-long streak costs a handful of passes, and no month is read twice. Only
            # the habits that need it are read and worked out again (a row that did not need
            # it never comes to: its records and its run are as they were).
            earlier = _months_before(since, reach)
            for habit_id, entries in self.store.history(since=earlier, before=since, habits=reaching).items():
                history.setdefault(habit_id, {}).update(entries)
            since, reach = earlier, reach * 2
            before, made = made, {}
            rows = [with_earlier_history(r, before[r.habit.id], known(r.habit.id), today, start)
                    if r.habit.id in reaching else r for r in rows]
            reaching = {r.habit.id for r in rows
                        if r.habit.id in reaching and needs_earlier_history(r, known(r.habit.id), today, start)}
        return rows

    @property
    def summaries(self) -> Standings:
        """Streaks, strength and the rest as of any day, from month summaries (standings.py);
        kept while the tracker lives, so the app works out only what changed."""
        if self._summaries is None:
            from plumbline.app.standings import Standings

            self._summaries = Standings(self.store, self.locations)
        return self._summaries

    def report_source(self, today: dt.date, routines: Sequence[Routine] = (), as_of: dt.date | None = None) -> ReportSource:
        """Everything the report reads (domain/report.py): archived habits too, read once; with
        `as_of` (the period's last day), each habit's strength then, from the month summaries."""
        from plumbline.domain.report import ReportSource

        history, pain_log = self.store.history_and_pain()
        habits, start = self.habits(include_archived=True), self.store.started(today)
        strengths = None
        if as_of is not None:
            strengths = {h: s.strength for h, s in self.summaries.at(habits, start, min(as_of, today)).items()}
        return ReportSource(habits, history, pain_log, start, self.store.routine_stops(), routines,
                            self.store.archived_days(), strengths)

    def standings(self, today: dt.date) -> list[tuple[Habit, Streaks, float]]:
        """Current and best streak and strength of every active habit, as of `today`."""
        habits = active_in_order(self.habits())
        at = self.summaries.at(habits, self.store.started(today), today)
        return [(h, at[h.id].streaks, at[h.id].strength) for h in habits]

    def check(self, habit_id: str, day: dt.date, amount: float = 1, note: str = "", today: dt.date | None = None,
              clock: Clock | None = None) -> Entry:
        """`clock` (aware, local): given when the check is made now rather than filled in; a
        check of posture breaks then counts as a break at its time (breaks.py). It is read only
        for that habit: finding the local zone costs a first command some milliseconds."""
        habit = self.active_habit(habit_id)
        self._ready(today or day)
        entry = self._change(habit.id, day, lambda e: rules.checked(habit, e, day, amount, note))
        from plumbline.app import breaks  # here, as backups: a command that only reads never loads it

        breaks.after_check(self, habit.id, day, clock)
        assert entry is not None  # a check always leaves a record
        return entry

    def uncheck(self, habit_id: str, day: dt.date) -> Entry | None:
        """Remove the day's record; returns the record that was there, if there was one."""
        habit = self.habit(habit_id)
        removed: list[Entry | None] = []

        def remove(entry: Entry | None) -> None:
            removed.append(entry)

        self._change(habit.id, day, remove)
        return removed[0]

    def decrement(self, habit_id: str, day: dt.date) -> Entry | None:
        habit = self.active_habit(habit_id)
        return self._change(habit.id, day, rules.decremented)

    def skip(self, habit_id: str, day: dt.date, today: dt.date | None = None) -> Entry:
        habit = self.active_habit(habit_id)
        self._ready(today or day)
        entry = self._change(habit.id, day, lambda e: rules.skipped(e, day))
        assert entry is not None  # a skip always leaves a record
        return entry

    def toggle_skip(self, habit_id: str, day: dt.date, today: dt.date | None = None) -> Entry | None:
        """The app's s key: a rest day, or, on a rest day, back to no record (like space)."""
        habit = self.active_habit(habit_id)
        self._ready(today or day)
        return self._change(habit.id, day, lambda e: None if e is not None and e.skipped else rules.skipped(e, day))

    def toggle(self, habit_id: str, day: dt.date, today: dt.date | None = None,
               clock: Clock | None = None) -> Entry | None:
        """The app's space key: a count habit goes up by one (for posture breaks, a break taken
        now, as `check` says); a yes/no habit flips."""
        habit = self.active_habit(habit_id)
        self._ready(today or day)

        def change(entry: Entry | None) -> Entry | None:
            if not habit.kind.numeric and rules.is_done(habit, entry):
                return None
            return rules.checked(habit, entry, day)

        entry = self._change(habit.id, day, change)
        if habit.kind.numeric:
            from plumbline.app import breaks

            breaks.after_check(self, habit.id, day, clock)
        return entry

    def _change(self, habit_id: str, day: dt.date, change: Callable[[Entry | None], Entry | None]) -> Entry | None:
        entry = self.store.change_entry(habit_id, day, change)
        self.changes.tell(changed.ENTRIES)
        return entry

    def _ready(self, today: dt.date) -> None:
        """Before a change: note the first day of use, and take the day's backup if not yet done."""
        self.store.ensure_created(today)
        from plumbline.storage import backups  # here, not at the top: commands that only read never back up

        try:
            backups.take_daily_backup(self.locations, today)
        except backups.BackupFailed as error:
            self.warn(str(error))  # a full disk must not stop a check-in; the store's own write reports real trouble

    def record_stop(self, routine: str, step: str, now: dt.datetime) -> RoutineStop | None:
        """Keep a "this hurts" stop; the same routine's earlier stop in the last 14 days, if any."""
        from plumbline.domain.routine_stops import RoutineStop, hurt_before

        day = self.today(now)
        earlier = hurt_before(self.store.routine_stops(), routine, day)
        self.store.add_routine_stop(RoutineStop(day, now.time().replace(second=0, microsecond=0), routine, step))
        self.changes.tell(changed.PAIN)
        return earlier

    # -- damage --------------------------------------------------------------------------------

    def newest_good_backup(self) -> Path | None:
        from plumbline.storage import backups

        return backups.newest_good_backup(self.locations)

    def restore(self, backup: Path, now: dt.datetime) -> list[Path]:
        """Replace only the files that cannot be read (see backups.restore); returns those kept aside."""
        from plumbline.storage import backups

        kept = backups.restore(self.locations, backup, now)
        self.reload_library()
        self.changes.tell(changed.EVERYTHING)
        return kept

    # -- the pain log --------------------------------------------------------------------------

    def pain(self, day: dt.date) -> PainEntry | None:
        try:
            next_month = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        except OverflowError:
            next_month = None  # December 9999: no month after it to leave out
        return self.store.pain_log(since=day, before=next_month).get(day)  # one month's file, not all

    def log_pain(self, day: dt.date, level: int, note: str = "", today: dt.date | None = None,
                 time: dt.time | None = None, triggers: tuple[str, ...] = ()) -> PainEntry:
        """Add a reading to the day's pain (a reading at the same minute replaces that one);
        the day with all its readings comes back."""
        if not valid_level(level):
            raise BadInput(f"pain level '{level}' is outside 0..10: give 0 (none) to 10 (worst)")
        self._ready(today or day)
        entry = self.store.add_pain(day, PainReading(time, level, note, triggers))
        self.changes.tell(changed.PAIN)
        return entry


def _check_data_dir(data_dir: Path) -> None:
    """A data dir that is a file (or inside one) is a wrong --data-dir, not damaged data."""
    for folder in (data_dir, *data_dir.parents):
        if folder.exists():
            if not folder.is_dir():
                raise BadInput(f"data dir {data_dir}: {folder} is a file, not a folder; give a folder with "
                               "--data-dir or PLUMBLINE_DATA_DIR")
            return


def _months_before(day: dt.date, count: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)
