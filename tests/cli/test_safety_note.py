"""The short safety notice on the first CLI write, once per data dir (issue 14, item 2f)."""

import json

from tests.layout import stored_state

HEAD = "plumbline: before you start:"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_first_write_shows_the_note_on_stderr_once(cli, data_dir):
    assert HEAD not in cli("today").err  # a read neither shows it nor uses it up
    first = cli("check", "knee-pillow")
    assert first.code == 0 and first.out == "Slept with a knee pillow: done on 2026-11-23\n"
    assert first.err.startswith(HEAD)
    said = flat(first.err)
    assert "not a diagnosis or a treatment plan" in said and "Stop an exercise at once if it increases your pain" in said
    assert "pregnant or have recently given birth" in said and "its own precise correction" in said
    meta = stored_state(data_dir)
    assert meta["shell_notice_seen"] is True
    for again in (cli("check", "knees-uncrossed"), cli("pain", "3"), cli("skip", "core-work")):
        assert again.code == 0 and again.err == ""


def test_pain_as_the_first_write_shows_it_too(cli):
    result = cli("pain", "4", "--note", "stiff")
    assert result.code == 0 and result.err.startswith(HEAD)


def test_not_shown_where_the_app_notice_was_already_seen(cli, data_dir):
    (data_dir / "plumbline.json").write_text(json.dumps({"meta": {"1": {"schema": 2, "notice_seen": True}}}))
    result = cli("check", "knee-pillow")
    assert result.code == 0 and result.err == ""


def test_a_failed_write_does_not_use_it_up(cli):
    assert cli("check", "no-such-habit").code == 2
    assert cli("uncheck", "knee-pillow").err.startswith(HEAD)


def test_setting_up_the_reminder_service_shows_it_too(cli, tmp_path):
    result = cli("remind", "--install-service", env={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert result.code == 0 and result.err.startswith(HEAD)
    assert cli("check", "knee-pillow").err == ""  # once per data dir, whichever command showed it
