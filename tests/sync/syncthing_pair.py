"""Two real Syncthing instances (Debian's `syncthing`, 1.19) on 127.0.0.1 sharing one folder.

Each runs from its own home made by `syncthing generate`, rewritten by syncthing_config so it
never leaves the machine. The pair is driven through the REST API with a known key: scan, pause
and resume the connection, and wait until both sides agree. The processes run in their own
process groups and are killed at teardown however the test ended."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sync.syncthing_config import FOLDER_ID, Node, device_id, write_config

SYNCTHING = shutil.which("syncthing")
POLL_S = 0.2


def free_port() -> int:
    """A port nothing listens on now; Syncthing binds it a moment later (a race we accept)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"syncthing: {what} not reached within {timeout:g} s")
        time.sleep(POLL_S)


class Instance:
    """One Syncthing process: its home, its shared folder and its REST API."""

    def __init__(self, name: str, home: Path, folder: Path) -> None:
        self.name, self.home, self.folder = name, home, folder
        self.api_key = secrets.token_hex(16)
        self.gui_port, self.listen_port = free_port(), free_port()
        self.process: subprocess.Popen[bytes] | None = None
        home.mkdir(parents=True, exist_ok=True)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([SYNCTHING, "generate", f"--home={home}", "--no-default-folder"],
                       check=True, capture_output=True, timeout=60)
        self.device_id = device_id(home / "config.xml")

    @property
    def short_id(self) -> str:
        """The 7 characters Syncthing puts in conflict names: the id's first base32 digits."""
        return self.device_id[:7]

    @property
    def node(self) -> Node:
        return Node(self.device_id, self.listen_port, self.gui_port, self.folder)

    @property
    def log(self) -> Path:
        return self.home / "syncthing.log"

    def start(self) -> None:
        env = {**os.environ, "STNORESTART": "1", "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1"}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade"],
                stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)

    def stop(self) -> None:
        """SIGTERM to the process group, SIGKILL if it lingers; safe to call twice."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                return
            try:
                process.wait(timeout=grace)
                return
            except subprocess.TimeoutExpired:
                continue

    def rest(self, method: str, path: str, body: Any = None, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui_port}{path}{query}", data=data, method=method,
                                         headers={"X-API-Key": self.api_key, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
        return json.loads(text) if text.strip() else None

    def answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"syncthing {self.name} exited with {self.process.returncode}; see {self.log}")
        try:
            return self.rest("GET", "/rest/system/ping") == {"ping": "pong"}
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def connected_to(self, other: Instance) -> bool:
        connections = self.rest("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def status(self) -> dict[str, Any]:
        return self.rest("GET", "/rest/db/status", folder=FOLDER_ID)

    def completion_of(self, other: Instance) -> dict[str, Any]:
        return self.rest("GET", "/rest/db/completion", folder=FOLDER_ID, device=other.device_id)

    def set_folder_paused(self, paused: bool) -> None:
        self.rest("PATCH", f"/rest/config/folders/{FOLDER_ID}", {"paused": paused})


class SyncthingPair:
    """Instances `a` and `b`, each sharing `<root>/<name>/folder` with the other."""

    def __init__(self, root: Path) -> None:
        self.a = Instance("a", root / "a" / "home", root / "a" / "folder")
        self.b = Instance("b", root / "b" / "home", root / "b" / "folder")
        # a dials b at b's static address; b waits for a (see write_config).
        write_config(self.a.home / "config.xml", self.a.node, self.b.node, self.a.api_key, "b", dial=True)
        write_config(self.b.home / "config.xml", self.b.node, self.a.node, self.b.api_key, "a", dial=False)

    @property
    def both(self) -> tuple[Instance, Instance]:
        return self.a, self.b

    def start(self, timeout: float = 30) -> None:
        for instance in self.both:
            instance.start()
        for instance in self.both:
            wait_for(instance.answers, timeout, f"{instance.name}'s REST API")
        self.wait_connected(timeout)

    def wait_connected(self, timeout: float = 30) -> None:
        wait_for(lambda: self.a.connected_to(self.b) and self.b.connected_to(self.a), timeout, "a connection between a and b")

    def scan(self) -> None:
        """A full scan of the folder on both sides; the call returns when each scan is done."""
        for instance in self.both:
            instance.rest("POST", "/rest/db/scan", folder=FOLDER_ID)

    def in_sync(self) -> bool:
        """Both idle and needing nothing, each 100% complete in the other's eyes, and each has seen
        the other's latest change (its index sequence), so no announced change is still in flight."""
        status = {instance.name: instance.status() for instance in self.both}
        for me, peer in ((self.a, self.b), (self.b, self.a)):
            mine, seen = status[me.name], peer.completion_of(me)
            if mine["state"] != "idle" or mine["needTotalItems"] or seen["completion"] < 100:
                return False
            if seen["sequence"] != mine["sequence"]:
                return False
        return status["a"]["globalFiles"] == status["b"]["globalFiles"]

    def sequences(self) -> tuple[int, int]:
        return self.a.status()["sequence"], self.b.status()["sequence"]

    def wait_in_sync(self, timeout: float = 60) -> None:
        """Scan both, then wait until in sync and a further scan changes nothing: a conflict copy is
        made by the puller and only indexed by the scan after it, so one quiet moment is not enough."""
        deadline = time.monotonic() + timeout
        while True:
            self.scan()
            wait_for(self.in_sync, max(deadline - time.monotonic(), 0.1), "both sides in sync")
            before = self.sequences()
            self.scan()
            if self.sequences() == before and self.in_sync():
                return

    def pause(self) -> None:
        """Stop the folder exchanging changes: paused on both sides, it neither scans, sends nor
        pulls. The connection stays up, so resuming takes no reconnect (which can take 5-20 s)."""
        for instance in self.both:
            instance.set_folder_paused(True)
        # 1.19 reports a paused folder with an empty state (it has no runner any more).
        wait_for(lambda: all(instance.status()["state"] == "" for instance in self.both), 30, "the folder paused on both")

    def resume(self) -> None:
        for instance in self.both:
            instance.set_folder_paused(False)
        wait_for(lambda: all(instance.status()["state"] != "" for instance in self.both), 30, "the folder resumed on both")

    def stop(self) -> None:
        for instance in self.both:
            instance.stop()


@pytest.fixture
def syncthing_pair(tmp_path: Path) -> Iterator[SyncthingPair]:
    if SYNCTHING is None:
        pytest.skip(reason="the `syncthing` program is missing (Debian package `syncthing`; .ci/run installs it)")
    pair = SyncthingPair(tmp_path / "syncthing")
    try:
        pair.start()
        yield pair
    finally:
        pair.stop()
