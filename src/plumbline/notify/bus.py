"""The session bus: where it is, connecting to it, and one call with a time limit.

Shared by the notification sender and the idle monitor. Every failure here becomes a
NoNotificationService (or None, for the idle monitor) in words a user can act on.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

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


async def connect(timeout: float = ANSWER_SECONDS) -> Any:
    """A connected dbus-fast MessageBus on the session bus, or NoNotificationService."""
    from dbus_fast.aio import MessageBus

    address = session_bus_address()
    if address is None:
        raise NoNotificationService("there is no D-Bus session bus here (DBUS_SESSION_BUS_ADDRESS is not set); "
                                    "run plumbline inside a desktop session")
    try:
        return await asyncio.wait_for(MessageBus(bus_address=address).connect(), timeout)
    except Exception as error:  # noqa: BLE001 - any failure to connect means the same to a user
        raise NoNotificationService(f"the D-Bus session bus at {address} cannot be reached ({error})") from None


async def call(bus: Any, destination: str, path: str, interface: str, member: str,
               signature: str = "", body: Sequence[Any] = (), timeout: float = ANSWER_SECONDS) -> Any:
    """The reply (which may be an error reply); asyncio.TimeoutError when none comes in time."""
    from dbus_fast import Message

    message = Message(destination=destination, path=path, interface=interface, member=member,
                      signature=signature, body=list(body))
    return await asyncio.wait_for(bus.call(message), timeout)


def is_error(reply: Any) -> bool:
    from dbus_fast import MessageType

    return reply is None or reply.message_type == MessageType.ERROR
