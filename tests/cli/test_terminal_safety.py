"""Text from data never acts on the terminal (issue 12, item 11): a habit named to set the
window title, write the clipboard (OSC 52), start a new line or return over one reaches the
real CLI's stdout and stderr only as visible escapes; JSON keeps it escaped the JSON way."""

import json
import re

import pytest

from tests.conftest import write_habits

# In TOML a basic string spells control characters as \u escapes; Python reads them back raw.
EVIL_TOML = r"E\u001b]0;pwned\u0007 \u001b]52;c;YQ==\u0007 a\nb\rc"
EVIL = "E\x1b]0;pwned\x07 \x1b]52;c;YQ==\x07 a\nb\rc"
SHOWN = r"E\x1b]0;pwned\x07 \x1b]52;c;YQ==\x07 a\nb\rc"
# Every control character but the newline that ends a line of output.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def evil(cli, data_dir):
    write_habits(data_dir, {"evil": EVIL_TOML})
    # A broken file whose name holds a title sequence: the warning names it.
    (data_dir / "habits" / "bad\x1b]0;file\x07.toml").write_text("id = ")
    assert cli("check", "evil", "--date", "2026-11-22", "--note", "note \x1b[2J\x9b31m").code == 0
    return cli


def safe(result) -> None:
    assert not CONTROL.search(result.out), repr(result.out)
    assert not CONTROL.search(result.err), repr(result.err)
    for line in result.err.splitlines():
        assert line.startswith(("plumbline: error: ", "plumbline: warning: ")), line


@pytest.mark.parametrize("command", [
    ("today",), ("week",), ("streaks",), ("habits",), ("check", "evil"), ("skip", "evil"),
    ("uncheck", "evil", "--date", "2026-11-22"), ("export", "--format", "csv"),
])
def test_text_shows_control_characters_as_escapes(evil, command):
    result = evil(*command)
    assert result.code == 0, result.err
    safe(result)
    if command[0] != "export":
        assert any(SHOWN in line for line in result.out.splitlines())  # one line, as typed
    assert "bad\\x1b]0;file\\x07.toml" in result.err


@pytest.mark.parametrize("command", [("today", "--json"), ("week", "--json"), ("habits", "--json"), ("export",)])
def test_json_keeps_them_escaped_as_json_does(evil, command):
    result = evil(*command)
    assert result.code == 0, result.err
    safe(result)
    found = json.loads(result.out)
    if isinstance(found, dict):
        found = found.get("habits") or found["custom_habits"]  # the export keeps the habit file's fields
    assert EVIL in {habit["name"] for habit in found}  # the data itself is kept as typed
    assert "\\u001b]0;pwned\\u0007" in result.out


def test_the_note_is_kept_and_exported_escaped(evil):
    result = evil("export")
    notes = [entry["note"] for entry in json.loads(result.out)["entries"]]
    assert "note \x1b[2J\x9b31m" in notes
    assert "\\u009b" in result.out  # C1's one-byte CSI: json.dumps would leave it raw


def test_an_error_from_user_input_is_one_safe_line(evil):
    result = evil("check", "no\x1b]0;title\x07such\nhabit\r")
    assert result.code == 2
    safe(result)
    errors = [line for line in result.err.splitlines() if line.startswith("plumbline: error: ")]
    assert len(errors) == 1 and "no\\x1b]0;title\\x07such\\nhabit\\r" in errors[0]


def test_a_bad_date_with_a_newline_is_one_line(cli):
    result = cli("today", "--date", "2026-11-22\nthen more")
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("plumbline: error: ")
