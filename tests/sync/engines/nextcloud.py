"""A simulated Nextcloud: a server folder and desktop clients (modelled on nextcloud/desktop's
OwncloudPropagator::createConflict and Utility::makeConflictFileName).

On a file changed on both sides the LOCAL version loses: it is renamed to
`<stem> (conflicted copy YYYY-MM-DD hhmmss)<ext>`, stamped with that local file's own mtime in
local time, and the server's version is downloaded. Without the server's uploadConflictFiles
capability (the default) the copy is never uploaded: it stays on that client only."""

from __future__ import annotations

import datetime as dt

from tests.sync.engines.base import Round
from tests.sync.engines.client_server import ClientServer
from tests.sync.engines.files import qt_ext

MARKER = " (conflicted copy "


class Nextcloud(ClientServer):
    def skipped(self, relative: str) -> bool:
        return MARKER in relative.rsplit("/", 1)[-1]

    def resolve(self, client: str, relative: str, torn_length: int | None) -> Round:
        report, target = Round(), self.clients[client] / relative
        ext = qt_ext(target.name)
        stem = target.name[: len(target.name) - len(ext)]
        stamp = dt.datetime.fromtimestamp(target.stat().st_mtime).strftime("%Y-%m-%d %H%M%S")
        copy = target.with_name(f"{stem}{MARKER}{stamp}){ext}")
        target.rename(copy)
        report.conflicts.append((client, copy.relative_to(self.clients[client]).as_posix()))
        report.extend(self.download(client, relative, torn_length))
        return report
