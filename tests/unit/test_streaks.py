import datetime as dt

from plumbline.domain.entries import Entry
from plumbline.domain.habit import Kind, Schedule
from plumbline.domain.streaks import streaks
from tests.conftest import MONDAY
from tests.unit.helpers import days_from, done_on, habit

D = dt.timedelta(days=1)
START = MONDAY - 20 * D


def test_run_reaching_today_counts_done_days():
    entries = done_on(*days_from(MONDAY - 4 * D, 5))
    assert (streaks(habit(), entries, MONDAY, START).current, streaks(habit(), entries, MONDAY, START).best) == (5, 5)


def test_today_pending_does_not_break_the_run():
    entries = done_on(*days_from(MONDAY - 3 * D, 3))
    s = streaks(habit(), entries, MONDAY, START)
    assert s.current == 3


def test_a_missed_day_breaks_the_run_but_best_remembers():
    entries = done_on(*days_from(MONDAY - 10 * D, 5), *days_from(MONDAY - 2 * D, 3))
    s = streaks(habit(), entries, MONDAY, START)
    assert (s.current, s.best) == (3, 5)


def test_a_skip_bridges_without_adding():
    entries = done_on(MONDAY - 3 * D, MONDAY - 1 * D)
    entries[MONDAY - 2 * D] = Entry(MONDAY - 2 * D, skipped=True)
    assert streaks(habit(), entries, MONDAY, START).current == 2


def test_a_skip_never_starts_a_run():
    entries = {MONDAY - D: Entry(MONDAY - D, skipped=True)}
    assert streaks(habit(), entries, MONDAY, START).current == 0


def test_not_due_days_bridge_a_weekday_habit():
    weekdays = habit(schedule=Schedule(weekdays=frozenset(range(5))))
    friday = MONDAY - 3 * D
    entries = done_on(friday - D, friday, MONDAY)
    assert streaks(weekdays, entries, MONDAY, START).current == 3


def test_a_count_habit_short_of_its_target_breaks_the_run():
    count = habit(Kind.COUNT, target=6)
    entries = done_on(MONDAY - 2 * D, count=6)
    entries[MONDAY - D] = Entry(MONDAY - D, count=5)
    assert streaks(count, entries, MONDAY, START).current == 0


def test_history_before_the_start_date_is_counted():
    # Back-filled or imported records earlier than the first day of use still form a run.
    entries = done_on(*days_from(START - 5 * D, 26))
    assert streaks(habit(), entries, MONDAY, START).current == 26


def test_weekly_habit_counts_weeks_that_met_the_target():
    three = habit(schedule=Schedule(per_week=3))
    entries = {}
    for weeks_back in (1, 2):
        monday = MONDAY - 7 * weeks_back * D
        entries.update(done_on(monday, monday + 2 * D, monday + 4 * D))
    s = streaks(three, entries, MONDAY, MONDAY - 14 * D)
    assert (s.current, s.best, s.unit) == (2, 2, "weeks")


def test_weekly_habit_in_progress_week_does_not_break():
    three = habit(schedule=Schedule(per_week=3))
    last = MONDAY - 7 * D
    entries = done_on(last, last + D, last + 2 * D, MONDAY + 2 * D)
    assert streaks(three, entries, MONDAY + 3 * D, last).current == 1


def test_weekly_habit_a_short_past_week_breaks():
    three = habit(schedule=Schedule(per_week=3))
    two_ago, last = MONDAY - 14 * D, MONDAY - 7 * D
    entries = done_on(two_ago, two_ago + D, two_ago + 2 * D, last)
    s = streaks(three, entries, MONDAY, two_ago)
    assert (s.current, s.best) == (0, 1)


def test_streaks_as_of_a_past_day_match_a_walk_of_the_history_up_to_it():
    """The weekly review's streaks of a past week, from the runs as of today."""
    import random

    from plumbline.domain.streaks import runs, streaks_as_of

    chance = random.Random(14)
    start = MONDAY - dt.timedelta(days=200)
    today = MONDAY
    schedules = [Schedule.daily(), Schedule(per_week=3), Schedule(weekdays=frozenset({0, 2, 4})),
                 Schedule(every_days=3), Schedule(per_month=4)]
    for schedule in schedules:
        for kind, target in ((Kind.DO, 1), (Kind.LIMIT, 2)):
            h = habit(kind, schedule, target)
            entries = {}
            for day in days_from(start, 201):
                roll = chance.random()
                if roll < 0.05:
                    entries[day] = Entry(day, skipped=True)
                elif roll < 0.8:
                    entries[day] = Entry(day, count=target if kind is Kind.DO else 1)
                elif roll < 0.9 and kind is Kind.LIMIT:
                    entries[day] = Entry(day, count=5)
            all_runs = runs(h, entries, today, start)
            for day in days_from(start, 201):
                assert streaks_as_of(h, entries, all_runs, day, start) == streaks(h, entries, day, start), (schedule, kind, day)
