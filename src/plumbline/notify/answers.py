"""What a reminder offers on the desktop, and what answering it there does.

"Done" records exactly what `plumbline check` records at that moment (same day rules, same
lock): the habit, or for a posture break the break itself. "Snooze" brings the reminder back
after the configured snooze length.
"""

from __future__ import annotations

import datetime as dt

from plumbline.app.breaks import take_break
from plumbline.app.tracker import Tracker
from plumbline.domain.reminder_settings import ReminderSettings
from plumbline.domain.reminders import POSTURE_BREAK, Reminder, elapsed
from plumbline.notify.sender import DONE, SNOOZE, Note


def note_for(reminder: Reminder, settings: ReminderSettings) -> Note:
    snooze = (SNOOZE, f"Snooze {settings.snooze_minutes} min")
    if reminder.kind == POSTURE_BREAK:
        return Note(reminder.title, reminder.message, POSTURE_BREAK, ((DONE, "I took it"), snooze), reminder)
    return Note(reminder.title, reminder.message, f"habit:{reminder.habit}", ((DONE, "Done"), snooze), reminder)


def answer(tracker: Tracker, settings: ReminderSettings, reminder: Reminder, key: str, now: dt.datetime) -> str | None:
    """Carry out the action `key`; what was done, in a line, or None for a key that asks nothing
    (a click on the bubble itself)."""
    if key == DONE and reminder.kind == POSTURE_BREAK:
        take_break(tracker, now)
        return "posture break counted from the notification; the countdown starts again"
    if key == DONE and reminder.habit:
        day = tracker.today(now)
        tracker.check(reminder.habit, day, today=day, clock=lambda: now)
        return f"{reminder.title}: done on {day}, from the notification"
    if key == SNOOZE:
        until = elapsed(now, dt.timedelta(minutes=settings.snooze_minutes))
        store = tracker.reminders
        if reminder.kind == POSTURE_BREAK:
            store.snooze(until)
        elif reminder.habit:
            store.snooze_habit(reminder.habit, until)
        return f"{reminder.title}: snoozed until {until:%H:%M}"
    return None
