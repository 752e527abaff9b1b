"""What Nextcloud and Dropbox share: one server folder, clients that each remember what they last
agreed with the server (a journal of content hashes), and a sync that uploads what changed only
locally, downloads what changed only on the server, lets an edit beat a delete, and hands a file
changed on both sides to the engine's own conflict rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.sync.engines.base import Clocks, Now, Round, plan
from tests.sync.engines.files import digest, listing, remove, write_atomic, write_torn

SERVER = "server"
MAX_PASSES = 20
Step = tuple[str, str]  # (what to do: download, upload or conflict; relative path)


class ClientServer:
    """A server folder and named client folders. `now` is the test's time, seen by each client
    through its `skew`."""

    def __init__(self, server: Path, clients: Mapping[str, Path], now: Now,
                 skew: Mapping[str, dt.timedelta] | None = None) -> None:
        self.server = Path(server)
        self.clients = {name: Path(folder) for name, folder in clients.items()}
        self.clocks = Clocks(now, skew)
        self.journal: dict[str, dict[str, str]] = {name: {} for name in self.clients}
        self.torn_prefix: dict[str, dict[str, str]] = {name: {} for name in self.clients}
        for folder in (self.server, *self.clients.values()):
            folder.mkdir(parents=True, exist_ok=True)

    def skipped(self, relative: str) -> bool:
        """Files this engine never moves between client and server."""
        return False

    def resolve(self, client: str, relative: str, torn_length: int | None) -> Round:
        raise NotImplementedError

    def touch_as(self, client: str, path: Path | str, at: dt.datetime | None = None) -> None:
        self.clocks.touch(client, self.clients[client] / path, at)

    def agreed(self, client: str) -> dict[str, str]:
        return dict(self.journal[client])

    def sync(self, client: str | Sequence[str] | None = None, files: Sequence[str] | None = None,
             order_seed: int | None = None, limit: int | None = None,
             torn: Mapping[str, int] | None = None) -> Round:
        """Sync `client` (a name, several, default all, in turn) with the server until nothing is
        left to do. With `files`, `limit` or `torn`: one pass over each client, only those files,
        at most `limit` transfers each in the order `order_seed` shuffles, downloads in `torn`
        written as their first N bytes."""
        names = [client] if isinstance(client, str) else list(client if client is not None else self.clients)
        single = files is not None or limit is not None or bool(torn)
        report = Round()
        for _ in range(MAX_PASSES):
            progress = Round()
            for name in names:
                steps = plan(self._steps(name), lambda step: step[1], files, order_seed, limit)
                for kind, relative in steps:
                    progress.extend(self._act(kind, name, relative, (torn or {}).get(relative)))
            report.extend(progress)
            if single or not progress:
                return report
        raise RuntimeError(f"simulated {type(self).__name__} did not settle in {MAX_PASSES} passes")

    def _local(self, client: str) -> dict[str, str]:
        """The client's files as content hashes; a half-downloaded file counts as the agreed one."""
        found: dict[str, str] = {}
        torn, base = self.torn_prefix[client], self.journal[client]
        for relative, version in listing(self.clients[client]).items():
            if self.skipped(relative):
                continue
            if torn.get(relative) == version.digest:
                if relative in base:
                    found[relative] = base[relative]
                continue
            torn.pop(relative, None)
            found[relative] = version.digest
        return found

    def _steps(self, client: str) -> list[Step]:
        local, base = self._local(client), self.journal[client]
        remote = {relative: version.digest for relative, version in listing(self.server).items() if not self.skipped(relative)}
        steps: list[Step] = []
        for relative in sorted(set(local) | set(remote) | set(base)):
            mine, theirs, agreed = local.get(relative), remote.get(relative), base.get(relative)
            if relative in self.torn_prefix[client] or (mine == agreed and theirs != agreed):
                steps.append(("download", relative))  # changed only there (or our copy is half done)
            elif mine == theirs:
                self._record(client, relative, mine)
            elif theirs == agreed:
                steps.append(("upload", relative))  # changed only here, a deletion included
            elif mine is None or theirs is None:
                steps.append(("download" if mine is None else "upload", relative))  # an edit beats a delete
            else:
                steps.append(("conflict", relative))
        return steps

    def _act(self, kind: str, client: str, relative: str, torn_length: int | None) -> Round:
        if kind == "download":
            return self.download(client, relative, torn_length)
        if kind == "upload":
            return self.upload(client, relative, relative)
        return self.resolve(client, relative, torn_length)

    def _record(self, client: str, relative: str, content: str | None) -> None:
        if content is None:
            self.journal[client].pop(relative, None)
        else:
            self.journal[client][relative] = content

    def download(self, client: str, relative: str, torn_length: int | None = None) -> Round:
        return self._transfer(client, self.server / relative, relative, client, torn_length)

    def upload(self, client: str, relative: str, on_server: str) -> Round:
        """Put the client's `relative` on the server as `on_server` (the same name, or a copy's)."""
        return self._transfer(client, self.clients[client] / relative, on_server, SERVER)

    def _transfer(self, client: str, source: Path, relative: str, to: str, torn_length: int | None = None) -> Round:
        """Copy `source` to `relative` on `to` (the client or the server), or delete it there if
        `source` is gone, and remember the result as agreed; a torn copy is not agreed."""
        report = Round()
        target = (self.server if to == SERVER else self.clients[client]) / relative
        if not source.exists():
            remove(target)
            self._record(client, relative, None)
            report.deleted.append((to, relative))
            return report
        data = source.read_bytes()
        if torn_length is not None:
            self.torn_prefix[client][relative] = digest(write_torn(target, data, torn_length))
            report.torn.append((to, relative))
            return report
        write_atomic(target, data, source.stat().st_mtime_ns)
        self.torn_prefix[client].pop(relative, None)
        self._record(client, relative, digest(data))
        report.delivered.append((to, relative))
        return report
