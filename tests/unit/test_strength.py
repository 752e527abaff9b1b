import datetime as dt

import pytest

from plumbline.domain.entries import Entry
from plumbline.domain.strength import multiplier, strength
from tests.conftest import MONDAY
from tests.unit.helpers import days_from, done_on, habit

D = dt.timedelta(days=1)


def test_one_done_day_from_zero_gives_loops_first_step():
    assert strength(habit(), done_on(MONDAY), MONDAY, MONDAY) == pytest.approx(0.0519, abs=5e-4)


def test_thirty_perfect_days_reach_about_point_eight():
    start = MONDAY - 29 * D
    assert strength(habit(), done_on(*days_from(start, 30)), MONDAY, start) == pytest.approx(0.80, abs=0.01)


def test_half_life_of_a_daily_habit_is_thirteen_days():
    assert multiplier(1.0) ** 13 == pytest.approx(0.5)


def test_a_skipped_day_freezes_the_score():
    start = MONDAY - 5 * D
    entries = done_on(*days_from(start, 5))
    before = strength(habit(), entries, MONDAY - D, start)
    entries[MONDAY] = Entry(MONDAY, skipped=True)
    assert strength(habit(), entries, MONDAY, start) == pytest.approx(before)


def test_a_missed_day_lowers_but_does_not_reset():
    start = MONDAY - 10 * D
    entries = done_on(*days_from(start, 9))
    high = strength(habit(), entries, MONDAY - 2 * D, start)
    after_miss = strength(habit(), entries, MONDAY, start)  # MONDAY - D missed, today pending
    assert 0 < after_miss < high
    assert after_miss == pytest.approx(high * multiplier(1.0))
