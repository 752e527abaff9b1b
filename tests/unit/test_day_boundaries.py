"""Where one day ends and the next begins: the day-start hour, a DST change, a leap day."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from plumbline.domain.days import habit_day
from plumbline.domain.habit import Schedule
from plumbline.domain.streaks import monday_of, streaks
from plumbline.domain.strength import strength
from tests.unit.helpers import days_from, done_on, habit

BERLIN = ZoneInfo("Europe/Berlin")
THREE = dt.time(3, 0)


def test_before_the_day_starts_it_is_still_the_evening_before():
    assert habit_day(dt.datetime(2026, 11, 24, 1, 30), THREE) == dt.date(2026, 11, 23)
    assert habit_day(dt.datetime(2026, 11, 24, 3, 0), THREE) == dt.date(2026, 11, 24)
    assert habit_day(dt.datetime(2026, 11, 24, 1, 30)) == dt.date(2026, 11, 24)


def test_day_start_across_the_dst_change_uses_wall_clock_time():
    # 2026-10-25 in Berlin: 03:00 summer time becomes 02:00 winter time, so 02:30 happens twice.
    first = dt.datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0)
    second = dt.datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1)
    assert first.utcoffset() != second.utcoffset()
    assert habit_day(first, THREE) == habit_day(second, THREE) == dt.date(2026, 10, 24)
    assert habit_day(dt.datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN), THREE) == dt.date(2026, 3, 29)


def test_a_streak_runs_through_the_dst_sundays():
    for sunday in (dt.date(2026, 3, 29), dt.date(2026, 10, 25)):
        start = sunday - dt.timedelta(days=3)
        entries = done_on(*days_from(start, 7))
        assert streaks(habit(), entries, start + dt.timedelta(days=6), start).current == 7


def test_a_streak_runs_through_a_leap_day_and_the_new_year():
    start = dt.date(2028, 2, 27)
    entries = done_on(*days_from(start, 4))  # 27, 28, 29 Feb, 1 Mar
    assert dt.date(2028, 2, 29) in entries
    assert streaks(habit(), entries, dt.date(2028, 3, 1), start).current == 4
    new_year = done_on(*days_from(dt.date(2027, 12, 30), 4))
    assert streaks(habit(), new_year, dt.date(2028, 1, 2), dt.date(2027, 12, 30)).current == 4


def test_iso_weeks_across_a_leap_day_and_a_year_end():
    assert monday_of(dt.date(2028, 3, 1)) == dt.date(2028, 2, 28)
    assert monday_of(dt.date(2027, 1, 1)) == dt.date(2026, 12, 28)  # ISO week 53 of 2026
    weekly = habit(schedule=Schedule(per_week=2))
    entries = done_on(dt.date(2026, 12, 28), dt.date(2027, 1, 2), dt.date(2027, 1, 4), dt.date(2027, 1, 6))
    assert streaks(weekly, entries, dt.date(2027, 1, 7), dt.date(2026, 12, 28)).current == 2


def test_strength_counts_the_leap_day_as_a_day():
    start = dt.date(2028, 2, 1)
    all_february = done_on(*days_from(start, 29))
    assert strength(habit(), all_february, dt.date(2028, 2, 29), start) > strength(
        habit(), done_on(*days_from(start, 28)), dt.date(2028, 2, 29), start)


def test_a_day_starts_between_midnight_and_six_by_one_rule():
    from plumbline.domain.days import day_start

    assert day_start("03:00") == dt.time(3, 0) and day_start("0:30") == dt.time(0, 30)
    for bad in ("06:01", "12:00", "3 am", ""):
        with pytest.raises(ValueError):
            day_start(bad)
