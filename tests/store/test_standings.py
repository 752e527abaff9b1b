"""Issue 16: the month summaries give exactly what decoding every record gives, and never a stale
number after a month file changes under them: written by another process, or restored."""

from __future__ import annotations

import datetime as dt
import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from plumbline.app.reviews import habit_year, week_at
from plumbline.app.tracker import Tracker
from plumbline.domain.checklist import active_in_order
from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit, Kind, Schedule
from plumbline.domain.history import habit_history
from plumbline.domain.pain import one_reading
from plumbline.domain.review import pain_comparison, week_review
from plumbline.domain.streaks import streaks
from plumbline.domain.strength import strength
from plumbline.storage import backups
from plumbline.storage.locations import Locations
from tests.conftest import BUILTIN_HABITS, MONDAY

SCHEDULES = [Schedule.daily(), Schedule(per_week=2), Schedule(weekdays=frozenset({1, 3})), Schedule(per_month=6),
             Schedule(every_days=4)]
DAYS = 420


def settled(tracker: Tracker) -> Tracker:
    """Every file counts as settled (SETTLED_NS) at once: the tests need not wait to see states kept."""
    tracker.store.now_ns = lambda: time.time_ns() + 60 * 10**9
    return tracker


def filled(data_dir, seed: int) -> Tracker:
    chance = random.Random(seed)
    tracker = settled(Tracker(data_dir, BUILTIN_HABITS))
    first = MONDAY - dt.timedelta(days=DAYS)
    tracker.store.update_meta(lambda meta: meta.update(created=first.isoformat(), notice_seen=True))
    for n, schedule in enumerate(SCHEDULES):
        kind = [Kind.DO, Kind.COUNT, Kind.LIMIT, Kind.AVOID][n % 4]
        tracker.save_habit(Habit(f"gen-{n}", f"Generated {n}", "other", kind, schedule, target=2 if kind.numeric else 1),
                           today=first + dt.timedelta(days=chance.randint(0, DAYS)))
    entries = []
    for habit in tracker.habits():
        rate = chance.uniform(0.4, 0.95)
        for back in range(DAYS + 30, -5, -1):  # some before the data dir began, rest days ahead
            day, roll = MONDAY - dt.timedelta(days=back), chance.random()
            if roll < 0.05 or (back < 0 and roll < 0.3):
                entries.append((habit.id, Entry(day, skipped=True)))
            elif back >= 0 and roll < rate:
                entries.append((habit.id, Entry(day, count=chance.choice([1, 2, 3]) if habit.kind.numeric else 1)))
    pains = [one_reading(MONDAY - dt.timedelta(days=b), chance.randint(0, 10)) for b in range(DAYS) if chance.random() < 0.6]
    tracker.store.put_many(entries, pains)
    return tracker


def expected_week(tracker: Tracker, day: dt.date, today: dt.date):
    """The week as decoding every record makes it."""
    history, pains = tracker.store.history_and_pain()
    habits, start = tracker.habits(), tracker.store.started(today)
    review = week_review(habits, history, pains, day, today, start)
    return review, {r.habit.id: pain_comparison(r.habit, history.get(r.habit.id, {}), pains, review.end) for r in review.rows}


def assert_as_decoded(tracker: Tracker, today: dt.date = MONDAY) -> None:
    history, start = tracker.store.history(), tracker.store.started(today)
    expected = [(h, streaks(h, history.get(h.id, {}), today, start), strength(h, history.get(h.id, {}), today, start))
                for h in active_in_order(tracker.habits())]
    assert tracker.standings(today) == expected
    for day in (today, today - dt.timedelta(days=40), today - dt.timedelta(days=300)):
        assert tuple(week_at(tracker, day, today)) == expected_week(tracker, day, today)
    for habit in tracker.habits()[-6:]:
        assert habit_year(tracker, habit, today) == habit_history(habit, history.get(habit.id, {}), today, start)


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 2**32))
def test_summaries_give_what_decoding_every_record_gives(tmp_path_factory, seed):
    data_dir = tmp_path_factory.mktemp("data")
    tracker = filled(data_dir, seed)
    assert_as_decoded(tracker)  # worked out and kept
    assert_as_decoded(settled(Tracker(data_dir, BUILTIN_HABITS)))  # read back from the file
    assert (Locations(data_dir).cache_dir / "standings.json").exists()


def test_a_month_written_by_another_process_leaves_no_stale_summary(data_dir, cli):
    tracker = filled(data_dir, 1)
    assert_as_decoded(tracker)
    result = cli("check", "gen-0", "--date", "2026-03-10")  # a real second process, an old month
    assert result.code == 0, result.err
    assert_as_decoded(tracker)
    other = settled(Tracker(data_dir, BUILTIN_HABITS))
    other.skip("gen-2", dt.date(2025, 12, 2), today=MONDAY)
    assert_as_decoded(tracker)


def test_a_month_restored_from_a_backup_leaves_no_stale_summary(data_dir):
    tracker = filled(data_dir, 2)
    backup = backups.take_backup(tracker.locations, "before")
    assert backup is not None
    for day in range(1, 29):
        tracker.check("gen-0", dt.date(2026, 2, day), today=MONDAY)  # February as the summaries see it
    assert_as_decoded(tracker)
    (data_dir / "entries" / "2026-02.json").write_bytes(b"{ damaged")
    backups.restore(tracker.locations, backup, dt.datetime(2026, 11, 23, 9))  # February as it was
    assert_as_decoded(tracker)


def test_a_changed_schedule_or_a_record_before_the_first_day_works_a_habit_out_afresh(data_dir):
    tracker = filled(data_dir, 3)
    assert_as_decoded(tracker)
    habit = tracker.habit("gen-1")
    tracker.save_habit(habit._replace(schedule=Schedule(per_week=5)))
    assert_as_decoded(tracker)
    tracker.check("gen-3", MONDAY - dt.timedelta(days=DAYS + 200), today=MONDAY)  # long before it began
    assert_as_decoded(tracker)
    added_later = max(tracker.habits(), key=lambda h: h.started or dt.date.min)
    assert added_later.started is not None and added_later.started > MONDAY - dt.timedelta(days=DAYS - 30)
    # Filled in before the habit was added, after the data dir began: its first day moves back.
    tracker.check(added_later.id, added_later.started - dt.timedelta(days=20), today=MONDAY)
    assert_as_decoded(tracker)
