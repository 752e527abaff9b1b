"""`plumbline routine` as a user and a script see it: real subprocesses over a temporary data dir."""

import json
import os

import pytest

from tests.cli.test_cli import one_error_line
from tests.pseudo_terminal import app_in_pty, read_until

BUILTIN_IDS = {"morning-mobility", "push-pull", "towel", "core-and-glute"}


def test_routine_list_json(cli):
    result = cli("routine", "--list", "--json")
    assert result.code == 0, result.err
    routines = json.loads(result.out)
    assert {r["id"] for r in routines} >= BUILTIN_IDS
    for r in routines:
        assert {"id", "name", "steps", "minutes", "habit"} <= set(r)
        assert isinstance(r["steps"], int) and r["steps"] >= 1
        assert isinstance(r["minutes"], int) and r["minutes"] >= 1
    by_id = {r["id"]: r for r in routines}
    assert (by_id["morning-mobility"]["steps"], by_id["morning-mobility"]["habit"]) == (3, "gentle-mobility")
    assert by_id["push-pull"]["habit"] is None
    assert by_id["towel"]["habit"] == "towel-mobilization"
    assert routines[0]["id"] == "morning-mobility"


def test_routine_list_as_text(cli):
    result = cli("routine", "--list")
    assert result.code == 0
    lines = result.out.strip().splitlines()
    assert len(lines) == len(BUILTIN_IDS)
    assert lines[0].startswith("morning-mobility") and "checks gentle-mobility" in lines[0]


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["routine", "no-such-routine"], ["'no-such-routine'", "plumbline routine --list"]),
        (["routine"], ["NAME", "--list"]),
        (["routine", "towel", "--list"], ["towel", "--list"]),
        (["routine", "towel", "--json"], ["--json", "--list"]),
    ],
)
def test_bad_routine_usage_exits_2_with_one_line(cli, args, names):
    result = cli(*args)
    assert result.code == 2
    one_error_line(result, *names)


def test_an_unknown_routine_says_what_to_run(cli):
    result = cli("routine", "walk")
    assert result.err.strip() == "plumbline: error: unknown routine 'walk': run 'plumbline routine --list'"


def test_a_bad_routine_file_warns_and_the_rest_list(cli, data_dir):
    (data_dir / "routines").mkdir()
    (data_dir / "routines" / "evening.toml").write_text(
        'id = "evening"\nname = "Evening"\n[[steps]]\nname = "Tilt"\nhow = "x"\nreps = 3\n'
        '[[steps]]\nname = "Lean back"\nhow = "x"\nhold = -4\n'
    )
    result = cli("routine", "--list", "--json")
    assert result.code == 0
    assert {r["id"] for r in json.loads(result.out)} == BUILTIN_IDS
    warning = result.err.strip()
    assert warning.startswith("plumbline: warning: ") and len(warning.splitlines()) == 1
    assert "evening.toml: step 2 'Lean back': field 'hold'" in warning
    assert cli("routine", "evening").code == 2  # the broken one cannot be played


def test_listing_routines_works_with_a_damaged_database(cli, data_dir):
    damaged = b'{"meta": {"1": {"schema": 1, "created": "2026-'
    (data_dir / "plumbline.json").write_bytes(damaged)
    assert cli("routine", "--list").code == 0
    result = cli("routine", "towel")  # playing needs the database: refused before any screen
    assert result.code == 1
    one_error_line(result, str(data_dir / "plumbline.json"))
    assert (data_dir / "plumbline.json").read_bytes() == damaged


def test_routine_name_opens_the_player_in_a_terminal(data_dir):
    """The real app in a pseudo-terminal: the player comes up on the named routine, and q quits."""
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": "2026-11-23T10:00:00",
           "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    (data_dir / "plumbline.json").write_text(json.dumps({"meta": {"1": {"schema": 1, "notice_seen": True}}}))
    with app_in_pty(["routine", "towel"], env) as (main, process):
        shown = read_until(main, b"Lean back, fold forward", seconds=30)
        assert b"Towel sacral mobilization" in shown and b"Lean back, fold forward" in shown
        os.write(main, b"q")
        assert process.wait(timeout=20) == 0
