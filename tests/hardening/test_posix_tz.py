"""Issue 12, item 13: with a POSIX TZ string (TZ=XYZ-3: three hours east of UTC, no zone file)
break times were stored three hours off, read as UTC."""

import datetime as dt
import json

import pytest

from plumbline.cli import clock
from tests.layout import stored_state


def test_a_break_under_a_posix_tz_is_stored_at_the_right_moment(cli, data_dir):
    result = cli("check", "posture-breaks", env={"TZ": "XYZ-3"})  # PLUMBLINE_NOW: 10:00 local
    assert result.code == 0, result.err
    meta = stored_state(data_dir)
    stored = dt.datetime.fromisoformat(meta["reminder_state"]["last_break"])
    assert stored.astimezone(dt.UTC) == dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)


def test_reminders_under_a_posix_tz_carry_its_offset(cli):
    result = cli("remind", "--list", "--json", "--from", "2026-11-23T09:00", env={"TZ": "XYZ-3"})
    assert result.code == 0, result.err
    first = json.loads(result.out)[0]
    assert first["at"].endswith("+03:00")


@pytest.mark.parametrize(("moment", "offset"), [((2026, 7, 1, 12), 4), ((2026, 1, 1, 12), 3)])
def test_a_posix_rule_with_summer_time_gives_each_moment_its_offset(monkeypatch, moment, offset):
    import time

    monkeypatch.setenv("TZ", "AAA-3BBB,M3.5.0,M10.5.0")
    time.tzset()
    try:
        zone = clock.local_zone()
        assert dt.datetime(*moment, tzinfo=zone).utcoffset() == dt.timedelta(hours=offset)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("tz", ["Europe/Berlin", ":Europe/Berlin"])
def test_a_zone_named_in_tz_gives_its_summer_and_winter_offsets(monkeypatch, recwarn, tz):
    import time

    monkeypatch.setenv("TZ", tz)
    time.tzset()
    try:
        zone = clock.local_zone()
        assert dt.datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset() == dt.timedelta(hours=2)
        assert dt.datetime(2026, 1, 1, 12, tzinfo=zone).utcoffset() == dt.timedelta(hours=1)
        assert not recwarn.list  # nothing said over the app's screen
    finally:
        monkeypatch.undo()
        time.tzset()
