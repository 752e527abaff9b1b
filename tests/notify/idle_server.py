"""Plays GNOME's idle monitor on a test bus: `GetIdletime` answers whatever the test last set.

Run as `python idle_server.py BUS_ADDRESS`; prints "ready" once it owns the name.
"""

import asyncio
import sys

from bus_server import serve
from dbus_fast.service import ServiceInterface, method

NAME = "org.gnome.Mutter.IdleMonitor"
PATH = "/org/gnome/Mutter/IdleMonitor/Core"
CONTROL = "org.plumbline.TestIdle"


class IdleMonitor(ServiceInterface):
    def __init__(self) -> None:
        super().__init__(NAME)
        self.idle_ms = 0

    @method()
    def GetIdletime(self) -> "t":  # noqa: F821
        return self.idle_ms


class Control(ServiceInterface):
    def __init__(self, monitor: IdleMonitor) -> None:
        super().__init__(CONTROL)
        self.monitor = monitor

    @method()
    def Set(self, idle_ms: "t") -> None:  # noqa: F821
        self.monitor.idle_ms = idle_ms


if __name__ == "__main__":
    monitor = IdleMonitor()
    asyncio.run(serve(sys.argv[1], NAME, PATH, monitor, Control(monitor)))
