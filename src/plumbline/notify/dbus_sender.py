"""Desktop notifications straight to org.freedesktop.Notifications over the session bus.

The connection stays open for as long as the app or `plumbline remind` runs: some servers send
ActionInvoked and NotificationClosed only to the connection that sent the notification. Each
notification carries an expire timeout the server honours, an urgency, and `replaces_id`, so
that a new posture break takes the place of the last one nobody answered instead of stacking.
"""

from __future__ import annotations

from typing import Any

from plumbline.notify import bus as session
from plumbline.notify.bus import NoNotificationService
from plumbline.notify.sender import APP_NAME, EXPIRE_SECONDS, Answered, Note

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
SIGNALS = f"type='signal',interface='{NAME}',path='{PATH}'"
NORMAL_URGENCY = 1


class DBusSender:
    def __init__(self) -> None:
        self.bus: Any = None
        self.server = ""
        self.capabilities: frozenset[str] = frozenset()
        self.answered: Answered = lambda note, key: None
        self.pending: dict[int, Note] = {}  # shown and not yet answered, closed or replaced
        self.slots: dict[str, int] = {}  # slot -> the id showing in it

    async def open(self, answered: Answered) -> str:
        self.answered = answered
        self.close()
        bus = await session.connect()
        try:
            info = await session.call(bus, NAME, PATH, NAME, "GetServerInformation")
            if session.is_error(info):
                raise NoNotificationService(f"nothing on the session bus provides {NAME} ({info.error_name}); "
                                            "start a notification service (dunst, mako, your desktop's own)")
            capabilities = await session.call(bus, NAME, PATH, NAME, "GetCapabilities")
            await session.call(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                               "AddMatch", "s", [SIGNALS])
        except TimeoutError:
            bus.disconnect()
            raise NoNotificationService(f"the notification service did not answer within {session.ANSWER_SECONDS:g} s") from None
        except NoNotificationService:
            bus.disconnect()
            raise
        name, _vendor, version, _spec = info.body
        self.server = f"{name} {version}".strip()
        self.capabilities = frozenset() if session.is_error(capabilities) else frozenset(capabilities.body[0])
        bus.add_message_handler(self._on_message)
        self.bus = bus
        return self.server

    async def send(self, note: Note) -> None:
        if self.bus is None or not self.bus.connected:
            await self.open(self.answered)  # the first send, or the server or bus came back
        replaces = self.slots.get(note.slot, 0)
        actions = [part for pair in note.actions for part in pair] if "actions" in self.capabilities else []
        try:
            from dbus_fast import Variant

            reply = await session.call(
                self.bus, NAME, PATH, NAME, "Notify", "susssasa{sv}i",
                [APP_NAME, replaces, "", note.title, note.message, actions,
                 {"urgency": Variant("y", NORMAL_URGENCY)}, EXPIRE_SECONDS * 1000])
        except TimeoutError:
            raise NoNotificationService(f"{self.server} did not answer within {session.ANSWER_SECONDS:g} s") from None
        if session.is_error(reply):
            raise NoNotificationService(f"{self.server} is running but did not take the notification "
                                        f"({reply.error_name}: {' '.join(map(str, reply.body))})")
        shown = int(reply.body[0])
        self.pending.pop(replaces, None)
        self.pending[shown] = note
        self.slots[note.slot] = shown

    def close(self) -> None:
        if self.bus is not None:
            self.bus.disconnect()
        self.bus = None
        self.pending.clear()
        self.slots.clear()

    def _on_message(self, message: Any) -> None:
        if message.interface != NAME or message.path != PATH:
            return
        if message.member == "ActionInvoked":
            shown, key = message.body
            note = self._forget(shown)
            if note is not None:
                self.answered(note, key)
        elif message.member == "NotificationClosed":
            self._forget(message.body[0])

    def _forget(self, shown: int) -> Note | None:
        note = self.pending.pop(shown, None)
        if note is not None and self.slots.get(note.slot) == shown:
            del self.slots[note.slot]
        return note
