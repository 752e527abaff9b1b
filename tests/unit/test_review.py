import datetime as dt

from plumbline.domain.entries import Entry, Status
from plumbline.domain.habit import Schedule
from plumbline.domain.history import habit_history
from plumbline.domain.pain import one_reading
from plumbline.domain.review import describe_comparison, pain_comparison, week_review
from tests.conftest import MONDAY
from tests.unit.helpers import days_from, done_on, habit

D = dt.timedelta(days=1)
WEDNESDAY = MONDAY + 2 * D


def test_week_rows_have_seven_days_monday_first_and_future_days():
    daily = habit(id="daily")
    review = week_review([daily], {"daily": done_on(MONDAY, MONDAY + D)}, {}, WEDNESDAY, WEDNESDAY, MONDAY - 30 * D)
    row = review.rows[0]
    assert [d for d, _ in row.days] == days_from(MONDAY, 7)
    assert [s for _, s in row.days] == [Status.DONE, Status.DONE, Status.PENDING] + [Status.FUTURE] * 4
    assert (row.done, row.target) == (2, 7)
    assert (review.start, review.end) == (MONDAY, MONDAY + 6 * D)


def test_weekly_habit_is_judged_by_done_and_target():
    three = habit(schedule=Schedule(per_week=3), id="three")
    review = week_review([three], {"three": done_on(MONDAY, WEDNESDAY)}, {}, WEDNESDAY, WEDNESDAY + 7 * D, MONDAY)
    row = review.rows[0]
    assert (row.done, row.target) == (2, 3)
    assert [s for _, s in row.days].count(Status.NOT_DUE) == 5
    assert row.completion == 2 / 3


def test_weekday_habit_target_counts_due_days_and_skips_reduce_it():
    weekdays = habit(schedule=Schedule(weekdays=frozenset(range(5))), id="wd")
    entries = {MONDAY: Entry(MONDAY, skipped=True)}
    row = week_review([weekdays], {"wd": entries}, {}, MONDAY, MONDAY + 7 * D, MONDAY).rows[0]
    assert row.target == 4


def test_completion_counts_only_what_was_due_by_today():
    daily = habit(id="daily")
    review = week_review([daily], {"daily": done_on(MONDAY)}, {}, WEDNESDAY, WEDNESDAY, MONDAY - 7 * D)
    # Monday done, Tuesday missed, Wednesday still pending: half of what was due.
    assert review.completion == 0.5


def test_pain_row_has_seven_days_with_none_where_nothing_was_logged():
    review = week_review([], {}, {MONDAY: one_reading(MONDAY, 4)}, MONDAY, MONDAY, MONDAY)
    assert review.pain[0] == (MONDAY, 4) and review.pain[1] == (MONDAY + D, None) and len(review.pain) == 7
    assert review.pain_average == 4


def test_pain_comparison_needs_enough_days_on_both_sides():
    core = habit(id="core")
    days = days_from(MONDAY - 30 * D, 30)
    entries = done_on(*days[::2])
    pain = {d: one_reading(d, 2 if d in entries else 5) for d in days}
    comparison = pain_comparison(core, entries, pain, MONDAY)
    assert comparison is not None
    assert (comparison.with_habit, comparison.without_habit, comparison.days) == (2, 5, 30)
    sentence = describe_comparison(comparison)
    assert "averaged 2.0" in sentence and "5.0" in sentence and "(15 days)" in sentence
    assert "because" not in sentence and "helps" not in sentence  # an association, never a cause
    few = {d: p for d, p in list(pain.items())[:10]}
    assert pain_comparison(core, entries, few, MONDAY) is None


def test_history_lists_best_runs_longest_first():
    daily = habit()
    start = MONDAY - 40 * D
    entries = done_on(*days_from(start, 10), *days_from(start + 12 * D, 5), *days_from(MONDAY - 3 * D, 4))
    history = habit_history(daily, entries, MONDAY, start)
    assert [r.length for r in history.best_runs] == [10, 5, 4]
    assert history.best_runs[-1].ongoing and history.streaks.current == 4
    assert len(history.weekly_strength) == 52 and all(0 <= s <= 1 for _, s in history.weekly_strength)
    assert history.statuses[MONDAY] is Status.DONE and history.done_days == 19


def test_a_week_before_tracking_began_expects_nothing():
    three = habit(schedule=Schedule(per_week=3), id="three")
    review = week_review([three], {}, {}, MONDAY - 7 * D, WEDNESDAY, MONDAY)
    assert review.rows[0].expected_so_far == 0 and review.completion is None
