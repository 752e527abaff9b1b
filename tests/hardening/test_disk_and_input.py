"""Issue 12, items 8 and 9: bad paths are bad input (exit 2); a full, read-only or forbidden
disk is one line naming the file and what to do (exit 1); a control character in a habit name
no longer stops the export."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from plumbline.storage.locations import Locations
from tests.conftest import MONDAY, CliResult
from tests.hardening.conftest import fill, mounted_tmpfs, remount_read_only


def one_line(result, *names: str) -> None:
    assert result.err.startswith("plumbline: error:") and result.err.count("\n") == 1, result.err
    assert "unexpected" not in result.err and "Traceback" not in result.err
    for name in names:
        assert name in result.err, result.err


def test_output_naming_a_folder_is_bad_input(cli, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    result = cli("export", "--output", str(folder))
    assert result.code == 2
    one_line(result, str(folder))
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("inside", [False, True], ids=["a file", "inside a file"])
def test_a_data_dir_that_is_a_file_is_bad_input(cli, tmp_path, inside):
    afile = tmp_path / "notes.txt"
    afile.write_text("mine")
    data_dir = afile / "sub" if inside else afile
    for args in (("today",), ("check", "core-work"), ("export",)):
        result = cli("--data-dir", str(data_dir), *args)
        assert result.code == 2, result.err
        one_line(result, str(afile))
    assert afile.read_text() == "mine"


def test_a_full_disk_names_the_file_and_changes_nothing(cli, tmp_path):
    with mounted_tmpfs(tmp_path / "disk", 300) as disk:
        env = {"PLUMBLINE_DATA_DIR": str(disk / "data")}
        assert cli("check", "core-work", env=env).code == 0
        month = Locations(disk / "data").entries_file(MONDAY)
        before = month.read_bytes()
        fill(disk, leave_bytes=0)
        for args in (("check", "knee-pillow"), ("pain", "3"), ("uncheck", "core-work")):
            result = cli(*args, env=env)
            assert result.code == 1, result.err
            one_line(result, "No space left on device", "free some space")
        assert month.read_bytes() == before
        assert cli("today", env=env).code == 0  # reading needs no space
        assert not list((disk / "data").rglob(".tmp-*"))


def test_a_read_only_disk_names_the_file_and_says_what_to_do(cli, tmp_path):
    with mounted_tmpfs(tmp_path / "disk", 300) as disk:
        env = {"PLUMBLINE_DATA_DIR": str(disk / "data")}
        assert cli("check", "core-work", env=env).code == 0
        remount_read_only(disk)
        for args in (("check", "knee-pillow"), ("check", "core-work", "--date", "2026-11-24"),
                     ("pain", "3", "--date", "2026-11-20")):
            result = cli(*args, env=env, now="2026-11-24T10:00:00")
            assert result.code == 1, result.err
            one_line(result, "Read-only file system", str(disk / "data"))
        assert cli("today", env=env).code == 0


SETPRIV = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0,
                    reason="needs root and setpriv to drop the capability that lets root past permissions")
def test_a_forbidden_file_or_folder_names_it_and_says_to_check_permissions(data_dir, cli):
    assert cli("check", "core-work").code == 0

    def run(*args: str) -> CliResult:
        env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": "2026-11-23T10:00:00"}
        done = subprocess.run([*SETPRIV, sys.executable, "-m", "plumbline", *args], env=env, capture_output=True,
                              text=True, timeout=60)
        return CliResult(done.returncode, done.stdout, done.stderr)

    entries = data_dir / "entries"
    entries.chmod(0o500)
    database = Locations(data_dir).database
    try:
        result = run("check", "knee-pillow")
        assert result.code == 1
        one_line(result, "Permission denied", "permissions", str(entries))
        database.chmod(0)
        result = run("today")
        assert result.code == 1
        one_line(result, "Permission denied", "permissions", str(database))
    finally:
        entries.chmod(0o700)
        database.chmod(0o600)


def test_a_control_character_in_a_habit_name_does_not_stop_the_export(cli, data_dir, tmp_path):
    (data_dir / "habits").mkdir()
    (data_dir / "habits" / "walk.toml").write_text(
        'id = "walk"\nname = "Walk\\u0007\\u001b[31m red\\u007f"\ncategory = "movement"\nkind = "do"\n')
    assert cli("check", "walk").code == 0
    result = cli("export")
    assert result.code == 0, result.err
    exported = json.loads(result.out)
    assert exported["custom_habits"][0]["name"] == "Walk\a\x1b[31m red\x7f"
    copy = tmp_path / "export.json"
    copy.write_text(result.out)
    elsewhere = tmp_path / "elsewhere"
    assert cli("--data-dir", str(elsewhere), "import", str(copy)).code == 0
    assert cli("--data-dir", str(elsewhere), "export").out == result.out  # the round trip holds
