"""Every exercise reminder ends with "Stop if it hurts." (issue 14, item 2f)."""

import datetime as dt
from zoneinfo import ZoneInfo

from plumbline.domain.habit import Habit, Kind
from plumbline.domain.reminder_settings import ReminderSettings
from plumbline.domain.reminders import BreakState, habit_message, upcoming
from plumbline.storage.habit_files import load_library
from tests.conftest import BUILTIN_HABITS

EXERCISES = {"core-work", "glute-work", "gentle-mobility", "towel-mobilization"}


def test_every_exercise_reminder_ends_with_stop_if_it_hurts():
    habits = load_library([BUILTIN_HABITS]).by_id()
    for habit_id in EXERCISES:
        assert habit_message(habits[habit_id]).endswith(". Stop if it hurts."), habit_id
    assert habit_message(habits["knee-pillow"]) == "When you sleep on your side, put a pillow between your knees."


def test_the_reminders_planned_for_a_day_carry_it():
    habits = load_library([BUILTIN_HABITS]).habits
    start = dt.datetime(2026, 11, 23, 0, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    planned = [r for r in upcoming(ReminderSettings(), habits, {}, BreakState(), start) if r.habit in EXERCISES]
    assert {r.habit for r in planned} == {"core-work", "gentle-mobility"}  # the two with a time of day
    assert all(r.message.endswith("Stop if it hurts.") for r in planned)


def test_a_habit_without_how_or_with_a_question_still_reads_well():
    bare = Habit("stretch", "Stretch", "mobility", Kind.DO)
    assert habit_message(bare) == "Time for: Stretch. Stop if it hurts."
    asked = bare._replace(how="Ready for your stretch?")
    assert habit_message(asked) == "Ready for your stretch? Stop if it hurts."
