"""A simulated Dropbox: a server folder and desktop clients.

On a file changed on both sides the later upload loses: the client that syncs second keeps the
server's version at the name and its own goes up as `<stem> (<name>'s conflicted copy YYYY-MM-DD)<ext>`
(the date on that client's clock; ` (1)`, ` (2)`... if taken), which then syncs to every client."""

from __future__ import annotations

from collections.abc import Mapping

from tests.sync.engines.base import Round
from tests.sync.engines.client_server import ClientServer
from tests.sync.engines.files import qt_ext


class Dropbox(ClientServer):
    def __init__(self, *args, names: Mapping[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.names = {client: (names or {}).get(client, client) for client in self.clients}

    def copy_name(self, client: str, relative: str) -> str:
        folder, _, name = relative.rpartition("/")
        ext = qt_ext(name)
        stem = name[: len(name) - len(ext)]
        label = f"{self.names[client]}'s conflicted copy {self.clocks.device_now(client):%Y-%m-%d}"
        prefix = f"{folder}/" if folder else ""
        candidate, number = f"{prefix}{stem} ({label}){ext}", 0
        while (self.server / candidate).exists() or (self.clients[client] / candidate).exists():
            number += 1
            candidate = f"{prefix}{stem} ({label}) ({number}){ext}"
        return candidate

    def resolve(self, client: str, relative: str, torn_length: int | None) -> Round:
        copy = self.copy_name(client, relative)
        report = self.upload(client, relative, copy)
        (self.clients[client] / relative).rename(self.clients[client] / copy)
        report.conflicts.append((client, copy))
        report.extend(self.download(client, relative, torn_length))
        return report
