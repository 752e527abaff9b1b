"""Issue 12, items 5 and 10: nothing in the data dir makes a command hang or lose data.

5. A dangling or looping `plumbline.json` link was read as an empty database, and the next write
replaced the link. 10. A FIFO in `habits/` blocked every command; a lock held by a stopped
plumbline process blocked the CLI with no time limit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plumbline.storage import lock
from plumbline.storage.locations import Locations
from tests.conftest import MONDAY

HOLDER = """
import sys, time
from pathlib import Path
from plumbline.storage.locations import Locations
from plumbline.storage.store import Store

def hold(entry):
    print("holding", flush=True)
    time.sleep(60)  # stopped here by the test, mid-change, lock held
    return entry

Store(Locations(Path(sys.argv[1]))).change_entry("core-work", __import__("datetime").date(2026, 11, 23), hold)
"""


def test_the_lock_wait_is_ten_seconds_unless_the_environment_says_otherwise(monkeypatch):
    monkeypatch.delenv(lock.TIMEOUT_VAR, raising=False)
    assert lock.lock_timeout() == lock.DEFAULT_TIMEOUT == 10.0
    monkeypatch.setenv(lock.TIMEOUT_VAR, "0.5")
    assert lock.lock_timeout() == 0.5


def test_a_command_waiting_on_a_stopped_holder_gives_up_naming_its_pid(cli, data_dir):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        os.kill(holder.pid, signal.SIGSTOP)
        began = time.monotonic()
        result = cli("check", "knee-pillow", env={lock.TIMEOUT_VAR: "1"})
        waited = time.monotonic() - began
        assert result.code == 1, result.err
        assert result.err.startswith("plumbline: error:") and result.err.count("\n") == 1
        assert f"plumbline process {holder.pid}" in result.err and str(Locations(data_dir).lock_file) in result.err
        assert waited < 8  # the 1 s limit, plus start-up
        assert cli("today").code == 0  # reading never waits for the lock
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)
    assert cli("check", "knee-pillow", env={lock.TIMEOUT_VAR: "1"}).code == 0  # the kernel freed it


def make_fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


# This device's files, and those from before devices (still read): where a FIFO may be found.
PLACES = {
    "habits/own.toml": lambda here: here.data_dir / "habits" / "own.toml",
    "routines/own.toml": lambda here: here.data_dir / "routines" / "own.toml",
    "state file": lambda here: here.database,
    "month file": lambda here: here.entries_file(MONDAY),
    "plumbline.json": lambda here: here.legacy_database,
    "entries/2026-11.json": lambda here: here.entries_dir / "2026-11.json",
    "cache/habit-files.json": lambda here: here.cache_dir / "habit-files.json",
}
DATA_FILES = ("state file", "month file", "plumbline.json", "entries/2026-11.json")


@pytest.mark.parametrize("where", PLACES)
def test_a_fifo_in_the_data_dir_never_blocks_a_command(cli, data_dir, where):
    assert cli("check", "core-work").code == 0
    target = PLACES[where](Locations(data_dir))
    if target.exists():
        target.unlink()
    make_fifo(target)
    for args in (("today",), ("check", "knee-pillow"), ("export",), ("routine", "--list")):
        result = cli(*args)  # the fixture's 60 s timeout would raise if it blocked
        assert "unexpected" not in result.err and "Traceback" not in result.err, (args, result.err)
        if where in DATA_FILES and args[0] != "routine":
            assert result.code == 1 and str(target) in result.err and "not a regular file" in result.err
    assert target.is_fifo() or where.startswith("cache/")  # the cache is only a copy: it may be rebuilt


@pytest.mark.parametrize("link_to", ["nowhere.json", None], ids=["dangling", "looping"])
def test_a_broken_database_link_is_reported_and_left_as_it_is(cli, data_dir, link_to):
    assert cli("check", "core-work").code == 0
    database = Locations(data_dir).database
    link_to = link_to or database.name
    database.unlink()
    database.symlink_to(link_to)
    for args in (("export",), ("check", "knee-pillow"), ("today",), ("habits", "--all")):
        result = cli(*args)
        assert result.code == 1 and str(database) in result.err, (args, result.err)
        assert "unexpected" not in result.err
    assert database.is_symlink() and os.readlink(database) == link_to


def test_a_database_link_to_a_real_file_still_works(cli, data_dir, tmp_path):
    assert cli("check", "core-work", "--date", MONDAY.isoformat()).code == 0
    real = tmp_path / "elsewhere.json"
    database = Locations(data_dir).database
    database.rename(real)
    database.symlink_to(real)
    assert cli("today").code == 0
