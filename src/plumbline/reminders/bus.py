"""Is a desktop notification service there? Asked on the session bus before anything is sent.

plyer's notify-send path ignores notify-send's exit status, so plyer alone cannot tell whether a
notification arrived; `GetServerInformation` answers only when a service owns (or can be started
for) org.freedesktop.Notifications.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from pathlib import Path

NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
ANSWER_SECONDS = 5.0


class NoNotificationService(Exception):
    """Why no desktop notification can be shown, in words a user can act on."""


def session_bus_address(environ: Mapping[str, str] = os.environ) -> str | None:
    """The session bus as libdbus finds it: the variable, else the systemd user bus socket."""
    if environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return environ["DBUS_SESSION_BUS_ADDRESS"]
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime, "bus").is_socket():
        return f"unix:path={runtime}/bus"
    return None


async def server_information(timeout: float = ANSWER_SECONDS) -> str:
    """"name version" of the notification service, or NoNotificationService saying what is missing."""
    from dbus_fast import Message, MessageType
    from dbus_fast.aio import MessageBus

    address = session_bus_address()
    if address is None:
        raise NoNotificationService("there is no D-Bus session bus here (DBUS_SESSION_BUS_ADDRESS is not set)")
    try:
        bus = await asyncio.wait_for(MessageBus(bus_address=address).connect(), timeout)
    except Exception as error:  # noqa: BLE001 - any failure to connect means the same to a user
        raise NoNotificationService(f"the D-Bus session bus at {address} cannot be reached ({error})") from None
    try:
        reply = await asyncio.wait_for(bus.call(Message(
            destination=NOTIFICATIONS, path=NOTIFICATIONS_PATH, interface=NOTIFICATIONS,
            member="GetServerInformation",
        )), timeout)
    except asyncio.TimeoutError:
        raise NoNotificationService(f"the notification service did not answer within {timeout:g} s") from None
    finally:
        bus.disconnect()
    if reply.message_type == MessageType.ERROR:
        raise NoNotificationService(f"nothing on the session bus provides {NOTIFICATIONS} ({reply.error_name})")
    name, _vendor, version, _spec = reply.body
    return f"{name} {version}".strip()
