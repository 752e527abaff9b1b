"""The habits of one user: the library merged with their state, and the changes they make.

The CLI and the app both go through here, so a check means the same thing everywhere.
"""

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from plumbline.domain import entries as rules
from plumbline.domain.days import MIDNIGHT, habit_day
from plumbline.domain.checklist import ChecklistRow, active_in_order, checklist, habit_row, needs_earlier_history
from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit
from plumbline.domain.pain import PainEntry, PainReading, valid_level
from plumbline.domain.routine_stops import RoutineStop, hurt_before
from plumbline.domain.streaks import Streaks, streaks
from plumbline.domain.strength import strength
from plumbline.storage.atomic import atomic_write
from plumbline.storage.migrations import migrate
from plumbline.storage.errors import BadInput, HabitFileError
from plumbline.storage.habit_files import Library, habit_toml, load_library
from plumbline.storage.locations import Locations, builtin_habits_dir, month_of
from plumbline.storage.store import Store
from plumbline.storage.toml_cache import TomlCache

if TYPE_CHECKING:  # the report's modules load only for the report (dataclasses cost `today` 6 ms)
    from plumbline.domain.report import ReportSource
    from plumbline.domain.routine import Routine


class ReviewSource(NamedTuple):
    """Everything a weekly review reads."""

    habits: list[Habit]
    history: dict[str, dict[dt.date, Entry]]
    pain_log: dict[dt.date, PainEntry]
    start: dt.date


class Tracker:
    def __init__(self, data_dir: Path, builtin_dir: Path | None = None) -> None:
        _check_data_dir(data_dir)
        self.locations = Locations(data_dir)
        self.store = Store(self.locations)
        self.builtin_dir = builtin_dir or builtin_habits_dir()
        # Told of trouble that does not stop a change (a backup that could not be taken); the
        # CLI prints it as a warning, the app shows it.
        self.warn: Callable[[str], None] = lambda line: None
        self.reload_library()  # sets self.library
        migrate(self.store, dt.date.today())

    # -- the habits ----------------------------------------------------------------------------

    def reload_library(self) -> Library:
        cache = TomlCache(self.locations)
        self.library = load_library([self.builtin_dir, self.locations.custom_habits], cache.read)
        cache.save()
        return self.library

    def habit_files_signature(self) -> tuple[tuple[str, int, int], ...]:
        """Changes when a habit file in the data dir is added, removed or edited in place: a
        listing and a stat per file, cheap enough to poll every second."""
        try:
            with os.scandir(self.locations.custom_habits) as found:
                return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in found
                                    if e.name.endswith(".toml")))
        except OSError:
            return ()

    @property
    def load_errors(self) -> list[HabitFileError]:
        return self.library.errors

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

    def save_habit(self, habit: Habit, today: dt.date | None = None) -> Path:
        """Write a custom habit (new, or an edited copy of a built-in) into the data dir. A new
        habit begins `today`: the days before it are not missed."""
        is_new = habit.id not in self.library.by_id()
        path = self.locations.custom_habits / f"{habit.id}.toml"
        atomic_write(path, habit_toml(habit).encode())
        if is_new and today is not None and self.store.meta().get("created"):
            self.store.set_habit_starts({habit.id: today})
        self.reload_library()
        return path

    def first_time(self, key: str, *seen_as: str) -> bool:
        """True once per data dir for `key` (never if one of `seen_as` is already set), remembered
        in its state as the app's notice_seen is: the CLI's one-time safety note."""
        meta = self.store.meta()
        if meta.get(key) or any(meta.get(other) for other in seen_as):
            return False
        self.store.update_meta(lambda state: state.__setitem__(key, True))
        return True

    def set_archived(self, habit_id: str, archived: bool, day: dt.date | None = None) -> None:
        self.habit(habit_id)
        self.store.set_archived(habit_id, archived, day)

    # -- the days ------------------------------------------------------------------------------

    def day_starts_at(self) -> dt.time:
        """Set on the settings screen (stored with the reminder settings, validated there)."""
        value = self.store.meta().get("reminder_settings", {}).get("day_starts_at")
        try:
            return dt.time.fromisoformat(value) if value else MIDNIGHT
        except ValueError:
            return MIDNIGHT  # the settings screen reports a bad stored value; days still work

    def today(self, now: dt.datetime) -> dt.date:
        """The habit day `now` falls in, honouring the user's "day starts at" setting."""
        return habit_day(now, self.day_starts_at())

    def checklist(self, today: dt.date) -> list[ChecklistRow]:
        """The day's rows, reading only as many months back as the longest current streak needs."""
        habits, start, months = self.habits(), self.store.started(today), self.store.months()
        since = (today - dt.timedelta(days=14)).replace(day=1)  # the seven-day strip and the ISO week
        history, reach = self.store.history(since=since), 1

        def known_from() -> dt.date | None:
            return since if months and month_of(since) > months[0] else None

        def unfinished(rows: list[ChecklistRow]) -> set[str]:
            if known_from() is None:
                return set()  # everything is loaded
            return {r.habit.id for r in rows if needs_earlier_history(r, history.get(r.habit.id, {}), today, start)}

        rows = checklist(habits, history, today, start, known_from())
        while reaching := unfinished(rows):
            # A run goes further back: add months twice as far back each time, so even a
            # decade-long streak costs a handful of passes, and no month is read twice. Only
            # the habits that need it are read and worked out again.
            earlier = _months_before(since, reach)
            for habit_id, entries in self.store.history(since=earlier, before=since, habits=reaching).items():
                history.setdefault(habit_id, {}).update(entries)
            since, reach = earlier, reach * 2
            rows = [
                habit_row(r.habit, history.get(r.habit.id, {}), today, start, known_from()) if r.habit.id in reaching else r
                for r in rows
            ]
        return rows

    def review_source(self, today: dt.date) -> ReviewSource:
        """Everything a weekly review reads, read once: moving between weeks touches no file."""
        history, pain_log = self.store.history_and_pain()
        return ReviewSource(self.habits(), history, pain_log, self.store.started(today))

    def report_source(self, today: dt.date, routines: Sequence["Routine"] = ()) -> "ReportSource":
        """Everything the report reads (domain/report.py): archived habits too, read once."""
        from plumbline.domain.report import ReportSource

        history, pain_log = self.store.history_and_pain()
        return ReportSource(self.habits(include_archived=True), history, pain_log, self.store.started(today),
                            self.store.routine_stops(), routines, self.store.archived_days())

    def standings(self, today: dt.date) -> list[tuple[Habit, Streaks, float]]:
        """Current and best streak and strength of every active habit, as of `today`."""
        history, start = self.store.history(), self.store.started(today)
        result = []
        for habit in active_in_order(self.habits()):
            entries = history.get(habit.id, {})
            result.append((habit, streaks(habit, entries, today, start), strength(habit, entries, today, start)))
        return result

    def check(self, habit_id: str, day: dt.date, amount: float = 1, note: str = "", today: dt.date | None = None) -> Entry:
        habit = self.active_habit(habit_id)
        self._ready(today or day)
        return self.store.change_entry(habit.id, day, lambda e: rules.checked(habit, e, day, amount, note))

    def uncheck(self, habit_id: str, day: dt.date) -> Entry | None:
        """Remove the day's record; returns the record that was there, if there was one."""
        habit = self.habit(habit_id)
        removed: list[Entry | None] = []

        def remove(entry: Entry | None) -> None:
            removed.append(entry)

        self.store.change_entry(habit.id, day, remove)
        return removed[0]

    def decrement(self, habit_id: str, day: dt.date) -> Entry | None:
        habit = self.active_habit(habit_id)
        return self.store.change_entry(habit.id, day, rules.decremented)

    def skip(self, habit_id: str, day: dt.date, today: dt.date | None = None) -> Entry:
        habit = self.active_habit(habit_id)
        self._ready(today or day)
        return self.store.change_entry(habit.id, day, lambda e: rules.skipped(e, day))

    def toggle_skip(self, habit_id: str, day: dt.date, today: dt.date | None = None) -> Entry | None:
        """The app's s key: a rest day, or, on a rest day, back to no record (like space)."""
        habit = self.active_habit(habit_id)
        self._ready(today or day)
        return self.store.change_entry(habit.id, day, lambda e: None if e is not None and e.skipped
                                       else rules.skipped(e, day))

    def toggle(self, habit_id: str, day: dt.date, today: dt.date | None = None) -> Entry | None:
        """The app's space key: a count habit goes up by one; a yes/no habit flips."""
        habit = self.active_habit(habit_id)
        self._ready(today or day)

        def change(entry: Entry | None) -> Entry | None:
            if not habit.kind.numeric and rules.is_done(habit, entry):
                return None
            return rules.checked(habit, entry, day)

        return self.store.change_entry(habit.id, day, change)

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
        day = self.today(now)
        earlier = hurt_before(self.store.routine_stops(), routine, day)
        self.store.add_routine_stop(RoutineStop(day, now.time().replace(second=0, microsecond=0), routine, step))
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
        return self.store.add_pain(day, PainReading(time, level, note, triggers))


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
