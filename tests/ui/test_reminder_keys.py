"""Reminders in the app: the countdown line, b / z / P, and the settings screen (o)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input

from plumbline.app.tracker import Tracker
from plumbline.notify.service import ReminderService
from plumbline.ui.app import PlumblineApp
from plumbline.ui.screens.settings import SettingsScreen
from plumbline.ui.widgets.break_countdown import BreakCountdown
from tests.conftest import BUILTIN_HABITS, MONDAY, stored_entry
from tests.notify.recorder import Desktop
from tests.ui.conftest import screen_text

SIZE = (80, 24)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def reminder_app(data_dir, clock):
    def build(desktop=None):
        tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
        tracker.store.update_meta(lambda meta: meta.update(notice_seen=True, created="2026-11-01"))
        aware = lambda: clock().replace(tzinfo=BERLIN)  # noqa: E731
        kwargs = {"sender": desktop} if desktop else {}
        service = ReminderService(tracker, aware, **kwargs)
        return PlumblineApp(tracker, clock=clock, reminders=service)

    return build


def notified(app) -> list[str]:
    return [n.message for n in app._notifications]


def countdown_text(app) -> str:
    return str(app.screen.query_one(BreakCountdown).render())


async def test_the_countdown_shows_the_next_break_and_b_restarts_it(reminder_app, clock, data_dir):
    app = reminder_app(Desktop())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Next posture break 09:45 (in 45 min)" in countdown_text(app)
        clock.now = dt.datetime(2026, 11, 23, 9, 20)
        await pilot.press("b")
        await pilot.pause()
        assert "Next posture break 10:05 (in 45 min)" in countdown_text(app)
        assert stored_entry(app.tracker.store, "posture-breaks", MONDAY).count == 1
        assert any("Break counted" in m for m in notified(app))


async def test_z_snoozes_and_p_pauses_then_resumes(reminder_app, clock):
    app = reminder_app(Desktop())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("z")
        assert "Next posture break 09:10 (in 10 min)" in countdown_text(app)
        await pilot.press("P")
        assert "Reminders paused until 10:00" in countdown_text(app)
        await pilot.press("P")
        assert "Next posture break 09:10" in countdown_text(app)


async def test_settings_screen_validates_and_saves(reminder_app, data_dir):
    app = reminder_app(Desktop())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        field = app.screen.query_one("#break_minutes", Input)
        field.value = "5"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SettingsScreen)
        assert "posture-break interval '5'" in screen_text(app)
        field.value = "30"
        app.screen.query_one("#habit-knee-pillow", Input).value = "21:30, 22:15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert "Next posture break 09:30" in countdown_text(app)
    saved = Tracker(data_dir, builtin_dir=BUILTIN_HABITS).reminders.settings()
    assert saved.break_minutes == 30
    assert saved.habit_times == {"knee-pillow": (dt.time(21, 30), dt.time(22, 15))}


async def test_without_any_dbus_the_app_says_so_once_per_data_dir_covering_nothing(reminder_app, monkeypatch):
    for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for start in ("first", "second"):
        app = reminder_app()  # the real sender: it finds no session bus
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(5):
                await pilot.pause(0.05)
            assert [n.message for n in app._notifications] == []  # no toast over the habit details
            countdown = countdown_text(app)
            assert "Next posture break" in countdown
            if start == "first":
                assert "No desktop notifications: there is no D-Bus session bus" in countdown
            else:
                assert "no D-Bus" not in countdown and "in-app reminders only (? says why)" in countdown
                assert "b break now" not in countdown  # at 80 columns the hints give way: one line
                assert app.screen.query_one(BreakCountdown).size.height == 1
            await pilot.press("question_mark")
            await pilot.pause()
            assert "there is no D-Bus session bus here" in screen_text(app)  # help keeps it
            await pilot.press("escape", "space")  # the keys still work: checked, then unchecked
            done = "1 of" if start == "first" else "0 of"
            assert done in str(app.screen.query_one("#day-header").render())


async def test_without_a_reminder_service_there_is_no_countdown(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query(BreakCountdown)
        await pilot.press("z")
        assert any("not running" in m for m in notified(app))


async def test_day_start_is_set_on_the_settings_screen(make_app, data_dir):
    """A late night counts for the evening before once the day starts at 03:00."""
    import datetime as dt

    from textual.widgets import Input

    from plumbline.app.tracker import Tracker
    from tests.conftest import BUILTIN_HABITS

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#day_starts_at", Input).value = "09:00"
        await pilot.press("ctrl+s")
        assert "06:00" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#day_starts_at", Input).value = "03:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    assert tracker.today(dt.datetime(2026, 11, 24, 1, 30)) == dt.date(2026, 11, 23)
    assert tracker.today(dt.datetime(2026, 11, 24, 3, 0)) == dt.date(2026, 11, 24)


async def test_a_reminder_shown_in_the_app_covers_nothing_and_b_answers_it(reminder_app, clock):
    from plumbline.notify.bus import NoNotificationService

    class NoDesktop(Desktop):  # a desktop that refuses every notification: the in-app fallback
        async def send(self, note):
            raise NoNotificationService("the test's desktop refuses")

    app = reminder_app(NoDesktop())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        posture = next(r for r in app.reminders.plan if r.kind == "posture-break")
        clock.now = posture.at.replace(tzinfo=None)
        assert await app.reminders.fire(posture.id)
        await pilot.pause()
        assert [n for n in app._notifications if posture.message in n.message] == []  # no toast
        assert f"Posture break: {posture.message}" in countdown_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert posture.message not in countdown_text(app)
