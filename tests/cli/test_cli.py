"""The CLI as a user and a script see it: real subprocesses over a temporary data dir."""

import json

import pytest

from plumbline.storage.locations import Locations
from tests.conftest import MONDAY
from tests.unit.test_habit_files import REQUIRED_IDS

ERROR_PREFIX = "plumbline: error: "


def one_error_line(result, *names):
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(ERROR_PREFIX)
    for name in names:
        assert name in lines[0]
    assert "Traceback" not in result.err


def test_habits_json_lists_the_library(cli):
    result = cli("habits", "--json")
    assert result.code == 0, result.err
    habits = json.loads(result.out)
    assert {h["id"] for h in habits} >= REQUIRED_IDS
    for h in habits:
        assert {"id", "name", "category", "kind", "schedule", "archived"} <= set(h)
        assert h["kind"] in {"do", "avoid", "count"}
    by_id = {h["id"]: h for h in habits}
    assert by_id["core-work"]["schedule"] == "3 times a week"
    assert by_id["knees-uncrossed"]["schedule"] == "daily"


def test_json_is_one_line_for_a_program_and_indented_for_a_person(cli, data_dir):
    """Piped (as scripts read it), JSON is one line from json's C encoder; at a terminal it is
    indented. Both read as the same value."""
    import os

    from tests.pseudo_terminal import app_in_pty, read_until

    piped = cli("today", "--json")
    assert piped.code == 0, piped.err
    assert piped.out.count("\n") == 1 and piped.out.startswith('{"date": "2026-11-23"')
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": "2026-11-23T10:00:00"}
    with app_in_pty(["today", "--json"], env) as (terminal, process):
        shown = read_until(terminal, b"\n}", 30).decode().replace("\r\n", "\n")
        assert process.wait(30) == 0
    assert shown.startswith('{\n  "date": "2026-11-23",\n  "habits": [\n')
    assert json.loads(shown) == json.loads(piped.out)


def test_check_then_today_json(cli):
    assert cli("check", "knees-uncrossed", "--date", "2026-11-22").code == 0
    assert cli("check", "knees-uncrossed").code == 0
    result = cli("today", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["date"] == "2026-11-23"
    row = next(h for h in data["habits"] if h["id"] == "knees-uncrossed")
    assert (row["status"], row["streak"]) == ("done", 2)
    assert {"id", "name", "status", "streak"} <= set(row)
    assert next(h for h in data["habits"] if h["id"] == "knee-pillow")["status"] == "pending"


def test_checking_twice_is_the_same_as_once(cli):
    cli("check", "knee-pillow")
    cli("check", "knee-pillow")
    row = next(h for h in json.loads(cli("today", "--json").out)["habits"] if h["id"] == "knee-pillow")
    assert (row["status"], row["count"]) == ("done", 1)


def test_count_habit_adds_until_its_target(cli):
    cli("check", "posture-breaks", "--count", "4")
    row = lambda: next(h for h in json.loads(cli("today", "--json").out)["habits"] if h["id"] == "posture-breaks")  # noqa: E731
    assert (row()["status"], row()["count"]) == ("pending", 4)
    cli("check", "posture-breaks", "--count", "2")
    assert (row()["status"], row()["count"]) == ("done", 6)


def test_uncheck_and_skip(cli):
    cli("check", "gentle-mobility", "--date", "yesterday")
    assert cli("uncheck", "gentle-mobility", "--date", "yesterday").out.endswith("record for 2026-11-22 removed\n")
    again = cli("uncheck", "gentle-mobility", "--date", "yesterday")
    assert again.code == 0 and "no record for 2026-11-22, nothing to remove" in again.out
    cli("skip", "towel-mobilization", "--date", "yesterday")
    data = json.loads(cli("today", "--json", "--date", "yesterday").out)
    status = {h["id"]: h["status"] for h in data["habits"]}
    assert data["date"] == "2026-11-22"
    assert status["gentle-mobility"] == "pending"
    assert status["towel-mobilization"] == "skipped"


def test_today_for_a_past_date_treats_it_as_today(cli):
    cli("check", "knees-uncrossed", "--date", "2026-11-01")
    data = json.loads(cli("today", "--json", "--date", "2026-11-02").out)
    row = next(h for h in data["habits"] if h["id"] == "knees-uncrossed")
    assert (row["status"], row["streak"]) == ("pending", 1)


def test_each_command_prints_one_confirmation_line(cli):
    for args in (["check", "core-work"], ["skip", "glute-work"], ["uncheck", "core-work"]):
        result = cli(*args)
        assert result.code == 0 and len(result.out.strip().splitlines()) == 1, (args, result)


def test_data_dir_flag_before_and_after_the_subcommand(cli, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    assert cli("--data-dir", str(elsewhere), "check", "core-work").code == 0
    assert cli("check", "glute-work", "--data-dir", str(elsewhere)).code == 0
    assert sorted(p.name for p in (elsewhere / "entries").iterdir()) == [Locations(elsewhere).entries_file(MONDAY).name]
    statuses = {h["id"]: h["status"] for h in json.loads(cli("--data-dir", str(elsewhere), "today", "--json").out)["habits"]}
    assert statuses["core-work"] == statuses["glute-work"] == "done"


def test_habits_all_includes_archived_only_when_asked(cli, data_dir):
    (data_dir / "plumbline.json").write_text(json.dumps({"meta": {"1": {"schema": 1, "archived": ["both-feet"]}}}))
    assert "both-feet" not in {h["id"] for h in json.loads(cli("habits", "--json").out)}
    listed = {h["id"]: h for h in json.loads(cli("habits", "--json", "--all").out)}
    assert listed["both-feet"]["archived"] is True


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["check", "no-such-habit"], ["no-such-habit"]),
        (["uncheck", "no-such-habit"], ["no-such-habit"]),
        (["skip", "no-such-habit"], ["no-such-habit"]),
        (["check", "core-work", "--date", "2026-02-30"], ["2026-02-30"]),
        (["today", "--date", "23/11/2026"], ["23/11/2026"]),
        (["check", "posture-breaks", "--count", "zero"], ["zero"]),
        (["check", "posture-breaks", "--count", "-2"], ["-2"]),
        (["frobnicate"], ["frobnicate"]),
        (["check"], ["HABIT"]),
    ],
)
def test_bad_input_exits_2_with_one_line(cli, args, names):
    result = cli(*args)
    assert result.code == 2
    one_error_line(result, *names)


def test_checking_an_archived_habit_is_bad_input(cli, data_dir):
    (data_dir / "plumbline.json").write_text(json.dumps({"meta": {"1": {"schema": 1, "archived": ["both-feet"]}}}))
    result = cli("check", "both-feet")
    assert result.code == 2
    one_error_line(result, "both-feet", "archived")


@pytest.mark.parametrize("which", ["database", "legacy_database"], ids=["this device's", "from before devices"])
@pytest.mark.parametrize("command", [["today"], ["check", "core-work"], ["habits", "--all"]])
def test_a_damaged_database_exits_1_and_is_left_untouched(cli, data_dir, command, which):
    damaged = b'{"meta": {"1": {"schema": 1, "created": "2026-'
    database = getattr(Locations(data_dir), which)
    database.write_bytes(damaged)
    result = cli(*command)
    assert result.code == 1
    one_error_line(result, str(database))
    assert database.read_bytes() == damaged
    assert not (data_dir / "entries").exists()  # a failed check recorded nothing


def test_a_bad_custom_habit_file_warns_and_the_rest_work(cli, data_dir):
    (data_dir / "habits").mkdir()
    (data_dir / "habits" / "walk.toml").write_text('id = "walk"\nname = "Walk"\ncategory = "movement"\nkind = "sometimes"\n')
    result = cli("habits", "--json")
    assert result.code == 0
    assert {h["id"] for h in json.loads(result.out)} >= REQUIRED_IDS
    assert "walk.toml" in result.err and "kind" in result.err


def test_custom_habit_file_is_tracked_like_a_builtin(cli, data_dir):
    (data_dir / "habits").mkdir()
    (data_dir / "habits" / "walk.toml").write_text('id = "walk"\nname = "Walk [x]"\ncategory = "movement"\nkind = "do"\n')
    assert cli("check", "walk").code == 0
    assert "[x] Walk [x]" in cli("today").out


def test_commands_that_do_not_open_the_app_do_not_import_textual(data_dir):
    import subprocess
    import sys

    code = (
        "import sys; from plumbline.cli.main import main; "
        f"main(['--data-dir', {str(data_dir)!r}, 'today', '--json']); "
        "main(['--data-dir', {0!r}, 'check', 'core-work']); ".format(str(data_dir))
        + "bad = [m for m in ('textual', 'apscheduler', 'plyer') if m in sys.modules]; "
        "sys.exit(repr(bad) if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_today_json_does_not_import_what_only_help_or_writes_need(data_dir):
    """shutil (2 ms with the compression modules it loads) is for help's width, backups and
    text output: argparse would import it for every argument it adds (cli/main.py)."""
    import subprocess
    import sys

    code = (
        "import sys; from plumbline.cli.main import main; "
        f"main(['--data-dir', {str(data_dir)!r}, 'today', '--json']); "
        "bad = [m for m in ('shutil', 'tempfile') if m in sys.modules]; "
        "sys.exit(repr(bad) if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_command_leaves_the_collector_on_with_its_imports_frozen(data_dir):
    """main() keeps the collector off while importing and freezes what the imports made; the
    collector must be back on after, or the app and the reminder service would never collect."""
    import subprocess
    import sys

    code = (
        "import gc, sys; from plumbline.cli.main import main; "
        f"main(['--data-dir', {str(data_dir)!r}, 'today', '--json']); "
        "sys.exit(0 if gc.isenabled() and gc.get_freeze_count() > 0 else 'collector off or nothing frozen')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_help_fits_the_width_it_is_given(cli):
    """Help is as wide as the terminal (argparse asks shutil.get_terminal_size): $COLUMNS rules."""
    narrow = cli("--help", env={"COLUMNS": "40"})
    assert narrow.code == 0 and max(len(line) for line in narrow.out.splitlines()) <= 40
    assert max(len(line) for line in cli("--help", env={"COLUMNS": "120"}).out.splitlines()) > 40


def test_an_entries_file_where_the_folder_goes_is_reported_as_damage(cli, data_dir):
    (data_dir / "entries").write_text("not a folder")
    result = cli("today")
    assert result.code == 1 and result.err.count("\n") == 1
    assert f"{data_dir / 'entries'} should be the folder of month files" in result.err
    assert (data_dir / "entries").read_text() == "not a folder"


def test_a_habit_is_found_by_the_start_of_its_id_or_name(cli):
    assert cli("check", "pillow").out.strip() == "Slept with a knee pillow: done on 2026-11-23"  # by its name
    assert cli("check", "towel").code == 0  # its id
    result = cli("check", "knee")  # knee-pillow and knees-uncrossed
    assert result.code == 2
    one_error_line(result, "'knee'", "knee-pillow", "knees-uncrossed", "give more of its id")


def test_export_into_a_folder_that_does_not_exist_is_refused(cli, tmp_path):
    result = cli("export", "--output", str(tmp_path / "typo" / "backup.json"))
    assert result.code == 2
    one_error_line(result, str(tmp_path / "typo"), "does not exist")
    assert not (tmp_path / "typo").exists()


def test_every_option_says_what_it_is_for(cli):
    for command in ("today", "check", "uncheck", "skip", "habits", "week", "streaks", "pain", "export", "import"):
        text = cli(command, "--help").out
        described = text[text.index("\n\n", text.index("usage:")):]  # past the usage lines
        options = [line for line in described.splitlines() if line.strip().startswith(("--", "HABIT", "LEVEL", "FILE"))]
        assert options, command
        for line in options:
            assert len(line.split()) > 2 or line.strip().startswith("-h"), f"{command}: {line}"
