"""Generated history for benchmarks: N years of check-ins for 50 habits, written the fast way."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit, Kind, Schedule
from plumbline.domain.pain import one_reading

HABITS = 50  # issue 16 measures ten years x 50 habits


def extra_habits(count: int) -> list[Habit]:
    """Custom habits to bring the built-in library up to 30, with every kind and schedule."""
    schedules = [Schedule.daily(), Schedule(per_week=3), Schedule(weekdays=frozenset({0, 2, 4})),
                 Schedule(per_month=12), Schedule(every_days=3)]
    kinds = [Kind.DO, Kind.AVOID, Kind.COUNT, Kind.LIMIT]
    return [
        Habit(id=f"bench-{n:02d}", name=f"Bench habit {n}", category="other", kind=kinds[n % 4],
              schedule=schedules[n % 5], target=4 if kinds[n % 4].numeric else 1, custom=True)
        for n in range(count)
    ]


def generate(data_dir: Path, today: dt.date, days: int, seed: int = 1, habits: int = HABITS) -> Tracker:
    tracker = Tracker(data_dir)
    start = today - dt.timedelta(days=days)
    for habit in extra_habits(habits - len(tracker.habits())):
        tracker.save_habit(habit)
    tracker.store.update_meta(lambda meta: meta.update(created=start.isoformat(), notice_seen=True))
    chance = random.Random(seed)
    entries: list[tuple[str, Entry]] = []
    for habit in tracker.habits():
        for back in range(days, 0, -1):
            day = today - dt.timedelta(days=back)
            roll = chance.random()
            if roll < 0.02:
                entries.append((habit.id, Entry(day, skipped=True)))
            elif roll < _done_chance(habit) and (habit.schedule.due_on(day) or habit.schedule.period):
                entries.append((habit.id, Entry(day, count=habit.target)))
    pains = [one_reading(today - dt.timedelta(days=b), chance.randint(0, 8)) for b in range(days, 0, -1) if chance.random() < 0.7]
    tracker.store.put_many(entries, pains)
    return tracker


def _done_chance(habit: Habit) -> float:
    """How often a day is checked: most due days; for a habit judged by the week or month, or
    one due every few days, a share that meets it often but not always, so that its streaks
    break now and then as a person's do (a decade-long streak would make `today` read a decade)."""
    if habit.schedule.period:
        return 0.4
    return 0.5 if habit.schedule.every_days else 0.85
