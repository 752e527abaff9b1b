"""What a reminder looks like on its way to the desktop, and what every way of sending offers.

Two senders exist: `dbus_sender` speaks to org.freedesktop.Notifications on the session bus
(Linux and the BSDs: actions, replacement, an expiry the server honours), and `plyer_sender` serves
macOS and Windows through plyer. `choose_sender` picks the one for this platform.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from plumbline.domain.reminders import Reminder

APP_NAME = "plumbline"
# Long enough to read and answer, short enough that a break not taken does not sit on screen all
# day (plyer's notify-send route sent 0, "never expires").
EXPIRE_SECONDS = 20
DONE, SNOOZE = "done", "snooze"


@dataclass(frozen=True)
class Note:
    title: str
    message: str
    # One unanswered notification per slot: a new posture break replaces the last one unanswered.
    slot: str = "test"
    actions: tuple[tuple[str, str], ...] = ()  # (key, label): shown where the server has buttons
    reminder: Reminder | None = None


Answered = Callable[[Note, str], None]  # the note, and the action key the user chose


class Sender(Protocol):
    async def open(self, answered: Answered) -> str:
        """Connect; the service's name, or NoNotificationService saying what is missing."""

    async def send(self, note: Note) -> None:
        """Show `note`; raises NoNotificationService when it could not be shown."""

    def close(self) -> None: ...


def choose_sender() -> Sender:
    if sys.platform in ("darwin", "win32"):
        from plumbline.notify.plyer_sender import PlyerSender

        return PlyerSender()
    from plumbline.notify.dbus_sender import DBusSender

    return DBusSender()
