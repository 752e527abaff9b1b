"""Each habit is judged from its own first day: a habit added later is never missed before it."""

import datetime as dt

from plumbline.app.tracker import Tracker
from plumbline.domain.habit import Habit, Kind
from tests.conftest import BUILTIN_HABITS, MONDAY

FIRST_USE = dt.date(2026, 11, 2)


def statuses(tracker, habit_id, today):
    from plumbline.app.reviews import week_at

    review = week_at(tracker, today, today).review
    row = next(r for r in review.rows if r.habit.id == habit_id)
    return [status.value for _, status in row.days]


def test_a_habit_added_later_is_not_missed_before_it_was_added(data_dir):
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    tracker.check("knee-pillow", FIRST_USE, today=FIRST_USE)  # the data dir begins here
    stretch = Habit("hip-stretch", "Hip stretch", "mobility", Kind.DO)
    tracker.save_habit(stretch, today=MONDAY + dt.timedelta(days=2))  # added on Wednesday
    sunday = MONDAY + dt.timedelta(days=6)
    assert statuses(tracker, "hip-stretch", sunday)[:2] == ["not_due", "not_due"]
    assert statuses(tracker, "hip-stretch", sunday)[2:] == ["missed"] * 4 + ["pending"]
    assert statuses(tracker, "knees-uncrossed", sunday)[:2] == ["missed", "missed"]  # there from the start
    assert tracker.habit("hip-stretch").started == MONDAY + dt.timedelta(days=2)


def test_a_back_filled_record_moves_the_habits_first_day_back_and_editing_keeps_it(data_dir):
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    tracker.check("knee-pillow", FIRST_USE, today=FIRST_USE)
    stretch = Habit("hip-stretch", "Hip stretch", "mobility", Kind.DO)
    tracker.save_habit(stretch, today=MONDAY)
    tracker.check("hip-stretch", MONDAY - dt.timedelta(days=3), today=MONDAY)
    tracker.save_habit(stretch._replace(name="Hip stretch, both sides"), today=MONDAY + dt.timedelta(days=5))
    assert tracker.habit("hip-stretch").started == MONDAY  # an edit is not a new habit
    friday_before = MONDAY - dt.timedelta(days=3)
    assert statuses(tracker, "hip-stretch", friday_before + dt.timedelta(days=2))[4:] == ["done", "missed", "pending"]
