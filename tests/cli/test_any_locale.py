"""Output in a locale whose charset lacks a character of the data (issue 17): every command
succeeds; text shows '?' where the charset has no glyph, JSON escapes the character instead."""

import contextlib
import json
import re
import subprocess

import pytest

from tests.conftest import write_habits

SUN = "Morning sun \u2600 walk"  # U+2600 is in no ISO-8859 charset
CAFE = "Caf\u00e9 stretch"  # é is in latin-1 and must come out as itself


@pytest.fixture(scope="session")
def latin_1(tmp_path_factory) -> dict[str, str]:
    """The environment of an ISO-8859-1 locale: a real one where localedef can build it (into a
    folder LOCPATH points at), else PYTHONIOENCODING, which gives stdout and stderr the same."""
    folder = tmp_path_factory.mktemp("locales")
    # localedef exits 1 for warnings that do not stop it: the folder says whether it worked.
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(folder / "en_US.ISO-8859-1")],
                       capture_output=True, timeout=120)
    if (folder / "en_US.ISO-8859-1").is_dir():
        return {"LOCPATH": str(folder), "LC_ALL": "en_US.ISO-8859-1"}
    return {"PYTHONIOENCODING": "latin-1"}


@pytest.fixture
def latin(cli, data_dir, latin_1):
    write_habits(data_dir, {"sun": SUN, "cafe": CAFE})
    with (data_dir / "habits" / "sun.toml").open("a") as sun:
        sun.write('time = "09:30"\n')  # a reminder whose title is the name
    assert cli("check", "sun", "--date", "2026-11-22", "--note", "sunny \u2600").code == 0

    def run(*args: str):
        result = cli(*args, env=latin_1, encoding="latin-1")
        assert result.code == 0, result.err
        assert result.err == ""
        return result

    return run


@pytest.mark.parametrize("command", [
    ("today",), ("week",), ("streaks",), ("habits",), ("check", "sun"), ("skip", "sun"),
    ("uncheck", "sun", "--date", "2026-11-22"), ("export", "--format", "csv"),
])
def test_text_output_replaces_what_latin_1_lacks(latin, command):
    out = latin(*command).out
    assert SUN.replace("\u2600", "?") in out
    assert "\u2600" not in out


def test_text_output_keeps_what_latin_1_has(latin):
    assert CAFE in latin("today").out


@pytest.mark.parametrize("command", [
    ("today", "--json"), ("week", "--json"), ("streaks", "--json"), ("habits", "--json"),
])
def test_json_output_escapes_what_latin_1_lacks(latin, command):
    result = latin(*command)
    assert "\\u2600" in result.out
    found = json.loads(result.out)
    rows = found if isinstance(found, list) else found["habits"]
    assert {SUN, CAFE} <= {row["name"] for row in rows}


def test_reminders_under_latin_1(latin):
    listed = latin("remind", "--list", "--from", "2026-11-23T08:00")
    assert SUN.replace("\u2600", "?") in listed.out
    reminders = json.loads(latin("remind", "--list", "--json", "--from", "2026-11-23T08:00").out)
    assert any(SUN in r["title"] or SUN in r["message"] for r in reminders)


def test_pain_and_import_under_latin_1(latin, cli, tmp_path):
    assert latin("pain", "3", "--note", "after the \u2600 walk").out.startswith("Pain 3/10 logged")
    exported = tmp_path / "export.json"
    assert cli("export", "--output", str(exported)).code == 0
    assert latin("import", str(exported)).out.startswith("Imported ")


def test_export_to_stdout_is_json_that_imports_the_same(latin, cli, tmp_path):
    exported = latin("export").out
    assert "\\u2600" in exported
    document = json.loads(exported)
    assert any(entry.get("note") == "sunny \u2600" for entry in document["entries"])
    saved = tmp_path / "export.json"
    saved.write_text(exported, encoding="latin-1")
    assert cli("--data-dir", str(tmp_path / "other"), "import", str(saved)).code == 0


def test_routines_under_latin_1(latin):
    assert "\\u" not in latin("routine", "--list", "--json").out  # nothing to escape: left as is
    assert latin("routine", "--list").out.strip()


@pytest.mark.parametrize("typed", [
    "no-such-\u00e9".encode("latin-1"),  # é as a latin-1 terminal sends it
    "no-such-\u2600".encode("utf-8"),  # bytes the locale reads as other characters, C1 among them
])
def test_an_error_naming_what_was_typed_is_one_safe_line(cli, latin_1, typed):
    failed = cli("check", typed, env=latin_1, encoding="latin-1")
    assert failed.code == 2
    assert failed.err.startswith("plumbline: error: unknown habit 'no-such-") and failed.err.count("\n") == 1
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", failed.err), failed.err
