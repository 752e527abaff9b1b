"""Bringing a history over from Loop Habit Tracker: its habits, schedules, kinds and every entry.

`loop_formats` reads each format Loop has written into neutral records; this module gives them a
meaning here and writes them through `importing.apply_import` (checked first, a backup, then all
or nothing). What Loop values mean (docs/loop-formats.md, §2):
- 2 (done by hand) is a done day; 3 (skip) a rest day; for a numeric habit the value is in
  thousandths (12000 is 12, 2500 is 2.5).
- 1 (YES_AUTO) is Loop filling in days a non-daily habit did not need; 0 (no) and -1 (unknown)
  are no record. A note on any of those days is kept, on a record that counts nothing.
A Loop habit keeps the same plumbline habit on every import: it is linked by Loop's UUID where the
format has one, else by its position and name, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry, whole
from plumbline.domain.habit import Habit, Kind, Schedule, new_id
from plumbline.errors import BadInput
from plumbline.storage import state_keys
from plumbline.storage.loop_formats import LoopExport, LoopHabit, read_loop

LINKS_KEY = state_keys.LOOP_LINKS
DONE, AUTO, NO, UNKNOWN, SKIP = 2, 1, 0, -1, 3
NAME_LIMIT = 40


@dataclass
class LoopSummary:
    """What an import did, for the one-screen report after it."""

    format: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    checkins: int = 0
    skips: int = 0
    values: int = 0
    notes: int = 0
    changed: list[str] = field(default_factory=list)  # what was brought over only approximately

    def lines(self) -> list[str]:
        said = [f"Imported from {self.format}: {len(self.added)} habits added, {len(self.updated)} updated; "
                f"{_count(self.checkins, 'check-in')}, {_count(self.values, 'numeric value')}, "
                f"{_count(self.skips, 'rest day')}, {_count(self.notes, 'note')}."]
        return said + [f"  note: {line}" for line in self.changed]


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


@dataclass
class _Plan:
    habits: list[Habit]
    entries: list[tuple[str, Entry]]
    starts: dict[str, dt.date]
    archived: dict[str, bool]
    links: dict[str, str]


def import_loop(tracker: Tracker, path: Path, now: dt.datetime) -> LoopSummary:
    from plumbline.app.importing import apply_import, check_records

    try:
        export = read_loop(path)
    except BadInput as error:
        raise BadInput(f"{error}; nothing was imported") from None
    summary = LoopSummary(export.format)
    plan = _plan(tracker, export, summary)
    check_records(path, plan.entries, [], tracker.today(now))

    def change_meta(meta: dict[str, Any]) -> None:
        archived = set(meta.get(state_keys.ARCHIVED, []))
        for habit_id, flag in plan.archived.items():
            archived = archived | {habit_id} if flag else archived - {habit_id}
        meta[state_keys.ARCHIVED] = sorted(archived)
        starts = dict(meta.get(state_keys.HABIT_STARTS, {}))
        for habit_id, day in plan.starts.items():
            starts[habit_id] = min(day.isoformat(), starts.get(habit_id, day.isoformat()))
        meta[state_keys.HABIT_STARTS] = dict(sorted(starts.items()))
        meta[LINKS_KEY] = {**meta.get(LINKS_KEY, {}), **plan.links}

    apply_import(tracker, now, plan.habits, change_meta, plan.entries, [])
    return summary


def _plan(tracker: Tracker, export: LoopExport, summary: LoopSummary) -> _Plan:
    links: dict[str, str] = dict(tracker.store.meta().get(LINKS_KEY, {}))
    known = {h.id: h for h in tracker.habits(include_archived=True)}
    taken = set(known)
    plan = _Plan([], [], {}, {}, {})
    for loop in export.habits:
        loop = _with_kind_known(loop, summary)
        key = f"uuid:{loop.uuid}" if loop.uuid else f"position:{loop.position}:{loop.name}"
        habit_id = links.get(key)
        if habit_id is None or habit_id not in known:
            habit_id = new_id(loop.name, taken, fallback=f"loop-habit-{loop.position:03d}")
            summary.added.append(habit_id)
        else:
            summary.updated.append(habit_id)
        taken.add(habit_id)
        plan.links[key] = habit_id
        habit = _habit(loop, habit_id, known.get(habit_id), summary)
        plan.habits.append(habit)
        plan.archived[habit_id] = loop.archived
        entries = [e for e in (_entry(habit, loop, raw, summary) for raw in loop.entries) if e is not None]
        plan.entries.extend((habit_id, e) for e in entries)
        first = next((raw.day for raw in loop.entries if raw.value != UNKNOWN or raw.note), None)
        if first is not None:
            plan.starts[habit_id] = first  # its history begins at its first Loop day, no earlier
    return plan


def _with_kind_known(loop: LoopHabit, summary: LoopSummary) -> LoopHabit:
    """Older exports have no Type column: a habit whose values are numbers is a numeric one."""
    if loop.numerical or all(e.value in (DONE, AUTO, NO, UNKNOWN, SKIP) for e in loop.entries):
        return loop
    summary.changed.append(f"'{loop.name}' holds numbers, so it came over as a count habit: set its target "
                           "in the app (e, on the habit)")
    return loop._replace(numerical=True, target=max(loop.target, 1.0))


def _habit(loop: LoopHabit, habit_id: str, before: Habit | None, summary: LoopSummary) -> Habit:
    name = loop.name.strip() or f"Loop habit {loop.position}"
    if len(name) > NAME_LIMIT:
        summary.changed.append(f"'{name}' is shortened to {NAME_LIMIT} characters")
        name = name[:NAME_LIMIT]
    kind = (Kind.LIMIT if loop.at_most else Kind.COUNT) if loop.numerical else Kind.DO
    target = whole(loop.target) if loop.numerical else 1
    return Habit(id=habit_id, name=name, category=before.category if before else "other", kind=kind,
                  schedule=_schedule(loop, summary), target=target, unit=loop.unit.strip()[:20] if loop.numerical else "",
                  why=loop.description.strip(), how=loop.question.strip(),
                  order=before.order if before else 1000, custom=True)


def _schedule(loop: LoopHabit, summary: LoopSummary) -> Schedule:
    """Loop's "x times in y days" (§3): 1/1 daily, N/7 a week, N/30 or N/31 a month, 1/N every N days."""
    num, den = loop.numerator, loop.denominator
    if num >= den or num < 1:
        return Schedule.daily()  # Loop itself turns these into daily
    if den == 7:
        return Schedule(per_week=num)
    if den in (30, 31):
        if num > 28:
            summary.changed.append(f"'{loop.name}': {num} times a month becomes 28, the most every month has room for")
        return Schedule(per_month=min(num, 28))
    if num == 1 and den <= 365:
        return Schedule(every_days=den)
    per_week = max(1, min(7, round(num * 7 / den)))
    summary.changed.append(f"'{loop.name}': {num} times in {den} days becomes {per_week} times a week, "
                           "the nearest schedule plumbline has")
    return Schedule(per_week=per_week)


def _entry(habit: Habit, loop: LoopHabit, raw: Any, summary: LoopSummary) -> Entry | None:
    note = raw.note.strip()
    summary.notes += bool(note)
    if raw.value == SKIP:
        summary.skips += 1
        return Entry(raw.day, skipped=True, note=note)
    if loop.numerical and raw.value >= 0:
        summary.values += 1
        return Entry(raw.day, whole(raw.value / 1000), note=note)
    if not loop.numerical and raw.value == DONE:
        summary.checkins += 1
        return Entry(raw.day, 1, note=note)
    # YES_AUTO, NO and UNKNOWN: nothing the user did, but a note written that day is kept.
    return Entry(raw.day, 0, note=note) if note else None
