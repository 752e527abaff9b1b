"""`plumbline remind` as a user and a script see it: real subprocesses, time pinned."""

import datetime as dt
import json
import re
import subprocess
import sys

from tests.conftest import MONDAY

BERLIN = {"TZ": "Europe/Berlin"}


def test_list_json_from_a_monday_morning(cli):
    result = cli("remind", "--list", "--json", "--from", "2026-11-23T08:30", env=BERLIN)
    assert result.code == 0, result.err
    reminders = json.loads(result.out)
    for r in reminders:
        assert set(r) >= {"at", "kind", "habit", "title", "message"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?[+-]\d\d:\d\d", r["at"]), r["at"]
    ats = {r["at"]: dt.datetime.fromisoformat(r["at"]) for r in reminders}
    breaks = [ats[r["at"]] for r in reminders if r["kind"] == "posture-break"]
    assert breaks and all(r["habit"] is None for r in reminders if r["kind"] == "posture-break")
    assert breaks[0].date() == MONDAY and breaks[0].time() >= dt.time(9, 0)
    assert all(b.date() == MONDAY and dt.time(9) <= b.time() < dt.time(17) for b in breaks)
    pillow = [ats[r["at"]] for r in reminders if r["habit"] == "knee-pillow"]
    assert [(p.date(), p.time()) for p in pillow] == [(MONDAY, dt.time(22, 0))]
    assert pillow[0].utcoffset() == dt.timedelta(hours=1)
    assert all(ats[r["at"]] >= dt.datetime.fromisoformat("2026-11-23T08:30+01:00") for r in reminders)


def test_list_in_words_and_a_break_checked_restarts_the_countdown(cli):
    before = cli("remind", "--list", "--from", "2026-11-23T09:00", env=BERLIN)
    assert before.code == 0, before.err
    assert "Mon 09:45  Posture break" in before.out
    assert cli("check", "posture-breaks", now="2026-11-23T09:30:00", env=BERLIN).code == 0
    after = cli("remind", "--list", "--from", "2026-11-23T09:31", env=BERLIN)
    assert "Mon 10:15  Posture break" in after.out and "Mon 09:45" not in after.out


def test_a_bad_from_is_bad_input(cli):
    result = cli("remind", "--list", "--from", "monday-ish")
    assert result.code == 2
    assert result.err.startswith("plumbline: error: bad --from 'monday-ish'") and len(result.err.splitlines()) == 1


def test_install_service_writes_a_user_unit_and_says_how_to_enable_it(cli, tmp_path, data_dir):
    config = tmp_path / "config"
    result = cli("remind", "--install-service", env={"XDG_CONFIG_HOME": str(config)})
    assert result.code == 0, result.err
    unit = config / "systemd" / "user" / "plumbline-remind.service"
    text = unit.read_text()
    assert f"-m plumbline --data-dir {data_dir} remind" in text
    assert "WantedBy=default.target" in text
    assert "systemctl --user enable --now plumbline-remind.service" in result.out


def test_remind_list_loads_no_scheduler_no_plyer_no_textual(data_dir):
    code = (
        "import sys; from plumbline.cli.main import main; "
        f"main(['--data-dir', {str(data_dir)!r}, 'remind', '--list', '--json']); "
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert not set(done.stderr.split()) & {"textual", "apscheduler", "plyer", "dbus_fast", "dbus"}
