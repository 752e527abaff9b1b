"""Deliver a reminder: a desktop notification when a service takes it, else in-app with a bell.

Where no notification service exists (a server, an SSH session) that is said once; every
reminder after it still reaches the user through the fallback.
"""

from __future__ import annotations

from collections.abc import Callable

from plumbline.notify.bus import NoNotificationService
from plumbline.notify.sender import Answered, Note, Sender, choose_sender

Show = Callable[[str, str], None]


async def send_once(note: Note, sender: Sender | None = None) -> str:
    """`notify-test`: one notification, then disconnect; the service's name or NoNotificationService."""
    sender = sender or choose_sender()
    try:
        server = await sender.open(lambda note, key: None)
        await sender.send(note)
    finally:
        sender.close()
    return server


class Notifier:
    def __init__(self, sender: Sender, fallback: Show, warn: Callable[[str], None], answered: Answered) -> None:
        self.sender = sender
        self.fallback = fallback
        self.warn = warn
        self.answered = answered
        self.problem: str | None = None  # why reminders show in the app instead, once known

    async def check(self) -> str | None:
        """At start: the service's name, or None after saying (once) why there is none."""
        try:
            server = await self.sender.open(self.answered)
        except NoNotificationService as missing:
            self._say_missing(missing)
            return None
        self.problem = None
        return server

    def _say_missing(self, missing: NoNotificationService) -> None:
        if self.problem is None:
            self.problem = f"no desktop notifications: {missing}; reminders show in the app instead, with the terminal bell"
            self.warn(self.problem)

    async def deliver(self, note: Note) -> bool:
        """True when the desktop service took it; otherwise it was shown through the fallback."""
        try:
            await self.sender.send(note)
        except NoNotificationService as missing:
            self._say_missing(missing)
            self.fallback(note.title, note.message)
            return False
        self.problem = None  # a service that came back: a later loss is said again
        return True

    def close(self) -> None:
        self.sender.close()
