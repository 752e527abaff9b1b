"""Reminder settings and the shared break state, kept in the state document under the store's lock.

The app and the `plumbline remind` service both read and write here, so a snooze pressed in the
app moves the service's next break too, and `claim` lets exactly one of them send a reminder.
Every change a user makes here is told to the tracker's listeners (changes.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from plumbline.app import changes as changed
from plumbline.app.settings import Settings
from plumbline.domain.reminder_settings import ReminderSettings
from plumbline.domain.reminders import POSTURE_BREAK, BreakState, Reminder, upcoming
from plumbline.storage import state_keys
from plumbline.storage.store import Store

if TYPE_CHECKING:
    from plumbline.app.tracker import Tracker

SETTINGS_KEY = state_keys.REMINDER_SETTINGS
STATE_KEY = state_keys.REMINDER_STATE
SENT_KEY = state_keys.REMINDERS_SENT
SNOOZES_KEY = state_keys.HABIT_SNOOZES
DELIVERY_KEY = state_keys.DELIVERY_SAID
SENT_KEPT = 200  # about two days of reminders: enough to recognise any that is sent twice
STATE_FIELDS = ("last_break", "last_prompt", "snoozed_until", "paused_until")


class Reminders:
    def __init__(self, store: Store, changes: changed.Changes | None = None) -> None:
        self.store = store
        self.changes = changes or changed.Changes()
        self._settings = Settings(store, self.changes.tell)  # the typed state: the settings live there

    # -- settings ------------------------------------------------------------------------------

    def settings(self) -> ReminderSettings:
        return self._settings.reminders()

    def save_settings(self, settings: ReminderSettings) -> None:
        self._settings.save_reminders(settings)

    # -- the shared break state ----------------------------------------------------------------

    def state(self) -> BreakState:
        return _state_from(self.store.meta().get(STATE_KEY, {}))

    def fingerprint(self) -> str:
        """Changes whenever anything that moves the schedule changes, in any process."""
        meta = self.store.meta()
        return repr((meta.get(SETTINGS_KEY), meta.get(STATE_KEY), meta.get(SNOOZES_KEY)))

    def record_break(self, at: dt.datetime) -> None:
        """A break was taken: the countdown restarts from `at` and a snooze is used up."""
        self._change_state(lambda s: s._replace(last_break=_later(s.last_break, at), snoozed_until=None))

    def snooze(self, until: dt.datetime) -> None:
        self._change_state(lambda s: s._replace(snoozed_until=until))

    def habit_snoozes(self) -> dict[str, dt.datetime]:
        return _snoozes_from(self.store.meta().get(SNOOZES_KEY))

    def snooze_habit(self, habit_id: str, until: dt.datetime) -> None:
        """A habit reminder answered with "snooze": it comes again at `until`."""
        def change(meta: dict[str, Any]) -> None:
            kept = {h: t for h, t in _snoozes_from(meta.get(SNOOZES_KEY)).items() if t > until - dt.timedelta(days=1)}
            kept[habit_id] = until
            meta[SNOOZES_KEY] = {h: t.isoformat() for h, t in sorted(kept.items())}

        self.store.update_meta(change)
        self.changes.tell(changed.BREAKS)

    def first_report(self, problem: str) -> bool:
        """True when `problem` was not the last one said in this data dir (and remembers it)."""
        if self.store.meta().get(DELIVERY_KEY) == problem:
            return False
        self.store.update_meta(lambda meta: meta.__setitem__(DELIVERY_KEY, problem))
        return True

    def pause(self, until: dt.datetime | None) -> None:
        self._change_state(lambda s: s._replace(paused_until=until))

    def note_away(self, back: dt.datetime) -> None:
        """Back from a suspend: time away from the desk restarts the countdown, like a prompt."""
        # Not told: the service that noticed the suspend plans anew itself, and nothing the
        # user did changed.
        self._change_state(lambda s: s._replace(last_prompt=_later(s.last_prompt, back)), tell=False)

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
                meta[STATE_KEY] = _state_to(state._replace(last_prompt=_later(state.last_prompt, reminder.at)))
            claimed.append(True)

        self.store.update_meta(change)
        return claimed[0]

    def _change_state(self, change: Callable[[BreakState], BreakState], tell: bool = True) -> None:
        def apply(meta: dict[str, Any]) -> None:
            meta[STATE_KEY] = _state_to(change(_state_from(meta.get(STATE_KEY, {}))))

        self.store.update_meta(apply)
        if tell:
            self.changes.tell(changed.BREAKS)


def upcoming_reminders(tracker: Tracker, settings: ReminderSettings, start: dt.datetime) -> list[Reminder]:
    """The reminders of the 24 hours from `start`, over this user's habits, records and break state."""
    # A reminder depends on this day and this ISO week only: no need to read years of history.
    recent = tracker.store.history(since=start.date() - dt.timedelta(days=8))
    reminders = tracker.reminders
    return upcoming(settings, tracker.habits(), recent, reminders.state(), start, snoozes=reminders.habit_snoozes())


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
