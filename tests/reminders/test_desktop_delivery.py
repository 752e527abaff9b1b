"""Notifications that really arrive: a private dbus-daemon, a notification server on it that
records what it receives, and the real `plumbline notify-test` and reminder service sending."""

import datetime as dt
import shutil
from zoneinfo import ZoneInfo

import pytest

from plumbline.cli.remind_commands import TEST_MESSAGE, TEST_TITLE
from plumbline.domain.reminders import BREAK_PROMPTS, HABIT, POSTURE_BREAK
from plumbline.reminders.service import ReminderService
from plumbline.storage.tracker import Tracker
from tests.conftest import BUILTIN_HABITS, MONDAY
from tests.reminders.dbus_fixtures import needs_dbus

pytestmark = needs_dbus
BERLIN = ZoneInfo("Europe/Berlin")
NO_SESSION = {"DBUS_SESSION_BUS_ADDRESS": "", "XDG_RUNTIME_DIR": "", "DISPLAY": ""}


def one_error_line(result, *names):
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("plumbline: error: ")
    for name in names:
        assert name in lines[0]


def test_notify_test_arrives_at_the_notification_service(cli, desktop_bus):
    before = len(desktop_bus.received())
    result = cli("notify-test", env={"DBUS_SESSION_BUS_ADDRESS": desktop_bus.address})
    assert result.code == 0, result.err
    assert "plumbline-test-server" in result.out
    got = desktop_bus.received()[before:]
    assert [(n["app_name"], n["summary"], n["body"]) for n in got] == [("plumbline", TEST_TITLE, TEST_MESSAGE)]
    assert result.err == ""


@pytest.mark.skipif(shutil.which("notify-send") is None, reason="notify-send (libnotify-bin) is not installed")
def test_without_dbus_python_plyer_uses_notify_send_and_nothing_reaches_stderr(cli, desktop_bus, tmp_path):
    # Hide dbus-python so plyer takes its notify-send path: its warning and notify-send's own
    # stderr would draw over the app's screen if they were not kept away.
    hidden = tmp_path / "hide-dbus"
    hidden.mkdir()
    (hidden / "dbus.py").write_text("raise ImportError('hidden by the test')\n")
    before = len(desktop_bus.received())
    result = cli("notify-test", env={"DBUS_SESSION_BUS_ADDRESS": desktop_bus.address, "PYTHONPATH": str(hidden)})
    assert result.code == 0, result.err
    assert "notify-send" in result.out
    assert result.err == ""
    got = desktop_bus.received()[before:]
    assert [(n["summary"], n["body"]) for n in got] == [(TEST_TITLE, TEST_MESSAGE)]


def test_without_a_notification_service_notify_test_fails_in_one_clear_line(cli, bare_bus):
    result = cli("notify-test", env={"DBUS_SESSION_BUS_ADDRESS": bare_bus.address})
    assert result.code == 1
    one_error_line(result, "org.freedesktop.Notifications", "no desktop notification was shown")
    assert bare_bus.received() == []


def test_without_any_session_bus_notify_test_fails_in_one_clear_line(cli):
    result = cli("notify-test", env=NO_SESSION)
    assert result.code == 1
    one_error_line(result, "no D-Bus session bus")


class Started:
    """The real reminder service with its real notifier, on the bus given, at Monday 09:00."""

    def __init__(self, data_dir, address, monkeypatch):
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        self.now = dt.datetime.combine(MONDAY, dt.time(9, 0), tzinfo=BERLIN)
        self.service = ReminderService(Tracker(data_dir, builtin_dir=BUILTIN_HABITS), lambda: self.now)
        self.warnings, self.shown = [], []
        self.service.start(show=lambda *shown: self.shown.append(shown), warn=self.warnings.append)

    async def fire_next(self, kind, habit=None):
        reminder = next(r for r in self.service.plan if r.kind == kind and r.habit == habit)
        self.now = reminder.at
        assert await self.service.fire(reminder.id)
        return reminder


async def test_a_posture_break_and_a_habit_reminder_arrive(data_dir, desktop_bus, monkeypatch):
    started = Started(data_dir, desktop_bus.address, monkeypatch)
    try:
        before = len(desktop_bus.received())
        posture = await started.fire_next(POSTURE_BREAK)
        await started.fire_next(HABIT, "knee-pillow")
        got = [(n["summary"], n["body"]) for n in desktop_bus.received()[before:]]
        assert got == [("Posture break", posture.message),
                       ("Pillow between the knees", "When you sleep on your side, put a pillow between your knees.")]
        assert posture.message in BREAK_PROMPTS
        assert (started.warnings, started.shown) == ([], [])
    finally:
        started.service.stop()


async def test_without_a_service_the_reminder_falls_back_and_it_is_said_once(data_dir, bare_bus, monkeypatch):
    started = Started(data_dir, bare_bus.address, monkeypatch)
    try:
        for _ in range(2):
            await started.fire_next(POSTURE_BREAK)
        assert [title for title, _ in started.shown] == ["Posture break", "Posture break"]
        assert len(started.warnings) == 1 and "org.freedesktop.Notifications" in started.warnings[0]
    finally:
        started.service.stop()
