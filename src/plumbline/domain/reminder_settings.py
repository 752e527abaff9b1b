"""Reminder settings: what they are, their defaults, and the one place that validates them.

The stored form and the settings screen's form are the same plain strings, so a value typed in
the app and a value read back from disk go through `parse_settings` alike.
"""

# No `from __future__ import annotations`: `today` loads this module (the day's start hour), and a
# NamedTuple compiles each annotation given as a string, about 2 ms here (docs/performance.md).
import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from plumbline.domain.days import clock_time, day_start
from plumbline.domain.habit import WEEKDAY_NAMES

WORK_DAYS = frozenset(range(5))  # Monday to Friday
BREAK_RANGE = (10, 240)  # minutes; 0 turns posture breaks off
SNOOZE_RANGE = (1, 120)
PAUSE_RANGE = (5, 720)
IDLE_RANGE = (1, 60)
SWITCH_WORDS = {"on": True, "yes": True, "true": True, "off": False, "no": False, "false": False}


class SettingsError(ValueError):
    """One line that names the bad value and says what to write instead."""


class ReminderSettings(NamedTuple):
    work_days: frozenset[int] = WORK_DAYS
    work_start: dt.time = dt.time(9, 0)
    work_end: dt.time = dt.time(17, 0)
    break_minutes: int = 45  # our choice: the articles say to break up long sitting, with no interval
    quiet_start: dt.time | None = dt.time(23, 0)
    quiet_end: dt.time | None = dt.time(7, 0)
    snooze_minutes: int = 10
    pause_minutes: int = 60
    # Natural breaks: this long with no keyboard or mouse input in working hours counts as a
    # posture break and restarts the countdown, as Workrave's natural breaks do.
    natural_breaks: bool = True
    idle_minutes: int = 3
    # Per habit: its reminder times. A habit not named here reminds at its habit file's `time`;
    # an empty tuple turns its reminders off.
    habit_times: Mapping[str, tuple[dt.time, ...]] = MappingProxyType({})  # read-only: one default for all
    # Not a reminder as such, but set on the same screen: before this hour, it is still the day
    # before (a late night still counts for the evening's habits).
    day_starts_at: dt.time = dt.time(0, 0)

    def times_for(self, habit_id: str, habit_time: dt.time | None) -> tuple[dt.time, ...]:
        if habit_id in self.habit_times:
            return self.habit_times[habit_id]
        return (habit_time,) if habit_time else ()

    def in_working_hours(self, moment: dt.datetime) -> bool:
        return moment.weekday() in self.work_days and self.work_start <= moment.time().replace(tzinfo=None) < self.work_end

    def in_quiet_hours(self, moment: dt.time) -> bool:
        if self.quiet_start is None or self.quiet_end is None:
            return False
        if self.quiet_start <= self.quiet_end:
            return self.quiet_start <= moment < self.quiet_end
        return moment >= self.quiet_start or moment < self.quiet_end  # across midnight

    def to_dict(self) -> dict[str, object]:
        """The stored (and the form's) shape: strings a person can read and edit."""
        return {
            "work_days": describe_days(self.work_days),
            "work_hours": f"{self.work_start:%H:%M}-{self.work_end:%H:%M}",
            "break_minutes": str(self.break_minutes),
            "quiet_hours": (
                f"{self.quiet_start:%H:%M}-{self.quiet_end:%H:%M}" if self.quiet_start and self.quiet_end else ""
            ),
            "snooze_minutes": str(self.snooze_minutes),
            "pause_minutes": str(self.pause_minutes),
            "natural_breaks": "on" if self.natural_breaks else "off",
            "idle_minutes": str(self.idle_minutes),
            "habit_times": {hid: describe_times(times) for hid, times in sorted(self.habit_times.items())},
            "day_starts_at": f"{self.day_starts_at:%H:%M}",
        }


def parse_settings(raw: Mapping[str, object]) -> ReminderSettings:
    """Settings from their stored or typed form; a missing key keeps its default."""
    default = ReminderSettings()
    values = {**default.to_dict(), **{k: v for k, v in raw.items() if v is not None}}
    start, end = parse_span(str(values["work_hours"]), "working hours", allow_empty=False)
    if start >= end:  # type: ignore[operator]
        raise SettingsError(
            f"working hours '{values['work_hours']}' end before they start: give them as 09:00-17:00 "
            "(hours across midnight are not supported)"
        )
    quiet_start, quiet_end = parse_span(str(values["quiet_hours"]), "quiet hours", allow_empty=True)
    times = values["habit_times"]
    if not isinstance(times, Mapping):
        raise SettingsError("habit reminder times must be a table of habit id = \"HH:MM, HH:MM\"")
    return ReminderSettings(
        work_days=parse_days(str(values["work_days"])),
        work_start=start,  # type: ignore[arg-type]
        work_end=end,  # type: ignore[arg-type]
        break_minutes=parse_minutes(values["break_minutes"], "posture-break interval", BREAK_RANGE, allow_zero=True),
        quiet_start=quiet_start,
        quiet_end=quiet_end,
        snooze_minutes=parse_minutes(values["snooze_minutes"], "snooze length", SNOOZE_RANGE),
        pause_minutes=parse_minutes(values["pause_minutes"], "pause length", PAUSE_RANGE),
        natural_breaks=parse_switch(values["natural_breaks"], "time away counts as a break"),
        idle_minutes=parse_minutes(values["idle_minutes"], "time away of at least", IDLE_RANGE),
        habit_times={str(hid): parse_times(str(text), f"reminder times of '{hid}'") for hid, text in times.items()},
        day_starts_at=parse_day_start(str(values["day_starts_at"])),
    )


def parse_day_start(text: str) -> dt.time:
    moment = parse_time(text, "day starts at")
    try:
        return day_start(f"{moment:%H:%M}")
    except ValueError:
        raise SettingsError(f"day starts at '{text.strip()}': give a time from 00:00 to 06:00 "
                            "(before it, a check-in counts for the day before)") from None


def parse_time(text: str, what: str) -> dt.time:
    try:
        return clock_time(text)
    except ValueError:
        raise SettingsError(f"{what}: '{text.strip()}' is not a time: write HH:MM, e.g. 22:00") from None


def parse_span(text: str, what: str, allow_empty: bool) -> tuple[dt.time | None, dt.time | None]:
    if not text.strip():
        if allow_empty:
            return None, None
        raise SettingsError(f"{what} are empty: give them as HH:MM-HH:MM, e.g. 09:00-17:00")
    parts = text.replace("to", "-").split("-")
    if len(parts) != 2:
        raise SettingsError(f"{what} '{text}': give them as HH:MM-HH:MM, e.g. 09:00-17:00")
    return parse_time(parts[0], what), parse_time(parts[1], what)


def parse_times(text: str, what: str) -> tuple[dt.time, ...]:
    """Several times of day, "22:00, 07:30"; empty means no reminder."""
    times = sorted({parse_time(part, what) for part in text.replace(";", ",").split(",") if part.strip()})
    return tuple(times)


def describe_times(times: tuple[dt.time, ...]) -> str:
    return ", ".join(f"{t:%H:%M}" for t in times)


def parse_minutes(value: object, what: str, bounds: tuple[int, int], allow_zero: bool = False) -> int:
    low, high = bounds
    text = str(value).strip()
    if text.isdecimal():
        minutes = int(text)
        if low <= minutes <= high or (allow_zero and minutes == 0):
            return minutes
    off = " (0 turns them off)" if allow_zero else ""
    raise SettingsError(f"{what} '{text}': give a whole number of minutes from {low} to {high}{off}")


def parse_switch(value: object, what: str) -> bool:
    text = str(value).strip().lower()
    if text in SWITCH_WORDS:
        return SWITCH_WORDS[text]
    raise SettingsError(f"{what} '{str(value).strip()}': write on or off")


def parse_days(text: str) -> frozenset[int]:
    words = text.lower().replace(",", " ").split()
    if words in (["weekdays"], ["mon-fri"]):
        return WORK_DAYS
    if words in (["daily"], ["every", "day"]):
        return frozenset(range(7))
    if words == ["weekends"]:
        return frozenset({5, 6})
    days = [w[:3] for w in words]
    if days and all(d in WEEKDAY_NAMES for d in days):
        return frozenset(WEEKDAY_NAMES.index(d) for d in days)
    raise SettingsError(f"working days '{text}': write weekdays, daily, or days like mon tue wed thu fri")


def describe_days(days: frozenset[int]) -> str:
    if days == WORK_DAYS:
        return "weekdays"
    if days == frozenset(range(7)):
        return "daily"
    return " ".join(WEEKDAY_NAMES[d] for d in sorted(days))
