"""Every N days and N times a month: statuses, streaks, the week's target, reminders, strength."""

import datetime as dt

from plumbline.domain.checklist import habit_row
from plumbline.domain.entries import day_status
from plumbline.domain.habit import Schedule
from plumbline.domain.reminders import still_asks
from plumbline.domain.review import week_review
from plumbline.domain.streaks import current_streak, streaks
from plumbline.domain.strength import strength
from tests.unit.helpers import days_from, done_on, habit

MONDAY = dt.date(2026, 11, 2)
EVERY_3 = habit(schedule=Schedule(every_days=3), id="stretch")
TWICE_A_MONTH = habit(schedule=Schedule(per_month=2), id="massage")


def statuses(h, entries, days, today):
    return [day_status(h, entries.get(d), d, today, MONDAY, entries).value for d in days]


def test_every_3_days_is_due_again_three_days_after_a_done_day():
    entries = done_on(MONDAY, MONDAY + dt.timedelta(days=3))
    week = days_from(MONDAY, 7)
    assert statuses(EVERY_3, entries, week, MONDAY + dt.timedelta(days=6)) == [
        "done", "not_due", "not_due", "done", "not_due", "not_due", "pending"]
    # the days after a missed due day stay due, and each one breaks the run
    assert statuses(EVERY_3, done_on(MONDAY), week[:5], week[4]) == [
        "done", "not_due", "not_due", "missed", "pending"]


def test_every_3_days_streak_counts_done_days_and_bridges_the_free_ones():
    entries = done_on(*[MONDAY + dt.timedelta(days=3 * n) for n in range(5)])  # days 0,3,...,12
    today = MONDAY + dt.timedelta(days=13)
    assert streaks(EVERY_3, entries, today, MONDAY)[:2] == (5, 5)
    assert current_streak(EVERY_3, entries, today, MONDAY).length == 5
    late = MONDAY + dt.timedelta(days=16)  # day 15 was due and missed
    assert streaks(EVERY_3, entries, late, MONDAY)[:2] == (0, 5)


def test_every_3_days_week_target_and_reminders_follow_the_last_done_day():
    entries = done_on(MONDAY)
    review = week_review([EVERY_3], {"stretch": entries}, {}, MONDAY, MONDAY + dt.timedelta(days=1), MONDAY)
    assert (review.rows[0].done, review.rows[0].target) == (1, 3)  # Monday, Thursday, Sunday
    assert not still_asks(EVERY_3, entries, MONDAY + dt.timedelta(days=2))
    assert still_asks(EVERY_3, entries, MONDAY + dt.timedelta(days=3))


def test_twice_a_month_is_judged_by_the_calendar_month():
    november = dt.date(2026, 11, 1)
    entries = done_on(dt.date(2026, 11, 3), dt.date(2026, 11, 20), dt.date(2026, 12, 2))
    today = dt.date(2026, 12, 10)
    assert streaks(TWICE_A_MONTH, entries, today, november) == (1, 1, "months")  # November met; December going
    assert [s.value for s in habit_row(TWICE_A_MONTH, entries, today, november).strip][-1] == "not_due"
    assert habit_row(TWICE_A_MONTH, entries, today, november).period_done == 1
    short = done_on(dt.date(2026, 11, 3), dt.date(2026, 12, 2), dt.date(2026, 12, 9))
    assert streaks(TWICE_A_MONTH, short, dt.date(2027, 1, 5), november)[:2] == (1, 1)  # November short: the first month bridges
    assert streaks(TWICE_A_MONTH, short, dt.date(2027, 2, 5), november)[:2] == (0, 1)  # January missed


def test_twice_a_month_in_a_weeks_review_shows_the_month_so_far():
    entries = done_on(dt.date(2026, 11, 3), dt.date(2026, 11, 20))
    review = week_review([TWICE_A_MONTH], {"massage": entries}, {}, dt.date(2026, 11, 18), dt.date(2026, 11, 25),
                         dt.date(2026, 11, 1))
    row = review.rows[0]
    assert (row.done, row.target) == (2, 2)
    assert [s.value for _, s in row.days].count("done") == 1  # the week itself holds one of them
    assert still_asks(TWICE_A_MONTH, done_on(dt.date(2026, 11, 3)), dt.date(2026, 11, 25))
    assert not still_asks(TWICE_A_MONTH, entries, dt.date(2026, 11, 25))


def test_strength_weighs_each_frequency_as_loop_does():
    daily_for_60 = done_on(*days_from(MONDAY, 60))
    every_3_for_60 = done_on(*days_from(MONDAY, 60)[::3])
    today = MONDAY + dt.timedelta(days=59)
    every = strength(EVERY_3, every_3_for_60, today, MONDAY)
    # Done whenever due for 60 days: strong, if a little slower to build than a daily habit's.
    assert 0.8 < every < strength(habit(), daily_for_60, today, MONDAY)
    assert strength(EVERY_3, done_on(*days_from(MONDAY, 60)[::6]), today, MONDAY) < every


def test_a_monthly_streak_is_told_in_months():
    entries = done_on(dt.date(2026, 11, 3), dt.date(2026, 11, 20))
    assert streaks(TWICE_A_MONTH, entries, dt.date(2026, 12, 1), dt.date(2026, 11, 1)).short_unit == "mo"
    assert streaks(EVERY_3, entries, dt.date(2026, 12, 1), dt.date(2026, 11, 1)).short_unit == "d"
