"""What plumbline remembers of a user besides their records, typed: the reminder settings (with
the hour their day starts), the first day of use, the notices seen, the theme.

Front ends ask here instead of reading keys of the state document (storage/state_keys.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from plumbline.app import changes as changed
from plumbline.domain.days import MIDNIGHT, day_start
from plumbline.errors import DamagedDatabase
from plumbline.storage import state_keys
from plumbline.storage.store import Store

if TYPE_CHECKING:  # loaded when asked for: `today` and `check` need only the day's start
    from plumbline.domain.reminder_settings import ReminderSettings

# The notices a user sees once per data dir.
APP_NOTICE = state_keys.NOTICE_SEEN
SHELL_NOTICE = state_keys.SHELL_NOTICE_SEEN


class Settings:
    def __init__(self, store: Store, tell: Callable[[str], None]) -> None:
        self.store = store
        self._tell = tell

    def reminders(self) -> ReminderSettings:
        from plumbline.domain.reminder_settings import SettingsError, parse_settings

        try:
            return parse_settings(self.store.meta().get(state_keys.REMINDER_SETTINGS, {}))
        except SettingsError as error:
            raise DamagedDatabase(f"reminder settings in {self.store.locations.database}: {error}; "
                                  "fix them in the app's settings (o)") from None

    def save_reminders(self, settings: ReminderSettings) -> None:
        self.store.update_meta(lambda meta: meta.__setitem__(state_keys.REMINDER_SETTINGS, settings.to_dict()))
        self._tell(changed.SETTINGS)

    def day_starts_at(self) -> dt.time:
        """Set on the settings screen with the reminder settings; a bad stored value (which the
        settings screen reports) leaves days starting at midnight rather than stopping them."""
        # The one field, by the days' own rule (domain/days.py): every `today` and `check` asks
        # this, and the whole settings model is not needed for it.
        stored = self.store.meta().get(state_keys.REMINDER_SETTINGS, {})
        try:
            return day_start(stored.get("day_starts_at", "00:00"))
        except (AttributeError, TypeError, ValueError):
            return MIDNIGHT

    def seen(self, notice: str) -> bool:
        return bool(self.store.meta().get(notice))

    def mark_seen(self, notice: str, today: dt.date) -> None:
        """A notice dismissed: using plumbline begins today, if it had not begun."""
        self.store.ensure_created(today)
        self.store.update_meta(lambda meta: meta.__setitem__(notice, True))

    def first_time(self, notice: str, *seen_as: str) -> bool:
        """True once per data dir for `notice` (never if one of `seen_as` was seen), and remembers it."""
        if self.seen(notice) or any(self.seen(other) for other in seen_as):
            return False
        self.store.update_meta(lambda meta: meta.__setitem__(notice, True))
        return True

    def theme(self) -> str | None:
        return self.store.meta().get(state_keys.THEME)

    def save_theme(self, name: str) -> None:
        if self.theme() != name:
            self.store.update_meta(lambda meta: meta.__setitem__(state_keys.THEME, name))
