"""The pure reminder schedule with an injected `start`: no clock, no I/O, no waiting."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from plumbline.domain.entries import Entry
from plumbline.domain.reminder_settings import ReminderSettings
from plumbline.domain.reminders import (
    BREAK_PROMPTS,
    HABIT,
    POSTURE_BREAK,
    BreakState,
    upcoming,
)
from plumbline.storage.habit_files import load_library
from tests.conftest import BUILTIN_HABITS, MONDAY

BERLIN = ZoneInfo("Europe/Berlin")
HABITS = load_library([BUILTIN_HABITS]).habits
MINUTES_45 = dt.timedelta(minutes=45)


def at(day: dt.date, hh: int, mm: int = 0, zone=BERLIN) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm), tzinfo=zone)


def plan(start, settings=ReminderSettings(), history=None, state=BreakState(), hours=24):
    return upcoming(settings, HABITS, history or {}, state, start, dt.timedelta(hours=hours))


def breaks(reminders):
    return [r.at for r in reminders if r.kind == POSTURE_BREAK]


def habit_times(reminders, habit_id):
    return [r.at for r in reminders if r.kind == HABIT and r.habit == habit_id]


def test_a_monday_from_0830_breaks_every_45_minutes_inside_working_hours():
    reminders = plan(at(MONDAY, 8, 30))
    times = breaks(reminders)
    assert times[0] == at(MONDAY, 9, 45)
    assert all(at(MONDAY, 9) <= t < at(MONDAY, 17) for t in times)
    assert times[-1] == at(MONDAY, 16, 30)
    assert {b - a for a, b in zip(times, times[1:])} == {MINUTES_45}
    assert habit_times(reminders, "knee-pillow") == [at(MONDAY, 22)]
    # Core work is 3 a week with no week done yet: it still asks on Monday evening.
    assert habit_times(reminders, "core-work") == [at(MONDAY, 18)]


def test_no_breaks_on_a_weekend_and_working_days_are_a_setting():
    saturday = MONDAY + dt.timedelta(days=5)
    assert breaks(plan(at(saturday, 8))) == []
    every_day = ReminderSettings(work_days=frozenset(range(7)))
    assert breaks(plan(at(saturday, 8), every_day))[0] == at(saturday, 9, 45)


def test_a_break_taken_early_restarts_the_countdown():
    state = BreakState(last_break=at(MONDAY, 10, 5))
    times = breaks(plan(at(MONDAY, 10, 6), state=state))
    assert times[:2] == [at(MONDAY, 10, 50), at(MONDAY, 11, 35)]


def test_a_sent_prompt_also_restarts_it_so_an_ignored_break_does_not_nag():
    state = BreakState(last_prompt=at(MONDAY, 9, 45))
    assert breaks(plan(at(MONDAY, 9, 46), state=state))[0] == at(MONDAY, 10, 30)


def test_an_overdue_break_is_due_once_now_not_as_a_burst():
    times = breaks(plan(at(MONDAY, 11, 0, )))
    assert times[:2] == [at(MONDAY, 11), at(MONDAY, 11, 45)]
    odd_second = dt.datetime(2026, 11, 23, 11, 0, 20, tzinfo=BERLIN)
    assert breaks(plan(odd_second))[0] == at(MONDAY, 11, 1)  # whole minutes, so ids agree


def test_snooze_moves_the_next_break_and_pause_silences_everything():
    snoozed = BreakState(last_prompt=at(MONDAY, 9, 45), snoozed_until=at(MONDAY, 9, 55))
    assert breaks(plan(at(MONDAY, 9, 46), state=snoozed))[:2] == [at(MONDAY, 9, 55), at(MONDAY, 10, 40)]
    paused = BreakState(paused_until=at(MONDAY, 22, 30))
    reminders = plan(at(MONDAY, 8), state=paused, hours=48)
    assert all(r.at >= at(MONDAY, 22, 30) for r in reminders)
    assert breaks(reminders)[0] == at(MONDAY + dt.timedelta(days=1), 9, 45)


def test_breaks_stop_for_the_day_when_the_habit_is_skipped_and_0_turns_them_off():
    history = {"posture-breaks": {MONDAY: Entry(MONDAY, skipped=True)}}
    assert breaks(plan(at(MONDAY, 8), history=history)) == []
    assert breaks(plan(at(MONDAY, 8), ReminderSettings(break_minutes=0))) == []


@pytest.mark.parametrize("entry", [Entry(MONDAY, count=1), Entry(MONDAY, skipped=True)], ids=["done", "skipped"])
def test_a_habit_reminder_is_not_sent_when_the_habit_is_done_or_skipped_that_day(entry):
    history = {"knee-pillow": {MONDAY: entry}}
    reminders = plan(at(MONDAY, 8), history=history, hours=48)
    assert habit_times(reminders, "knee-pillow") == [at(MONDAY + dt.timedelta(days=1), 22)]


def test_a_weekly_habit_stops_reminding_once_the_week_has_its_count():
    days = [MONDAY - dt.timedelta(days=n) for n in (0,)]
    history = {"core-work": {d: Entry(d, count=1) for d in days}}
    tuesday = MONDAY + dt.timedelta(days=1)
    assert habit_times(plan(at(tuesday, 8), history=history), "core-work") == [at(tuesday, 18)]
    full = {"core-work": {tuesday + dt.timedelta(days=n): Entry(tuesday, count=1) for n in (0, 1, 2)}}
    thursday = MONDAY + dt.timedelta(days=3)
    assert habit_times(plan(at(thursday, 8), history=full), "core-work") == []


def test_quiet_hours_hold_back_habit_reminders_and_breaks():
    quiet = ReminderSettings(quiet_start=dt.time(21, 30), quiet_end=dt.time(7, 0))
    assert habit_times(plan(at(MONDAY, 8), quiet), "knee-pillow") == []
    lunch = ReminderSettings(quiet_start=dt.time(12, 0), quiet_end=dt.time(13, 0))
    times = breaks(plan(at(MONDAY, 8), lunch))
    assert at(MONDAY, 12) not in times and at(MONDAY, 12, 45) not in times
    assert at(MONDAY, 11, 15) in times and at(MONDAY, 13, 30) in times


def test_several_times_per_habit_and_a_habit_switched_off():
    settings = ReminderSettings(habit_times={"knee-pillow": (dt.time(21, 0), dt.time(22, 30)), "core-work": ()})
    reminders = plan(at(MONDAY, 8), settings)
    assert habit_times(reminders, "knee-pillow") == [at(MONDAY, 21), at(MONDAY, 22, 30)]
    assert habit_times(reminders, "core-work") == []


def test_dst_autumn_day_breaks_keep_45_real_minutes_and_22_00_stays_local():
    sunday = dt.date(2026, 10, 25)  # Berlin falls back at 03:00 to 02:00
    night = ReminderSettings(work_days=frozenset(range(7)), work_start=dt.time(0, 30), work_end=dt.time(5, 0),
                             quiet_start=None, quiet_end=None)
    reminders = plan(at(sunday, 0, 0), night)
    times = breaks(reminders)
    gaps = {b.astimezone(dt.UTC) - a.astimezone(dt.UTC) for a, b in zip(times, times[1:])}
    assert gaps == {MINUTES_45}
    assert [t.utcoffset() for t in times].count(dt.timedelta(hours=2)) >= 1
    assert [t.utcoffset() for t in times].count(dt.timedelta(hours=1)) >= 1
    # The wall clock shows 02:xx twice; ids stay distinct because they are in UTC.
    assert len({r.id for r in reminders}) == len(reminders)
    pillow = habit_times(reminders, "knee-pillow")
    assert [(t.hour, t.minute, t.utcoffset()) for t in pillow] == [(22, 0, dt.timedelta(hours=1))]


def test_dst_spring_day_keeps_local_times_and_real_intervals():
    sunday = dt.date(2026, 3, 29)  # Berlin springs forward at 02:00 to 03:00
    settings = ReminderSettings(work_days=frozenset(range(7)), work_start=dt.time(1, 0), work_end=dt.time(5, 0),
                                habit_times={"knee-pillow": (dt.time(2, 30), dt.time(22, 0))},
                                quiet_start=None, quiet_end=None)
    reminders = plan(at(sunday, 0, 0), settings)
    times = breaks(reminders)
    assert times[:2] == [at(sunday, 1, 45), at(sunday, 3, 30)]  # 01:45 + 45 real minutes
    pillow = habit_times(reminders, "knee-pillow")
    assert [f"{t:%H:%M%z}" for t in pillow] == ["03:30+0200", "22:00+0200"]  # 02:30 does not exist


def test_prompts_vary_and_come_from_the_guidance():
    messages = [r.message for r in plan(at(MONDAY, 8)) if r.kind == POSTURE_BREAK]
    assert all(m in BREAK_PROMPTS for m in messages)
    assert all(a != b for a, b in zip(messages, messages[1:]))
    assert len(set(messages)) == len(BREAK_PROMPTS)


def test_json_shape_has_the_offset():
    first = plan(at(MONDAY, 8, 30))[0].to_json()
    assert set(first) == {"at", "kind", "habit", "title", "message"}
    assert first["at"] == "2026-11-23T09:45+01:00"
    assert (first["kind"], first["habit"], first["title"]) == ("posture-break", None, "Posture break")


def test_start_must_be_aware():
    with pytest.raises(ValueError, match="zone"):
        plan(dt.datetime(2026, 11, 23, 8))
