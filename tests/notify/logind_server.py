"""Plays logind's session object on a test "system" bus: IdleHint and IdleSinceHint as set.

Run as `python logind_server.py BUS_ADDRESS`; prints "ready" once it owns the name.
"""

import asyncio
import sys

from bus_server import serve
from dbus_fast.constants import PropertyAccess
from dbus_fast.service import ServiceInterface, dbus_property, method

NAME = "org.freedesktop.login1"
PATH = "/org/freedesktop/login1/session/auto"
CONTROL = "org.plumbline.TestLogind"


class Session(ServiceInterface):
    def __init__(self) -> None:
        super().__init__("org.freedesktop.login1.Session")
        self.idle = False
        self.since_us = 0

    @dbus_property(access=PropertyAccess.READ)
    def IdleHint(self) -> "b":  # noqa: F821
        return self.idle

    @dbus_property(access=PropertyAccess.READ)
    def IdleSinceHint(self) -> "t":  # noqa: F821
        return self.since_us


class Control(ServiceInterface):
    def __init__(self, session: Session) -> None:
        super().__init__(CONTROL)
        self.session = session

    @method()
    def Set(self, idle: "b", since_us: "t") -> None:  # noqa: F821
        self.session.idle, self.session.since_us = idle, since_us


if __name__ == "__main__":
    session = Session()
    asyncio.run(serve(sys.argv[1], NAME, PATH, session, Control(session)))
