"""Which reminders fall in the next 24 hours: posture breaks in working hours and habit reminders.

Pure: settings, habits, their entries, the break state and an aware `start` go in, plain
Reminder objects come out. Times are local wall-clock times in `start`'s zone; the gap between
posture breaks is real elapsed time (computed in UTC), so a 45-minute interval stays 45 minutes
across a DST change while a 22:00 habit reminder stays at 22:00 local.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from plumbline.domain.entries import Entry, is_done, is_due
from plumbline.domain.habit import POSTURE_HABIT, Habit
from plumbline.domain.reminder_settings import ReminderSettings
from plumbline.domain.streaks import period_counts, period_start

POSTURE_BREAK = "posture-break"
HABIT = "habit"
HORIZON = dt.timedelta(hours=24)
BREAK_TITLE = "Posture break"
UTC = dt.UTC

# Drawn from the guidance the habits carry (knees uncrossed, both feet, breaks from sitting,
# the gentle pelvic tilt); rotated so that one break rarely repeats the last.
BREAK_PROMPTS = (
    "Stand up with care and walk a few steps, then sit back down tall.",
    "Uncross your knees and set both feet flat on the floor.",
    "Stand for a moment with your weight spread over both feet and your knees softly bent.",
    "Get up and walk around for a minute; come back to sitting tall, not slumped.",
    "If you can lie down: knees bent, feet flat, slowly rock your pelvis between a flat and a "
    "slightly arched lower back. Stop if it hurts.",
)

History = Mapping[str, Mapping[dt.date, Entry]]
Snoozes = Mapping[str, dt.datetime]  # habit id -> when its snoozed reminder comes again


class Reminder(NamedTuple):
    at: dt.datetime
    kind: str  # POSTURE_BREAK or HABIT
    habit: str | None
    title: str
    message: str

    @property
    def id(self) -> str:
        """The same in every process that plans the same reminder; UTC so a DST fold cannot collide."""
        return f"{self.kind}/{self.habit or '-'}/{self.at.astimezone(UTC):%Y-%m-%dT%H:%MZ}"

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(timespec="minutes"), "kind": self.kind, "habit": self.habit,
                "title": self.title, "message": self.message}


class BreakState(NamedTuple):
    """What moves the posture-break countdown; shared by the app and the reminder service."""

    last_break: dt.datetime | None = None  # a break taken: `b` in the app, or checking the habit
    last_prompt: dt.datetime | None = None  # a prompt sent, or the return from a suspend
    snoozed_until: dt.datetime | None = None
    paused_until: dt.datetime | None = None  # no reminder of any kind before this


def upcoming(settings: ReminderSettings, habits: Sequence[Habit], history: History, state: BreakState,
             start: dt.datetime, horizon: dt.timedelta = HORIZON, snoozes: Snoozes | None = None) -> list[Reminder]:
    """The reminders from `start` (aware) until `start + horizon`, in time order."""
    if start.tzinfo is None:
        raise ValueError("start must carry its time zone")
    end = elapsed(start, horizon)
    by_id = {h.id: h for h in habits if not h.archived}
    found = [*posture_breaks(settings, by_id.get(POSTURE_HABIT), history, state, start, end),
             *habit_reminders(settings, by_id.values(), history, start, end),
             *snoozed_reminders(snoozes or {}, by_id, history, start, end)]
    paused = utc(state.paused_until) if state.paused_until else None
    kept = [r for r in found if not settings.in_quiet_hours(r.at.time().replace(tzinfo=None))
            and not (paused and utc(r.at) < paused)]
    return sorted(kept, key=lambda r: (utc(r.at), r.kind, r.habit or ""))


# Python compares two datetimes of the same zone by their wall clocks, ignoring DST folds, so
# every comparison and difference below is made on UTC values.


def posture_breaks(settings: ReminderSettings, habit: Habit | None, history: History, state: BreakState,
                   start: dt.datetime, end: dt.datetime) -> list[Reminder]:
    """A break one interval after the last one (or the start of the working day), inside working
    hours only. An overdue break is due once, now: never a burst of the ones that were missed."""
    if habit is None or settings.break_minutes == 0:
        return []
    interval = dt.timedelta(minutes=settings.break_minutes)
    entries = history.get(POSTURE_HABIT, {})
    marks = [utc(t) for t in (state.last_break, state.last_prompt) if t]
    snoozed = utc(state.snoozed_until) if state.snoozed_until else None
    found: list[Reminder] = []
    for day in local_days(start, end):
        entry = entries.get(day)
        if day.weekday() not in settings.work_days or (entry is not None and entry.skipped):
            continue
        opens, closes = utc(local(day, settings.work_start, start)), utc(local(day, settings.work_end, start))
        origin = max([t for t in marks if opens <= t < closes], default=opens)
        due = utc(ceil_minute(origin + interval))  # whole minutes, so every process plans the same
        if snoozed and origin < snoozed < closes:
            due = snoozed
        due = max(due, utc(ceil_minute(start)))
        while due < min(closes, utc(end)):
            slot = int((due - opens) / interval)
            message = BREAK_PROMPTS[(slot + day.toordinal()) % len(BREAK_PROMPTS)]
            found.append(Reminder(due.astimezone(start.tzinfo), POSTURE_BREAK, None, BREAK_TITLE, message))
            due += interval
    return found


def habit_reminders(settings: ReminderSettings, habits: Iterable[Habit], history: History,
                    start: dt.datetime, end: dt.datetime) -> list[Reminder]:
    """Each habit at its times on the days it still asks for: not when done or skipped that day."""
    found = []
    for habit in habits:
        times = settings.times_for(habit.id, habit.time)
        if habit.id == POSTURE_HABIT or not times:
            continue
        entries = history.get(habit.id, {})
        for day in local_days(start, end):
            if not still_asks(habit, entries, day):
                continue
            for time in times:
                at = local(day, time, start)
                if utc(start) <= utc(at) < utc(end):
                    found.append(Reminder(at, HABIT, habit.id, habit.name, habit_message(habit)))
    return found


def snoozed_reminders(snoozes: Snoozes, habits: Mapping[str, Habit], history: History,
                      start: dt.datetime, end: dt.datetime) -> list[Reminder]:
    """A habit reminder answered with "snooze" comes once more at its time, if still wanted then."""
    found = []
    for habit_id, at in snoozes.items():
        habit = habits.get(habit_id)
        if habit is None or not utc(start) <= utc(at) < utc(end):
            continue
        at = at.astimezone(start.tzinfo)
        if still_asks(habit, history.get(habit_id, {}), at.date()):
            found.append(Reminder(at, HABIT, habit.id, habit.name, habit_message(habit)))
    return found


def still_asks(habit: Habit, entries: Mapping[dt.date, Entry], day: dt.date) -> bool:
    entry = entries.get(day)
    if entry is not None and (entry.skipped or is_done(habit, entry)):
        return False
    if habit.schedule.period:
        done, _ = period_counts(habit, entries, period_start(habit.schedule, day))
        return done < habit.schedule.per_period  # N a week or month: remind until it has its N
    return is_due(habit, entries, day)


# Exercises: their reminders end with the caution that must come with every exercise.
EXERCISE_CATEGORIES = ("mobility", "strength")
STOP_IF_IT_HURTS = "Stop if it hurts."


def habit_message(habit: Habit) -> str:
    """The first sentence of the habit's own how-to, so the nudge says what to do; an exercise's
    ends with "Stop if it hurts."."""
    how = habit.how.strip()
    end = how.find(". ")
    message = (how if end < 0 else how[: end + 1]) if how else f"Time for: {habit.name}"
    if habit.category in EXERCISE_CATEGORIES:
        message = f"{message}{'' if message.endswith(('.', '!', '?')) else '.'} {STOP_IF_IT_HURTS}"
    return message


def next_break(reminders: Sequence[Reminder]) -> Reminder | None:
    return next((r for r in reminders if r.kind == POSTURE_BREAK), None)


# -- local time arithmetic ---------------------------------------------------------------------


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(UTC)


def elapsed(moment: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """`moment + delta` in real elapsed time (aware arithmetic in one zone is wall-clock time)."""
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def local(day: dt.date, time: dt.time, like: dt.datetime) -> dt.datetime:
    """`time` on `day` on the wall clock of `like`'s zone; a time skipped by a DST change is
    normalised through UTC to the real instant (02:30 on a spring-forward day reads 03:30)."""
    return dt.datetime.combine(day, time, tzinfo=like.tzinfo).astimezone(UTC).astimezone(like.tzinfo)


def local_days(start: dt.datetime, end: dt.datetime) -> list[dt.date]:
    first, last = start.date(), end.astimezone(start.tzinfo).date()
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def ceil_minute(moment: dt.datetime) -> dt.datetime:
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else elapsed(whole, dt.timedelta(minutes=1))
