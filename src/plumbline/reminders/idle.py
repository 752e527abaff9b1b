"""How long the desktop has had no keyboard or mouse input, for natural breaks.

Asked over the session bus of whichever desktop answers: GNOME's Mutter IdleMonitor
(milliseconds), else the freedesktop ScreenSaver interface (seconds, as the spec gives it) at
either of its two usual paths. Where none answers the idle time is unknown (None), never "not
idle": nothing is counted and nothing is reported as broken.
"""

from __future__ import annotations

import asyncio
from typing import Any

from plumbline.reminders import bus as session
from plumbline.reminders.bus import NoNotificationService

ANSWER_SECONDS = 2.0
# (bus name, object path, interface, method, seconds per unit the method returns)
SOURCES = (
    ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor",
     "GetIdletime", 0.001),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
     "GetSessionIdleTime", 1.0),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver", "GetSessionIdleTime", 1.0),
)


class IdleMonitor:
    def __init__(self) -> None:
        self.bus: Any = None
        self.sources = list(SOURCES)  # the one that answered last is asked first

    async def idle_seconds(self) -> float | None:
        if self.bus is None or not self.bus.connected:
            try:
                self.bus = await session.connect(ANSWER_SECONDS)
            except NoNotificationService:
                return None
        for source in list(self.sources):
            name, path, interface, member, unit = source
            try:
                reply = await session.call(self.bus, name, path, interface, member, timeout=ANSWER_SECONDS)
            except asyncio.TimeoutError:
                continue
            if not session.is_error(reply):
                self.sources.remove(source)
                self.sources.insert(0, source)
                return float(reply.body[0]) * unit
        return None

    def close(self) -> None:
        if self.bus is not None:
            self.bus.disconnect()
        self.bus = None
