"""Deliver a reminder: a desktop notification when a service is there, else in-app and a bell.

Where no notification service exists (a server, an SSH session) that is said once; every
reminder after it still reaches the user through the fallback.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from plumbline.reminders import plyer_send
from plumbline.reminders.bus import NoNotificationService, server_information

Show = Callable[[str, str], None]


async def send_desktop(title: str, message: str) -> str:
    """Send one desktop notification; returns the service's name or raises NoNotificationService."""
    server = await server_information()
    try:
        await asyncio.to_thread(plyer_send.send, title, message)
    except Exception as error:  # noqa: BLE001 - plyer raises whatever its backend raises
        raise NoNotificationService(f"{server} did not take the notification ({type(error).__name__}: {error})") from None
    return server


class Notifier:
    def __init__(self, fallback: Show, warn: Callable[[str], None],
                 send: Callable[[str, str], Awaitable[str]] = send_desktop,
                 probe: Callable[[], Awaitable[str]] = server_information) -> None:
        self.fallback = fallback
        self.warn = warn
        self.send = send
        self.probe = probe
        self.warned = False

    async def check(self) -> str | None:
        """At start: the service's name, or None after saying (once) that there is none."""
        try:
            return await self.probe()
        except NoNotificationService as missing:
            self._say_missing(missing)
            return None

    def _say_missing(self, missing: NoNotificationService) -> None:
        if not self.warned:
            self.warned = True
            self.warn(f"no desktop notifications: {missing}; reminders show here instead, with the terminal bell")

    async def deliver(self, title: str, message: str) -> bool:
        """True when the desktop service took it; otherwise it was shown through the fallback."""
        try:
            await self.send(title, message)
            return True
        except NoNotificationService as missing:
            self._say_missing(missing)
            self.fallback(title, message)
            return False
