"""Plausible, repeatable history for screenshots and snapshot tests: the same data every run."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.domain.habit import Kind
from plumbline.domain.pain import one_reading

# How reliably a made-up user keeps each habit, so the demo shows streaks, misses and rest days.
KEEPING = {
    "knees-uncrossed": 0.9, "knee-pillow": 0.95, "both-feet": 0.8, "no-slouching": 0.7,
    "posture-breaks": 0.75, "core-work": 0.5, "glute-work": 0.45, "gentle-mobility": 0.85,
    "towel-mobilization": 0.8, "lift-mechanics": 0.9,
}


def write_demo(data_dir: Path, today: dt.date, days: int = 60, seed: int = 7, builtin_dir: Path | None = None) -> Tracker:
    tracker = Tracker(data_dir, builtin_dir=builtin_dir)
    start = today - dt.timedelta(days=days)
    tracker.store.update_meta(lambda meta: meta.update(created=start.isoformat(), notice_seen=True))
    chance = random.Random(seed)
    for habit in tracker.habits():
        keep = KEEPING.get(habit.id, 0.7)
        for back in range(days, 0, -1):
            day = today - dt.timedelta(days=back)
            roll = chance.random()
            if habit.schedule.is_weekly:
                entry = Entry(day, count=1) if roll < keep * 3 / 7 + 0.1 else None
            elif not habit.schedule.due_on(day):
                continue
            elif roll < 0.03:
                entry = Entry(day, skipped=True)
            elif roll < keep:
                entry = Entry(day, count=habit.target)
            elif habit.kind is Kind.COUNT and habit.target > 1:  # short of a target above 1
                entry = Entry(day, count=chance.randint(1, habit.target - 1))
            else:
                entry = None
            if entry is not None:
                tracker.store.change_entry(habit.id, day, lambda _, entry=entry: entry)
    # A pain log that moves with the habits kept, for the review's comparison line.
    for back in range(days, 0, -1):
        day = today - dt.timedelta(days=back)
        entries = tracker.store.history()
        kept = sum(day in entries.get(h, {}) for h in ("gentle-mobility", "towel-mobilization", "core-work"))
        tracker.store.set_pain(one_reading(day, max(0, min(10, 5 - kept + chance.randint(-1, 2)))), day)
    # Part of today done, so the screen shows every state at once.
    for habit_id in ("knees-uncrossed", "knee-pillow", "gentle-mobility"):
        tracker.check(habit_id, today, today=today)
    tracker.check("posture-breaks", today, amount=2, today=today)
    return tracker


# A few of the things a week brings besides check-ins, for the report's screenshot and tests.
REPORT_NOTES = [
    (40, "core-work", "Easier with the knees bent"),
    (26, "glute-work", "Left side tired quickly"),
    (12, "towel-mobilization", "Did it twice, morning and evening"),
]
REPORT_READINGS = [
    (33, dt.time(8, 10), 6, "Stiff on waking after a long drive", ("waking",)),
    (19, dt.time(17, 40), 5, "After two hours at the desk", ("sitting",)),
    (5, dt.time(7, 50), 2, "", ("waking",)),
]


def write_report_demo(data_dir: Path, today: dt.date, builtin_dir: Path | None = None) -> Tracker:
    """The demo data, with notes, readings at times of day and one "this hurts" stop."""
    from plumbline.domain.pain import PainReading
    from plumbline.domain.routine_stops import RoutineStop

    tracker = write_demo(data_dir, today, days=70, builtin_dir=builtin_dir)
    for back, habit_id, note in REPORT_NOTES:
        day = today - dt.timedelta(days=back)
        tracker.store.change_entry(habit_id, day, lambda e, day=day, note=note: Entry(day, count=1, note=note))
    for back, time, level, note, triggers in REPORT_READINGS:
        tracker.store.add_pain(today - dt.timedelta(days=back), PainReading(time, level, note, triggers))
    stopped = today - dt.timedelta(days=16)
    tracker.store.add_routine_stop(RoutineStop(stopped, dt.time(7, 20), "morning-mobility",
                                               "Stopped Morning mobility at step 3: Piriformis stretch, left side"))
    tracker.store.add_pain(stopped, PainReading(dt.time(7, 21), 6, "Sharp at the left SI joint", ()))
    return tracker
