"""A small desktop notification service for tests: owns org.freedesktop.Notifications on the bus
given, appends every notification it receives to a JSON-lines file, and, through a test-only
interface, invokes an action or closes a notification as a user (or the expiry) would.

Run as `python notification_server.py BUS_ADDRESS OUTPUT_FILE [--no-actions]`; prints "ready"
once it owns the name.
"""

import asyncio
import json
import sys

from bus_server import serve
from dbus_fast.service import ServiceInterface, method, signal

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CONTROL = "org.plumbline.TestServer"


class Notifications(ServiceInterface):
    def __init__(self, output: str, actions: bool) -> None:
        super().__init__(NAME)
        self.output = output
        self.actions = actions
        self.last_id = 0

    @method()
    def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s", body: "s",  # noqa: F821
               actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":  # noqa: F821
        if replaces_id:
            shown = replaces_id  # the spec: the same id comes back, the old bubble is updated
        else:
            self.last_id += 1
            shown = self.last_id
        record = {"id": shown, "app_name": app_name, "replaces_id": replaces_id, "summary": summary,
                  "body": body, "actions": actions, "expire_timeout": expire_timeout,
                  "urgency": hints["urgency"].value if "urgency" in hints else None}
        with open(self.output, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        return shown

    @method()
    def GetServerInformation(self) -> "ssss":  # noqa: F821
        return ["plumbline-test-server", "plumbline", "1.0", "1.2"]

    @method()
    def GetCapabilities(self) -> "as":  # noqa: F821
        return ["body", "actions"] if self.actions else ["body"]

    @method()
    def CloseNotification(self, notification_id: "u") -> None:  # noqa: F821
        self.NotificationClosed(notification_id, 3)

    @signal()
    def ActionInvoked(self, notification_id: "u", action_key: "s") -> "us":  # noqa: F821
        return [notification_id, action_key]

    @signal()
    def NotificationClosed(self, notification_id: "u", reason: "u") -> "uu":  # noqa: F821
        return [notification_id, reason]


class Control(ServiceInterface):
    """What the test does in place of a user: click a button, or let a bubble expire."""

    def __init__(self, notifications: Notifications) -> None:
        super().__init__(CONTROL)
        self.notifications = notifications

    @method()
    def Invoke(self, notification_id: "u", action_key: "s") -> None:  # noqa: F821
        self.notifications.ActionInvoked(notification_id, action_key)
        self.notifications.NotificationClosed(notification_id, 2)  # dismissed by the user

    @method()
    def Expire(self, notification_id: "u") -> None:  # noqa: F821
        self.notifications.NotificationClosed(notification_id, 1)


if __name__ == "__main__":
    notifications = Notifications(sys.argv[2], "--no-actions" not in sys.argv[3:])
    asyncio.run(serve(sys.argv[1], NAME, PATH, notifications, Control(notifications)))
