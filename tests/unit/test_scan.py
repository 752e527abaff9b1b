"""Issue 16: a scan put aside at any day and taken up again gives exactly the numbers that
decoding everything gives: streaks, best runs, strength, done days and the pain comparison."""

from __future__ import annotations

import datetime as dt
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from plumbline.domain.entries import Entry, is_done
from plumbline.domain.habit import Habit, Kind, Schedule
from plumbline.domain.history import habit_history
from plumbline.domain.pain import one_reading
from plumbline.domain.review import pain_comparison
from plumbline.domain.scan import HabitScan
from plumbline.domain.streaks import first_day, streaks
from plumbline.domain.strength import strength

TODAY = dt.date(2026, 11, 23)
SPAN = 500  # days of history before today

SCHEDULES = [Schedule.daily(), Schedule(per_week=3), Schedule(weekdays=frozenset({0, 2, 4})), Schedule(per_month=4),
             Schedule(every_days=3), Schedule(per_week=1), Schedule(per_month=20)]


@st.composite
def histories(draw):
    """A habit of any kind and schedule, and a history drawn from a seed: check-ins at a drawn
    rate, rest days (some planned ahead of today), pain on most days, a drawn start."""
    kind = draw(st.sampled_from(list(Kind)))
    target = draw(st.sampled_from([1, 3, 2.5])) if kind.numeric else 1
    started = draw(st.none() | st.integers(0, SPAN).map(lambda n: TODAY - dt.timedelta(days=n)))
    habit = Habit("h", "H", "other", kind, draw(st.sampled_from(SCHEDULES)), target=target, started=started)
    chance, done_rate = random.Random(draw(st.integers(0, 2**32))), draw(st.floats(0.3, 1.0))
    entries: dict[dt.date, Entry] = {}
    for back in range(SPAN, -8, -1):
        day, roll = TODAY - dt.timedelta(days=back), chance.random()
        if roll < 0.05 or (back < 0 and roll < 0.2):
            entries[day] = Entry(day, skipped=True)
        elif back >= 0 and roll < done_rate:
            entries[day] = Entry(day, count=chance.choice([0, 1, 2, 3, 4]) if kind.numeric else 1)
    pains = {day: one_reading(day, chance.randint(0, 10))
             for day in (TODAY - dt.timedelta(days=b) for b in range(SPAN)) if chance.random() < 0.7}
    start = TODAY - dt.timedelta(days=draw(st.integers(0, SPAN)))
    return habit, entries, pains, start


def resumed(habit, entries, pains, start, today, until, put_aside_at, scores_on=()):
    """Scan from the first day to `put_aside_at`, save the state as JSON, take it up again."""
    first = first_day(habit, entries, start)
    origin = min([first, *pains])
    scan = HabitScan(habit, first, origin)
    while scan.next_day < min(put_aside_at, today):
        day = scan.next_day
        scan.feed(entries.get(day), pains[day].level if day in pains else None)
    again = HabitScan(habit, first, origin, json.loads(json.dumps(scan.state())))
    def record(number):
        day = dt.date.fromordinal(number)
        return entries.get(day), pains[day].level if day in pains else None

    return again.standing(today, until, record, scores_on)


@settings(max_examples=150, deadline=None)
@given(histories(), st.integers(0, SPAN), st.integers(0, 60), st.integers(0, 6))
def test_a_resumed_scan_gives_the_numbers_of_the_whole_history(history, back, put_aside, later):
    habit, entries, pains, start = history
    today = TODAY - dt.timedelta(days=back)
    until = today + dt.timedelta(days=later)
    standing = resumed(habit, entries, pains, start, today, until, today - dt.timedelta(days=put_aside))
    assert standing.streaks == streaks(habit, entries, today, start)
    assert standing.strength == strength(habit, entries, today, start)
    assert standing.done_days == sum(1 for e in entries.values() if is_done(habit, e) and e.day <= today)
    assert standing.comparison == pain_comparison(habit, entries, pains, until)


@settings(max_examples=60, deadline=None)
@given(histories(), st.integers(0, 400))
def test_a_resumed_scan_gives_the_history_screens_runs_and_weekly_strength(history, put_aside):
    habit, entries, pains, start = history
    expected = habit_history(habit, entries, TODAY, start)
    sundays = {day for day, _ in expected.weekly_strength}
    standing = resumed(habit, entries, pains, start, TODAY, TODAY, TODAY - dt.timedelta(days=put_aside), sundays)
    assert standing.best_runs == expected.best_runs
    assert standing.streaks == expected.streaks
    assert standing.done_days == expected.done_days
    shown = dict(expected.weekly_strength)
    assert {day: shown[day] for day in standing.scores} == standing.scores
    assert all(standing.scores[day] == score for day, score in expected.weekly_strength if day in standing.scores)
