"""Invariants of streaks and strength over arbitrary histories (hypothesis)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from plumbline.domain.entries import Entry
from plumbline.domain.habit import Kind, Schedule
from plumbline.domain.streaks import RecentEntries, current_streak, streaks
from plumbline.domain.strength import strength, strength_series
from tests.unit.helpers import habit

TODAY = dt.date(2026, 11, 25)
START = TODAY - dt.timedelta(days=60)
SCHEDULES = st.sampled_from([
    Schedule.daily(), Schedule(per_week=3), Schedule(per_week=1), Schedule(weekdays=frozenset({0, 2, 4})),
])
# One state per day of the last 61: nothing, done, skipped.
DAY_STATES = st.lists(st.sampled_from(["none", "done", "skip"]), min_size=61, max_size=61)


def entries_from(states):
    entries = {}
    for offset, state in enumerate(states):
        day = START + dt.timedelta(days=offset)
        if state == "done":
            entries[day] = Entry(day, count=1)
        elif state == "skip":
            entries[day] = Entry(day, skipped=True)
    return entries


@given(SCHEDULES, DAY_STATES)
def test_a_streak_never_exceeds_the_done_days(schedule, states):
    h = habit(schedule=schedule)
    entries = entries_from(states)
    s = streaks(h, entries, TODAY, START)
    done_days = sum(1 for e in entries.values() if e.count)
    assert 0 <= s.current <= s.best
    assert s.best <= (done_days if not schedule.is_weekly else done_days // (schedule.per_week or 1))


@given(SCHEDULES, DAY_STATES, st.integers(0, 60))
def test_unchecking_never_lengthens_a_streak(schedule, states, index):
    h = habit(schedule=schedule)
    entries = entries_from(states)
    before = streaks(h, entries, TODAY, START)
    entries.pop(START + dt.timedelta(days=index), None)
    after = streaks(h, entries, TODAY, START)
    assert after.current <= before.current and after.best <= before.best


@given(SCHEDULES, DAY_STATES)
def test_strength_stays_within_zero_and_one(schedule, states):
    h = habit(schedule=schedule)
    assert all(0.0 <= score <= 1.0 for _, score in strength_series(h, entries_from(states), TODAY, START))


@settings(max_examples=200)
@given(DAY_STATES, st.integers(0, 59))
def test_strength_rises_with_every_done_day(states, index):
    h = habit()
    entries = entries_from(states)
    day = START + dt.timedelta(days=index)
    if day in entries:
        entries.pop(day)
    without = strength(h, entries, TODAY, START)
    entries[day] = Entry(day, count=1)
    assert strength(h, entries, TODAY, START) > without


@given(st.integers(1, 12), st.lists(st.integers(0, 12), min_size=30, max_size=30))
def test_count_habit_strength_grows_with_the_count(target, counts):
    h = habit(Kind.COUNT, target=target)
    entries = {START + dt.timedelta(days=i): Entry(START + dt.timedelta(days=i), count=c) for i, c in enumerate(counts) if c}
    more = dict(entries)
    day = START + dt.timedelta(days=3)
    more[day] = Entry(day, count=counts[3] + 1)
    assert strength(h, more, TODAY, START) >= strength(h, entries, TODAY, START)


@given(SCHEDULES, DAY_STATES)
def test_walking_back_from_today_finds_the_same_current_streak(schedule, states):
    h = habit(schedule=schedule)
    entries = entries_from(states)
    assert current_streak(h, entries, TODAY, START).length == streaks(h, entries, TODAY, START).current


# An every-N-days habit's day looks back N-1 days for a done one: a partial history must have
# them too, or ask for more.
@given(st.one_of(SCHEDULES, st.sampled_from([Schedule(every_days=n) for n in (2, 3, 20, 45)])), DAY_STATES,
       st.integers(1, 60))
def test_a_partial_history_either_agrees_or_asks_for_more(schedule, states, cut):
    h = habit(schedule=schedule)
    entries = entries_from(states)
    known_from = START + dt.timedelta(days=cut)
    recent = {d: e for d, e in entries.items() if d >= known_from}
    partial = current_streak(h, RecentEntries(recent, known_from), TODAY, START)
    if not partial.reaches_back:
        assert partial.length == streaks(h, entries, TODAY, START).current
