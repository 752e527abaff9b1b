"""Streaks, strength, best runs, done days and pain comparisons as of any day, without reading ten
years: each habit's scan (domain/scan.py) is kept as it stood on the first of every month, and a
question about a day reads only the days since the first of its month.

The kept states live in memory and in `cache/standings.json` (storage/summary_file.py), with the
stamp of every month file they were worked out from. A month file written since, by this process
or another, or restored from a backup, has a new stamp: the states after its month are dropped
and worked out again from the one before it. A stamp younger than SETTLED_NS is not trusted, so
no state after such a month is kept. A state also names the habit's schedule, kind, target and
first day: change one and that habit is worked out afresh.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from typing import Any

from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit
from plumbline.domain.scan import HabitScan, Standing
from plumbline.storage.locations import Locations, month_of
from plumbline.storage.month_records import MonthRecords
from plumbline.storage.store import Store
from plumbline.storage.summary_file import SummaryFile

NEVER = "9999-99"  # sorts after every month


class Standings:
    def __init__(self, store: Store, locations: Locations) -> None:
        self.store = store
        self.file = SummaryFile(locations)
        self.data: dict[str, Any] | None = None
        self.order: list[str] = []  # the months, oldest first
        self.changed = False  # states or month summaries the file does not have yet

    def at(self, habits: Sequence[Habit], start: dt.date, today: dt.date, until: dt.date | None = None,
           since: dt.date | None = None, scores_on: Collection[dt.date] = ()) -> dict[str, Standing]:
        """Each habit as of `today`, its pain comparison up to `until` (default today), and its
        strength on each of `scores_on` from `since` on (default today)."""
        stamps = self.store.month_stamps()
        months = _MonthReader(self.store, stamps)
        self._refresh(stamps, months)
        when = min(today, since or today)
        scans = {h.id: self._kept_scan(h, start, months, when) for h in habits}
        self._advance(scans, month_of(when), months)
        if self.changed:
            self.file.save(self._saved())
            self.changed = False
        # No record lies past the newest month file: the comparison need not walk to a far `until`.
        until = max(today, min(until or today, months.last_day)) if months.last_day else today
        return {h.id: scans[h.id].standing(today, until, months.record(h.id), scores_on) for h in habits}

    # -- the kept states -----------------------------------------------------------------------

    def _refresh(self, stamps: dict[str, Any], months: _MonthReader) -> None:
        """Drop what a changed month file made stale, and note each month's first days afresh."""
        data = self.data if self.data is not None else self.file.load()
        recorded: dict[str, list[Any]] = data.setdefault("months", {})
        first_changed = None
        for month in sorted(set(recorded) | set(stamps)):
            stamp = stamps.get(month)
            trusted = list(stamp) if stamp is not None and self.store.settled(stamp) else None
            old = recorded.get(month)
            if old is not None and old[0] is not None and old[0] == trusted:
                continue
            first_changed = first_changed or month
            if stamp is None:
                recorded.pop(month, None)
            else:
                recorded[month] = [trusted, months.records(month).first_days()]
            # Not saved for this alone: the file's old stamp for the month makes the next run drop
            # the same states, and the month's file is read then anyway. The file is written when
            # states are kept (_keep): a rewrite of it after every check-in cost 20 ms.
        for kept in data.setdefault("habits", {}).values():
            # A state on the first of X was worked out from the months before X.
            kept["states"] = {m: s for m, s in kept["states"].items() if first_changed is None or m <= first_changed}
        data["trusted_until"] = min((m for m, (stamp, _) in recorded.items() if stamp is None), default=NEVER)
        self.order = sorted(recorded)
        self.data = data

    def _kept_scan(self, habit: Habit, start: dt.date, months: _MonthReader, when: dt.date) -> HabitScan:
        """The habit's latest kept state from on or before `when`, or a new scan."""
        assert self.data is not None
        first = self.first_day(habit, start)
        origin = min(first, months.first_day) if months.first_day else first
        schedule = habit.schedule
        key = repr((habit.kind.value, habit.target, schedule.per_week, sorted(schedule.weekdays or ()),
                    schedule.per_month, schedule.every_days, first.toordinal(), origin.toordinal()))
        kept = self.data["habits"].get(habit.id)
        if kept is None or kept["key"] != key:
            kept = self.data["habits"][habit.id] = {"key": key, "states": {}}
        month = month_of(when)
        usable = [m for m in kept["states"] if m <= month]
        return HabitScan(habit, first, origin, json.loads(kept["states"][max(usable)]) if usable else None)

    def first_day(self, habit: Habit, start: dt.date) -> dt.date:
        """streaks.first_day, from each month's first recorded days rather than every record
        (as of the last `at`)."""
        assert self.data is not None
        base = habit.started or start
        for month in self.order:
            first = self.data["months"][month][1].get(habit.id)
            if first is not None:
                return min(base, dt.date.fromordinal(first))
        return base

    def _advance(self, scans: dict[str, HabitScan], target: str, months: _MonthReader) -> None:
        """Feed each scan up to the first of `target`, keeping a state on each first on the way;
        each month's file is read once for all the scans that pass through it."""
        assert self.data is not None
        end = _first_of(target)
        while behind := [s for s in scans.values() if s.next_day < end]:
            month = month_of(min(s.next_day for s in behind))
            following = _first_of(_next_month(month))
            for habit_id, scan in scans.items():
                if scan.next_day < end and month_of(scan.next_day) == month:
                    entries, pains = months.days(month, habit_id)
                    while scan.day < min(following, end).toordinal():
                        scan.feed(entries.get(scan.day), pains.get(scan.day))
                    self._keep(habit_id, scan)

    def _keep(self, habit_id: str, scan: HabitScan) -> None:
        assert self.data is not None
        if scan.next_day.day != 1:
            return
        month = month_of(scan.next_day)
        if month <= self.data["trusted_until"]:  # no state after a month whose stamp is not trusted
            # As a JSON text within the file: loading the file then parses a string per state
            # rather than every number of six thousand states (4 ms, not 36).
            self.data["habits"][habit_id]["states"][month] = json.dumps(scan.state(), separators=(",", ":"))
            self.changed = True

    def _saved(self) -> dict[str, Any]:
        assert self.data is not None
        return {"months": self.data["months"], "habits": self.data["habits"]}


class _MonthReader:
    """The month files' records for the scans: by day number, read once a month and habit."""

    def __init__(self, store: Store, stamps: dict[str, Any]) -> None:
        self.store = store
        self.existing = set(stamps)
        self.first_day = _first_of(min(stamps)) if stamps else None
        self.last_day = _last_of(max(stamps)) if stamps else None
        self._days: dict[tuple[str, str], tuple[dict[int, Entry], dict[int, int]]] = {}
        self._pains: dict[str, dict[int, int]] = {}
        self._records: dict[str, MonthRecords] = {}

    def records(self, month: str) -> MonthRecords:
        """Read once here, even while the store does not keep it (a file changed just now)."""
        if month not in self._records:
            self._records[month] = self.store.month_records(month)
        return self._records[month]

    def days(self, month: str, habit_id: str) -> tuple[dict[int, Entry], dict[int, int]]:
        found = self._days.get((month, habit_id))
        if found is None:
            if month not in self.existing:
                found = {}, {}
            else:
                records = self.records(month)
                if month not in self._pains:
                    self._pains[month] = {day.toordinal(): pain.level for day, pain in records.pains().items()}
                found = {day.toordinal(): e for day, e in records.entries(habit_id).items()}, self._pains[month]
            self._days[(month, habit_id)] = found
        return found

    def record(self, habit_id: str):
        """A habit's record and pain level by day number, for HabitScan.standing: the days come
        in order, so the month in hand serves until the day leaves it."""
        # First and last day number of the month in hand, its records, its pain.
        span: list[Any] = [0, 0, {}, {}]

        def of(number: int) -> tuple[Entry | None, int | None]:
            if not span[0] <= number <= span[1]:
                day = dt.date.fromordinal(number)
                month = month_of(day)
                span[:] = [number - day.day + 1, _last_of(month).toordinal(), *self.days(month, habit_id)]
            return span[2].get(number), span[3].get(number)

        return of


def _first_of(month: str) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:7]), 1)


def _last_of(month: str) -> dt.date:
    first = _first_of(month)
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1) if first.month < 12 \
        else first.replace(day=31)


def _next_month(month: str) -> str:
    first = _first_of(month)
    return month_of((first + dt.timedelta(days=32)).replace(day=1))
