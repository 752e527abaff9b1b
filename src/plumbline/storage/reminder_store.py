"""Reminder settings and the shared break state, kept in the meta document under the store's lock.

The app and the `plumbline remind` service both read and write here, so a snooze pressed in the
app moves the service's next break too, and `claim` lets exactly one of them send a reminder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from plumbline.domain.reminder_settings import ReminderSettings, SettingsError, parse_settings
from plumbline.domain.reminders import POSTURE_BREAK, POSTURE_HABIT, BreakState, Reminder, upcoming
from plumbline.storage.errors import DamagedDatabase
from plumbline.storage.store import Store

if TYPE_CHECKING:
    from plumbline.storage.tracker import Tracker

SETTINGS_KEY = "reminder_settings"
STATE_KEY = "reminder_state"
SENT_KEY = "reminders_sent"
SNOOZES_KEY = "habit_snoozes"
DELIVERY_KEY = "delivery_problem_said"  # the last "no desktop notifications" said in this data dir
SENT_KEPT = 200  # about two days of reminders: enough to recognise any that is sent twice
STATE_FIELDS = ("last_break", "last_prompt", "snoozed_until", "paused_until")


class ReminderStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- settings ------------------------------------------------------------------------------

    def settings(self) -> ReminderSettings:
        raw = self.store.meta().get(SETTINGS_KEY, {})
        try:
            return parse_settings(raw)
        except SettingsError as error:
            raise DamagedDatabase(
                f"reminder settings in {self.store.locations.database}: {error}; "
                "fix them in the app's settings (o)"
            ) from None

    def save_settings(self, settings: ReminderSettings) -> None:
        self.store.update_meta(lambda meta: meta.__setitem__(SETTINGS_KEY, settings.to_dict()))

    # -- the shared break state ----------------------------------------------------------------

    def state(self) -> BreakState:
        return _state_from(self.store.meta().get(STATE_KEY, {}))

    def fingerprint(self) -> str:
        """Changes whenever anything that moves the schedule changes, in any process."""
        meta = self.store.meta()
        return repr((meta.get(SETTINGS_KEY), meta.get(STATE_KEY), meta.get(SNOOZES_KEY)))

    def record_break(self, at: dt.datetime) -> None:
        """A break was taken: the countdown restarts from `at` and a snooze is used up."""
        self._change_state(lambda s: replace(s, last_break=_later(s.last_break, at), snoozed_until=None))

    def snooze(self, until: dt.datetime) -> None:
        self._change_state(lambda s: replace(s, snoozed_until=until))

    def habit_snoozes(self) -> dict[str, dt.datetime]:
        return _snoozes_from(self.store.meta().get(SNOOZES_KEY))

    def snooze_habit(self, habit_id: str, until: dt.datetime) -> None:
        """A habit reminder answered with "snooze": it comes again at `until`."""
        def change(meta: dict[str, Any]) -> None:
            kept = {h: t for h, t in _snoozes_from(meta.get(SNOOZES_KEY)).items() if t > until - dt.timedelta(days=1)}
            kept[habit_id] = until
            meta[SNOOZES_KEY] = {h: t.isoformat() for h, t in sorted(kept.items())}

        self.store.update_meta(change)

    def first_report(self, problem: str) -> bool:
        """True when `problem` was not the last one said in this data dir (and remembers it)."""
        if self.store.meta().get(DELIVERY_KEY) == problem:
            return False
        self.store.update_meta(lambda meta: meta.__setitem__(DELIVERY_KEY, problem))
        return True

    def pause(self, until: dt.datetime | None) -> None:
        self._change_state(lambda s: replace(s, paused_until=until))

    def note_away(self, back: dt.datetime) -> None:
        """Back from a suspend: time away from the desk restarts the countdown, like a prompt."""
        self._change_state(lambda s: replace(s, last_prompt=_later(s.last_prompt, back)))

    def claim(self, reminder: Reminder, min_gap: dt.timedelta) -> bool:
        """True for the one process that may send `reminder`; False if it was sent already (or,
        for a posture break, another was sent less than `min_gap` before it)."""
        claimed: list[bool] = []

        def change(meta: dict[str, Any]) -> None:
            sent = list(meta.get(SENT_KEY, []))
            state = _state_from(meta.get(STATE_KEY, {}))
            recent = (reminder.kind == POSTURE_BREAK and state.last_prompt is not None
                      and abs(reminder.at - state.last_prompt) < min_gap)
            if reminder.id in sent or recent:
                claimed.append(False)
                return
            meta[SENT_KEY] = [*sent, reminder.id][-SENT_KEPT:]
            if reminder.kind == POSTURE_BREAK:
                meta[STATE_KEY] = _state_to(replace(state, last_prompt=_later(state.last_prompt, reminder.at)))
            claimed.append(True)

        self.store.update_meta(change)
        return claimed[0]

    def _change_state(self, change: Callable[[BreakState], BreakState]) -> None:
        def apply(meta: dict[str, Any]) -> None:
            meta[STATE_KEY] = _state_to(change(_state_from(meta.get(STATE_KEY, {}))))

        self.store.update_meta(apply)


def upcoming_reminders(tracker: Tracker, settings: ReminderSettings, start: dt.datetime) -> list[Reminder]:
    """The reminders of the 24 hours from `start`, over this user's habits, records and break state."""
    # A reminder depends on this day and this ISO week only: no need to read years of history.
    recent = tracker.store.history(since=start.date() - dt.timedelta(days=8))
    store = ReminderStore(tracker.store)
    return upcoming(settings, tracker.habits(), recent, store.state(), start, snoozes=store.habit_snoozes())


def take_break(tracker: Tracker, at: dt.datetime) -> None:
    """`b` in the app and `plumbline check posture-breaks`: counts toward the habit, restarts the countdown."""
    day = tracker.today(at)  # a break at 01:30 with the day starting at 03:00 counts for the evening before
    tracker.check(POSTURE_HABIT, day, today=day)
    ReminderStore(tracker.store).record_break(at)


def _later(current: dt.datetime | None, new: dt.datetime) -> dt.datetime:
    return new if current is None or new > current else current


def _state_from(raw: dict[str, Any]) -> BreakState:
    values = {}
    for name in STATE_FIELDS:
        try:
            moment = dt.datetime.fromisoformat(raw[name]) if raw.get(name) else None
            values[name] = moment if moment is None or moment.tzinfo else None
        except (TypeError, ValueError):
            values[name] = None  # an unreadable moment only loses a countdown, never data
    return BreakState(**values)


def _snoozes_from(raw: object) -> dict[str, dt.datetime]:
    found = {}
    for habit_id, text in (raw.items() if isinstance(raw, dict) else ()):
        try:
            moment = dt.datetime.fromisoformat(text)
        except (TypeError, ValueError):
            continue  # an unreadable snooze only loses one repeated reminder
        if moment.tzinfo is not None:
            found[str(habit_id)] = moment
    return found


def _state_to(state: BreakState) -> dict[str, str]:
    return {name: value.isoformat() for name in STATE_FIELDS if (value := getattr(state, name)) is not None}
