"""Issue 12, items 7 and 8: every damage shape against every command and the app.

Each shape (damage.py) must give one line naming the damaged file and saying what to do, never
`unexpected ...` or a traceback, and leave the damaged file byte for byte as it was: a later
command used to change 10 of the files reported as "left as it is".
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from plumbline.app.tracker import Tracker
from plumbline.cli.main import main
from plumbline.ui.app import PlumblineApp
from tests.conftest import BUILTIN_HABITS, MONDAY
from tests.hardening.damage import SHAPES
from tests.ui.conftest import FakeClock

NOW = "2026-11-23T10:00:00"
COMMANDS = [
    ("today",), ("today", "--json", "--date", "2026-11-20"), ("check", "core-work"), ("check", "knee-pillow"),
    ("uncheck", "core-work"), ("skip", "glute-work"), ("pain", "4"), ("habits", "--all"), ("week",), ("streaks",),
    ("export",), ("export", "--format", "csv"), ("import", "{export}"), ("remind", "--list"), ("routine", "--list"),
]


def filled(data_dir: Path, export: Path) -> None:
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    tracker.store.update_meta(lambda meta: meta.update(notice_seen=True))
    for n in range(7):
        day = MONDAY - dt_days(n)
        tracker.check("core-work", day, today=MONDAY)
    tracker.log_pain(MONDAY, 3, "", today=MONDAY)
    export.write_text(json.dumps({"format": "plumbline-export", "version": 1, "state": {}, "custom_habits": [],
                                  "entries": [{"habit": "core-work", "date": "2026-11-22", "count": 1,
                                               "skipped": False, "note": "imported"}], "pain": []}))


def dt_days(n: int):
    import datetime as dt

    return dt.timedelta(days=n)


def fingerprint(path: Path) -> object:
    """What must not change: a file's bytes, a link's target, a FIFO or folder's kind and content."""
    if path.is_symlink():
        return ("link", os.readlink(path))
    mode = path.lstat().st_mode
    if stat.S_ISFIFO(mode):
        return "fifo"
    if path.is_dir():
        return ("dir", sorted(p.name for p in path.iterdir()))
    return path.read_bytes()


@pytest.mark.parametrize("shape", SHAPES)
def test_every_command_reports_the_damage_in_one_line_and_leaves_the_file(shape, tmp_path, monkeypatch, capsys):
    data_dir, export = tmp_path / "data", tmp_path / "export.json"
    filled(data_dir, export)
    damaged = SHAPES[shape](data_dir)
    before = fingerprint(damaged)
    monkeypatch.setenv("PLUMBLINE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("PLUMBLINE_NOW", NOW)
    monkeypatch.setenv("PLUMBLINE_LOCK_TIMEOUT", "2")
    capsys.readouterr()
    failures = []
    for command in COMMANDS:
        args = [a.replace("{export}", str(export)) for a in command]
        code = main(args)
        out, err = capsys.readouterr()
        errors = [line for line in err.splitlines() if line.startswith("plumbline: error:")]
        problem = None
        if "unexpected" in err or "Traceback" in err:
            problem = "unexpected"
        elif code not in (0, 1) or (code == 1 and (len(errors) != 1 or str(damaged) not in errors[0])):
            problem = f"exit {code}"
        if problem:
            failures.append(f"{' '.join(command)}: {problem}: {err.strip()[:300]}")
    assert not failures, "\n".join(failures)
    assert fingerprint(damaged) == before
    assert not list(data_dir.rglob(".tmp-*"))


KEYS = ["space", "p", "escape", "h", "escape"]  # a change, the pain dialog (reads the day), the history (reads all)


@pytest.mark.parametrize("shape", SHAPES)
async def test_damage_while_the_app_runs_is_shown_and_never_crashes_it(shape, tmp_path):
    """The app starts over good data (a damaged start is the launcher's restore offer); the file
    is damaged under it, as a sync engine or a crash elsewhere would; time passes and keys come."""
    data_dir, export = tmp_path / "data", tmp_path / "export.json"
    filled(data_dir, export)
    clock = FakeClock(dt_now())
    app = PlumblineApp(Tracker(data_dir, builtin_dir=BUILTIN_HABITS), clock=clock, monotonic=clock.monotonic)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        damaged = SHAPES[shape](data_dir)
        before = fingerprint(damaged)
        clock.advance(3600)
        app.check_external_changes()
        app.check_rollover()
        for key in KEYS:
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running
        assert fingerprint(damaged) == before
        shown = [str(n.message) for n in app._notifications]
        assert any(str(damaged) in m for m in shown) or app.screen.id == "restore-offer", shown


def dt_now():
    import datetime as dt

    return dt.datetime.fromisoformat(NOW)
