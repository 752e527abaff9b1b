"""A tiny desktop notification service for tests: owns org.freedesktop.Notifications on the bus
given, and appends every notification it receives to a JSON-lines file.

Run as `python notification_server.py BUS_ADDRESS OUTPUT_FILE`; prints "ready" once it owns the name.
"""

import asyncio
import json
import sys

from dbus_fast import RequestNameReply
from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method

NAME = "org.freedesktop.Notifications"


class Notifications(ServiceInterface):
    def __init__(self, output: str) -> None:
        super().__init__(NAME)
        self.output = output
        self.last_id = 0

    @method()
    def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s", body: "s",  # noqa: F821
               actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":  # noqa: F821
        self.last_id += 1
        record = {"id": self.last_id, "app_name": app_name, "summary": summary, "body": body,
                  "expire_timeout": expire_timeout}
        with open(self.output, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        return self.last_id

    @method()
    def GetServerInformation(self) -> "ssss":  # noqa: F821
        return ["plumbline-test-server", "plumbline", "1.0", "1.2"]

    @method()
    def GetCapabilities(self) -> "as":  # noqa: F821
        return ["body"]

    @method()
    def CloseNotification(self, notification_id: "u") -> None:  # noqa: F821
        pass


async def main(address: str, output: str) -> None:
    bus = await MessageBus(bus_address=address).connect()
    bus.export("/org/freedesktop/Notifications", Notifications(output))
    if await bus.request_name(NAME) is not RequestNameReply.PRIMARY_OWNER:
        raise SystemExit(f"could not own {NAME}")
    print("ready", flush=True)
    await bus.wait_for_disconnect()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
