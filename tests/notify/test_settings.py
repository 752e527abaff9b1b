"""Reminder settings: defaults per docs/contract.md, one-line validation, and durable storage."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from plumbline.app.reminders import SETTINGS_KEY, Reminders
from plumbline.domain.reminder_settings import ReminderSettings, SettingsError, parse_settings
from plumbline.domain.reminders import BreakState, Reminder
from plumbline.errors import DamagedDatabase
from plumbline.storage.locations import Locations
from plumbline.storage.store import Store

BERLIN = ZoneInfo("Europe/Berlin")


def test_defaults_a_new_user_gets():
    settings = parse_settings({})
    assert settings == ReminderSettings()
    assert settings.work_days == frozenset(range(5))
    assert (settings.work_start, settings.work_end) == (dt.time(9), dt.time(17))
    assert settings.break_minutes == 45


def test_the_stored_form_reads_back_the_same():
    settings = ReminderSettings(work_days=frozenset({0, 2, 4}), break_minutes=30, quiet_start=None, quiet_end=None,
                                habit_times={"knee-pillow": (dt.time(21, 45), dt.time(22, 30))})
    assert parse_settings(settings.to_dict()) == settings
    assert settings.to_dict()["habit_times"] == {"knee-pillow": "21:45, 22:30"}


@pytest.mark.parametrize(("raw", "named"), [
    ({"work_hours": "17:00-09:00"}, "17:00-09:00"),
    ({"work_hours": "9-5"}, "9"),
    ({"quiet_hours": "23:00-25:00"}, "25:00"),
    ({"break_minutes": "5"}, "'5'"),
    ({"break_minutes": "forty"}, "forty"),
    ({"snooze_minutes": "0"}, "snooze length"),
    ({"work_days": "mon funday"}, "mon funday"),
    ({"habit_times": {"knee-pillow": "22h"}}, "22h"),
])
def test_bad_values_are_named_in_one_line_that_says_what_to_write(raw, named):
    with pytest.raises(SettingsError) as caught:
        parse_settings(raw)
    message = str(caught.value)
    assert named in message and "\n" not in message
    assert any(hint in message for hint in ("give", "write"))


def test_settings_survive_in_the_data_dir_and_damage_is_reported(data_dir):
    reminders = Reminders(Store(Locations(data_dir)))
    assert reminders.settings() == ReminderSettings()
    reminders.save_settings(ReminderSettings(break_minutes=30))
    assert Reminders(Store(Locations(data_dir))).settings().break_minutes == 30
    reminders.store.update_meta(lambda meta: meta.__setitem__(SETTINGS_KEY, {"break_minutes": "x"}))
    named = re.escape(str(Locations(data_dir).database))  # where this device recorded the setting
    with pytest.raises(DamagedDatabase, match=f"{named}.*posture-break interval 'x'"):
        reminders.settings()


def test_claim_lets_one_process_send_a_reminder_once(data_dir):
    first, second = (Reminders(Store(Locations(data_dir))) for _ in range(2))
    at = dt.datetime(2026, 11, 23, 22, 0, tzinfo=BERLIN)
    pillow = Reminder(at, "habit", "knee-pillow", "Pillow", "text")
    assert first.claim(pillow, dt.timedelta(minutes=20)) is True
    assert second.claim(pillow, dt.timedelta(minutes=20)) is False


def test_a_posture_break_claimed_records_the_prompt_and_blocks_a_near_twin(data_dir):
    reminders = Reminders(Store(Locations(data_dir)))
    at = dt.datetime(2026, 11, 23, 11, 0, tzinfo=BERLIN)
    assert reminders.claim(Reminder(at, "posture-break", None, "Posture break", "m"), dt.timedelta(minutes=20))
    assert reminders.state().last_prompt == at
    # Another process that planned the overdue break a few seconds later must not send it again.
    twin = Reminder(at + dt.timedelta(minutes=1), "posture-break", None, "Posture break", "m")
    assert not reminders.claim(twin, dt.timedelta(minutes=20))
    later = Reminder(at + dt.timedelta(minutes=45), "posture-break", None, "Posture break", "m")
    assert reminders.claim(later, dt.timedelta(minutes=20))


def test_break_state_round_trips(data_dir):
    reminders = Reminders(Store(Locations(data_dir)))
    moment = dt.datetime(2026, 11, 23, 10, 5, tzinfo=BERLIN)
    reminders.snooze(moment + dt.timedelta(minutes=10))
    reminders.record_break(moment)
    reminders.pause(moment + dt.timedelta(hours=1))
    state = reminders.state()
    assert state == BreakState(last_break=moment, paused_until=moment + dt.timedelta(hours=1))  # a break ends a snooze


def test_natural_breaks_are_on_for_three_minutes_and_can_be_switched_off():
    assert (ReminderSettings().natural_breaks, ReminderSettings().idle_minutes) == (True, 3)
    settings = parse_settings({"natural_breaks": "Off", "idle_minutes": "5"})
    assert (settings.natural_breaks, settings.idle_minutes) == (False, 5)
    assert parse_settings(settings.to_dict()) == settings
    with pytest.raises(SettingsError, match="'maybe': write on or off"):
        parse_settings({"natural_breaks": "maybe"})
    with pytest.raises(SettingsError, match="'0'.*from 1 to 60"):
        parse_settings({"idle_minutes": "0"})


def test_working_hours_are_the_work_days_between_start_and_end():
    settings = ReminderSettings()
    monday = dt.date(2026, 11, 23)
    at = lambda day, hh, mm=0: dt.datetime.combine(day, dt.time(hh, mm), tzinfo=BERLIN)  # noqa: E731
    assert settings.in_working_hours(at(monday, 9))
    assert not settings.in_working_hours(at(monday, 17))
    assert not settings.in_working_hours(at(monday, 8, 59))
    assert not settings.in_working_hours(at(monday + dt.timedelta(days=5), 10))  # Saturday
