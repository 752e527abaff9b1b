"""A private D-Bus session bus per test, with or without a notification service on it.

dbus-daemon runs from a config written here rather than `--session`'s own, so that it activates
no notification daemon installed on the machine: only the test's own server can answer.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

SERVER = Path(__file__).with_name("notification_server.py")
IDLE_SERVER = Path(__file__).with_name("idle_server.py")
LOGIND_SERVER = Path(__file__).with_name("logind_server.py")
CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

needs_dbus = pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="dbus-daemon is not installed")


@dataclass
class SessionBus:
    address: str
    received_file: Path

    def received(self) -> list[dict]:
        if not self.received_file.exists():
            return []
        return [json.loads(line) for line in self.received_file.read_text().splitlines()]


def start_bus(folder: Path, with_server: bool, *server_args: str) -> tuple[SessionBus, list[subprocess.Popen]]:
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "session.conf"
    config.write_text(CONFIG.format(folder=folder))
    daemon = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    assert address.startswith("unix:"), "dbus-daemon printed no address"
    bus = SessionBus(address, folder / "received.jsonl")
    processes = [daemon]
    if with_server:
        processes.append(start_server(SERVER, address, str(bus.received_file), *server_args))
    return bus, processes


def start_server(script: Path, *args: str) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, str(script), *args], stdout=subprocess.PIPE, text=True)
    assert server.stdout.readline().strip() == "ready", f"the test server {script.name} did not start"
    return server


async def control(address: str, name: str, path: str, interface: str, member: str, signature: str, *body) -> None:
    """Call one of a test server's control methods, as a user's click or the desktop would act."""
    from dbus_fast import Message, MessageType
    from dbus_fast.aio import MessageBus

    bus = await MessageBus(bus_address=address).connect()
    try:
        reply = await bus.call(Message(destination=name, path=path, interface=interface, member=member,
                                       signature=signature, body=list(body)))
        assert reply.message_type != MessageType.ERROR, reply.body
    finally:
        bus.disconnect()


def stop(processes: list[subprocess.Popen]) -> None:
    for process in reversed(processes):
        process.terminate()
        process.wait(timeout=10)
