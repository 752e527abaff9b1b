import datetime as dt

import pytest

from plumbline.domain.entries import Entry, Status, checked, day_status, decremented, skipped
from plumbline.domain.habit import Kind, Schedule
from tests.conftest import MONDAY
from tests.unit.helpers import habit

SUNDAY = MONDAY + dt.timedelta(days=6)
START = MONDAY - dt.timedelta(days=30)


def test_daily_schedule_is_due_every_day():
    assert all(Schedule.daily().due_on(MONDAY + dt.timedelta(days=i)) for i in range(7))


def test_weekday_schedule_is_due_only_on_its_days():
    s = Schedule(weekdays=frozenset({0, 2}))
    assert [s.due_on(MONDAY + dt.timedelta(days=i)) for i in range(7)] == [True, False, True, False, False, False, False]


def test_per_week_schedule_has_no_due_day():
    assert not Schedule(per_week=3).due_on(MONDAY)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("daily", Schedule.daily()),
        ("3 a week", Schedule(per_week=3)),
        ("3 times a week", Schedule(per_week=3)),
        ("mon wed fri", Schedule(weekdays=frozenset({0, 2, 4}))),
        ("Monday, Thursday", Schedule(weekdays=frozenset({0, 3}))),
        ("weekdays", Schedule(weekdays=frozenset(range(5)))),
    ],
)
def test_schedule_from_words(words, expected):
    assert Schedule.from_words(words) == expected


@pytest.mark.parametrize("words", ["", "often", "9 a week", "mon funday"])
def test_schedule_from_words_rejects_nonsense(words):
    with pytest.raises(ValueError):
        Schedule.from_words(words)


def test_describe():
    assert Schedule.daily().describe() == "daily"
    assert Schedule(per_week=3).describe() == "3 times a week"
    assert Schedule(weekdays=frozenset(range(5))).describe() == "weekdays"


def test_statuses_of_a_daily_habit():
    h = habit()
    yesterday = MONDAY - dt.timedelta(days=1)
    assert day_status(h, None, MONDAY, MONDAY, START) is Status.PENDING
    assert day_status(h, None, yesterday, MONDAY, START) is Status.MISSED
    assert day_status(h, Entry(yesterday, count=1), yesterday, MONDAY, START) is Status.DONE
    assert day_status(h, Entry(yesterday, skipped=True), yesterday, MONDAY, START) is Status.SKIPPED
    assert day_status(h, None, MONDAY + dt.timedelta(days=1), MONDAY, START) is Status.FUTURE


def test_days_before_tracking_started_are_not_missed():
    assert day_status(habit(), None, START - dt.timedelta(days=1), MONDAY, START) is Status.NOT_DUE


def test_the_checklist_day_is_pending_even_before_tracking_started():
    assert day_status(habit(), None, START - dt.timedelta(days=5), START - dt.timedelta(days=5), START) is Status.PENDING


def test_count_habit_is_done_only_at_its_target():
    h = habit(Kind.COUNT, target=6)
    past = MONDAY - dt.timedelta(days=1)
    assert day_status(h, Entry(past, count=5), past, MONDAY, START) is Status.MISSED
    assert day_status(h, Entry(past, count=6), past, MONDAY, START) is Status.DONE
    assert day_status(h, Entry(MONDAY, count=2), MONDAY, MONDAY, START) is Status.PENDING


def test_weekday_habit_off_day_is_not_due():
    h = habit(schedule=Schedule(weekdays=frozenset(range(5))))
    assert day_status(h, None, SUNDAY, SUNDAY, START) is Status.NOT_DUE


def test_checking_a_yes_no_habit_twice_is_the_same_as_once():
    h = habit()
    once = checked(h, None, MONDAY)
    assert checked(h, once, MONDAY) == once == Entry(MONDAY, count=1)


def test_checking_a_count_habit_adds():
    h = habit(Kind.COUNT, target=6)
    assert checked(h, checked(h, None, MONDAY, 2), MONDAY, 3).count == 5


def test_decrement_to_zero_removes_the_record():
    assert decremented(Entry(MONDAY, count=2)) == Entry(MONDAY, count=1)
    assert decremented(Entry(MONDAY, count=1)) is None


def test_skip_replaces_a_done_record_and_check_replaces_a_skip():
    h = habit()
    rest = skipped(Entry(MONDAY, count=1), MONDAY)
    assert rest.skipped and rest.count == 0
    assert checked(h, rest, MONDAY) == Entry(MONDAY, count=1)
