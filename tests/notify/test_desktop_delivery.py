"""Notifications that really arrive: a private dbus-daemon, a notification server on it that
records what it receives, and the real `plumbline notify-test` and reminder service sending."""

import datetime as dt
from zoneinfo import ZoneInfo

from plumbline.app.tracker import Tracker
from plumbline.cli.remind_commands import TEST_MESSAGE, TEST_TITLE
from plumbline.domain.reminders import BREAK_PROMPTS, HABIT, POSTURE_BREAK
from plumbline.notify.sender import EXPIRE_SECONDS
from plumbline.notify.service import ReminderService
from tests.conftest import BUILTIN_HABITS, MONDAY
from tests.notify.dbus_fixtures import needs_dbus

pytestmark = needs_dbus
BERLIN = ZoneInfo("Europe/Berlin")
NO_SESSION = {"DBUS_SESSION_BUS_ADDRESS": "", "XDG_RUNTIME_DIR": "", "DISPLAY": ""}


def one_error_line(result, *names):
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("plumbline: error: ")
    for name in names:
        assert name in lines[0]


def test_notify_test_arrives_and_expires_by_itself(cli, desktop_bus):
    before = len(desktop_bus.received())
    result = cli("notify-test", env={"DBUS_SESSION_BUS_ADDRESS": desktop_bus.address})
    assert result.code == 0, result.err
    assert "plumbline-test-server" in result.out
    assert result.err == ""
    got = desktop_bus.received()[before:]
    assert [(n["app_name"], n["summary"], n["body"]) for n in got] == [("plumbline", TEST_TITLE, TEST_MESSAGE)]
    # 0 would mean "never expires" (what plyer's notify-send route sent); -1 the server's whim.
    assert got[0]["expire_timeout"] == EXPIRE_SECONDS * 1000 > 0
    assert got[0]["urgency"] == 1
    assert got[0]["actions"] == []  # a test has nothing to answer


def test_notify_test_needs_no_notify_send_and_no_dbus_python(cli, desktop_bus, tmp_path):
    # Both hidden: notify-send off the PATH, dbus-python made unimportable. dbus-fast alone sends.
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / "dbus.py").write_text("raise ImportError('hidden by the test')\n")
    before = len(desktop_bus.received())
    result = cli("notify-test", env={"DBUS_SESSION_BUS_ADDRESS": desktop_bus.address, "PYTHONPATH": str(hidden),
                                     "PATH": str(hidden)})
    assert result.code == 0, result.err
    assert [n["summary"] for n in desktop_bus.received()[before:]] == [TEST_TITLE]


def test_without_a_notification_service_notify_test_fails_in_one_clear_line(cli, bare_bus):
    result = cli("notify-test", env={"DBUS_SESSION_BUS_ADDRESS": bare_bus.address})
    assert result.code == 1
    one_error_line(result, "org.freedesktop.Notifications", "no desktop notification was shown", "dunst")
    assert bare_bus.received() == []


def test_without_any_session_bus_notify_test_fails_in_one_clear_line(cli):
    result = cli("notify-test", env=NO_SESSION)
    assert result.code == 1
    one_error_line(result, "no D-Bus session bus", "desktop session")


class Started:
    """The real reminder service with its real sender, on the bus given, at Monday 09:00;
    `async with` stops it."""

    def __init__(self, data_dir, bus, monkeypatch):
        self.bus = bus
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
        # The machine's own logind (a real system bus) must not answer for idle time in a test.
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/plumbline-test")
        self.now = dt.datetime.combine(MONDAY, dt.time(9, 0), tzinfo=BERLIN)
        self.tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
        self.service = ReminderService(self.tracker, lambda: self.now)
        self.warnings, self.shown, self.changes = [], [], []
        # What the service writes reaches the app as every change does: through the tracker.
        self.tracker.changes.listen(lambda what: self.changes.append(what))
        self.service.start(show=lambda *shown: self.shown.append(shown), warn=self.warnings.append)

    async def fire_next(self, kind, habit=None):
        reminder = next(r for r in self.service.plan if r.kind == kind and r.habit == habit)
        self.now = reminder.at
        assert await self.service.fire(reminder.id)
        return reminder

    async def fire_and_read(self, kind, habit=None):
        """Fire the next such reminder; it, and what the notification server received."""
        before = len(self.bus.received())
        reminder = await self.fire_next(kind, habit)
        [received] = self.bus.received()[before:]
        return reminder, received

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.service.stop()


async def test_a_posture_break_and_a_habit_reminder_arrive_with_their_buttons(data_dir, desktop_bus, monkeypatch):
    async with Started(data_dir, desktop_bus, monkeypatch) as started:
        before = len(desktop_bus.received())
        posture = await started.fire_next(POSTURE_BREAK)
        await started.fire_next(HABIT, "knee-pillow")
        got = desktop_bus.received()[before:]
        assert [(n["summary"], n["body"]) for n in got] == [
            ("Posture break", posture.message),
            ("Pillow between the knees", "When you sleep on your side, put a pillow between your knees.")]
        assert posture.message in BREAK_PROMPTS
        assert got[0]["actions"] == ["done", "I took it", "snooze", "Snooze 10 min"]
        assert got[1]["actions"] == ["done", "Done", "snooze", "Snooze 10 min"]
        assert all(n["expire_timeout"] > 0 for n in got)
        assert (started.warnings, started.shown) == ([], [])


async def test_an_unanswered_posture_break_is_replaced_not_stacked(data_dir, desktop_bus, monkeypatch):
    async with Started(data_dir, desktop_bus, monkeypatch) as started:
        before = len(desktop_bus.received())
        await started.fire_next(POSTURE_BREAK)
        await started.fire_next(POSTURE_BREAK)
        first, second = desktop_bus.received()[before:]
        assert first["replaces_id"] == 0
        assert second["replaces_id"] == first["id"] == second["id"]  # one bubble on screen, updated
        assert list(started.service.sender.pending) == [first["id"]]


async def test_without_buttons_on_the_server_none_are_offered(data_dir, buttonless_bus, monkeypatch):
    async with Started(data_dir, buttonless_bus, monkeypatch) as started:
        await started.fire_next(POSTURE_BREAK)
        assert [n["actions"] for n in buttonless_bus.received()] == [[]]


async def test_without_a_service_the_reminder_falls_back_and_it_is_said_once(data_dir, bare_bus, monkeypatch):
    async with Started(data_dir, bare_bus, monkeypatch) as started:
        for _ in range(2):
            await started.fire_next(POSTURE_BREAK)
        assert [title for title, _ in started.shown] == ["Posture break", "Posture break"]
        assert len(started.warnings) == 1 and "org.freedesktop.Notifications" in started.warnings[0]
        assert "start a notification service" in started.warnings[0]


async def test_the_missing_service_is_said_once_per_data_dir_not_once_per_start(data_dir, bare_bus, monkeypatch):
    said = []
    for _ in range(2):
        async with Started(data_dir, bare_bus, monkeypatch) as started:
            await started.fire_next(POSTURE_BREAK)
            said.append(list(started.warnings))
            assert started.service.delivery_problem() is not None  # the help screen still has it
    assert len(said[0]) == 1 and said[1] == []
