"""Issue 12, item 12: health data stays private whatever the umask, and a data dir path cannot
inject a line into the systemd unit."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from plumbline.cli.service_unit import unit_text
from plumbline.storage.locations import Locations


def run(data_dir: Path, *args: str, now: str = "2026-11-23T10:00:00") -> subprocess.CompletedProcess:
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": now}
    # umask 000 in the child: plumbline must set the modes itself.
    return subprocess.run([sys.executable, "-m", "plumbline", *args], env=env, capture_output=True, text=True,
                          timeout=60, preexec_fn=lambda: os.umask(0))


def test_under_umask_000_every_folder_is_0700_and_every_file_0600(tmp_path, monkeypatch):
    data_dir = tmp_path / "new" / "data"  # plumbline creates it and its parent
    state_dir = tmp_path / "local" / "state"  # and the state folder (device id, lock, cache, backups)
    monkeypatch.setenv("PLUMBLINE_STATE_DIR", str(state_dir))
    export = tmp_path / "export.json"
    custom = {"id": "walk", "name": "Walk", "category": "movement", "kind": "do"}
    export.write_text(json.dumps({"format": "plumbline-export", "version": 1, "state": {}, "custom_habits": [custom],
                                  "entries": [], "pain": []}))
    for args, now in ((("check", "knee-pillow"), "2026-11-23T10:00:00"), (("pain", "3"), "2026-11-23T10:00:00"),
                      (("check", "core-work"), "2026-11-24T10:00:00"), (("import", str(export)), "2026-11-24T11:00:00"),
                      (("today",), "2026-11-24T11:00:00")):
        done = run(data_dir, *args, now=now)
        assert done.returncode == 0, done.stderr
    here = Locations(data_dir)
    assert here.backups.is_dir() and here.database.is_file() and (state_dir / "device").is_file()
    wrong = []
    for path in [data_dir.parent, data_dir, *data_dir.rglob("*"), state_dir, *state_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode != (0o700 if path.is_dir() else 0o600):
            wrong.append(f"{oct(mode)} {path.relative_to(tmp_path)}")
    assert not wrong, wrong


NASTY = "/tmp/a\nExecStartPre=/bin/touch /tmp/pwned $HOME %h \"q\"\t;"


def test_a_newline_in_the_data_dir_stays_inside_exec_start():
    text = unit_text(Path(NASTY), python="/bin/echo")
    lines = text.splitlines()
    assert not any(line.startswith("ExecStartPre") for line in lines)
    [exec_line] = [line for line in lines if line.startswith("ExecStart=")]
    assert "\\x0aExecStartPre" in exec_line and "\\x09" in exec_line and "$$HOME" in exec_line and "%%h" in exec_line
    assert len(lines) == len(unit_text(Path("/tmp/plain"), python="/bin/echo").splitlines())


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_escaped_unit(tmp_path):
    unit = tmp_path / "plumbline-remind.service"
    unit.write_text(unit_text(Path(NASTY), python="/bin/echo"))
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
