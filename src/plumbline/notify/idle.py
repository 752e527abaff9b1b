"""How long the desktop has had no keyboard or mouse input, for natural breaks.

Asked of whichever answers: on the session bus GNOME's Mutter IdleMonitor (milliseconds), else
the freedesktop ScreenSaver interface (seconds, as the spec gives it) at either of its two usual
paths; else logind's IdleHint and IdleSinceHint for this session on the system bus. Where none
answers the idle time is unknown (None), never "not idle": nothing is counted and nothing is
reported as broken.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from plumbline.notify import bus as session
from plumbline.notify.bus import NoNotificationService

ANSWER_SECONDS = 2.0
# (bus name, object path, interface, method, seconds per unit the method returns)
SOURCES = (
    ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor",
     "GetIdletime", 0.001),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
     "GetSessionIdleTime", 1.0),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver", "GetSessionIdleTime", 1.0),
)


LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1/session/auto", "org.freedesktop.login1.Session")


class IdleMonitor:
    def __init__(self, wall: Callable[[], float] = time.time) -> None:
        self.bus: Any = None
        self.system_bus: Any = None
        self.wall = wall  # logind gives the moment idleness began, on the real-time clock
        self.sources = list(SOURCES)  # the one that answered last is asked first

    async def idle_seconds(self) -> float | None:
        found = await self._from_session_bus()
        return found if found is not None else await self._from_logind()

    async def _from_session_bus(self) -> float | None:
        if self.bus is None or not self.bus.connected:
            try:
                self.bus = await session.connect(ANSWER_SECONDS)
            except NoNotificationService:
                return None
        for source in list(self.sources):
            name, path, interface, member, unit = source
            try:
                reply = await session.call(self.bus, name, path, interface, member, timeout=ANSWER_SECONDS)
            except TimeoutError:
                continue
            if not session.is_error(reply):
                self.sources.remove(source)
                self.sources.insert(0, source)
                return float(reply.body[0]) * unit
        return None

    async def _from_logind(self) -> float | None:
        try:
            if self.system_bus is None or not self.system_bus.connected:
                from dbus_fast import BusType
                from dbus_fast.aio import MessageBus

                self.system_bus = await asyncio.wait_for(MessageBus(bus_type=BusType.SYSTEM).connect(), ANSWER_SECONDS)
            name, path, interface = LOGIND
            reply = await session.call(self.system_bus, name, path, "org.freedesktop.DBus.Properties", "GetAll",
                                       "s", [interface], timeout=ANSWER_SECONDS)
        except Exception:  # noqa: BLE001 - no system bus, no logind, no session: idle time unknown
            return None
        if session.is_error(reply) or "IdleHint" not in reply.body[0]:
            return None
        properties = reply.body[0]
        if not properties["IdleHint"].value:
            return 0.0
        since = properties["IdleSinceHint"].value / 1_000_000  # microseconds since the epoch
        return max(0.0, self.wall() - since)

    def close(self) -> None:
        for bus in (self.bus, self.system_bus):
            if bus is not None:
                bus.disconnect()
        self.bus = self.system_bus = None
