"""Answering a reminder on the desktop, and natural breaks, over a real session bus.

The notification server clicks a button when the test asks (as a user would); a second small
server plays GNOME's idle monitor. What is asserted is what the user would see: the check
recorded, the countdown restarted, the open app's row changed.
"""

import asyncio
import datetime as dt

from plumbline.domain.reminders import HABIT, POSTURE_BREAK
from tests.conftest import MONDAY, stored_entry
from tests.notify.dbus_fixtures import control, needs_dbus
from tests.notify.test_desktop_delivery import BERLIN, Started

pytestmark = needs_dbus
NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications", "org.plumbline.TestServer")
IDLE = ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core", "org.plumbline.TestIdle")
LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1/session/auto", "org.plumbline.TestLogind")


async def click(bus, notification_id, key):
    await control(bus.address, *NOTIFICATIONS, "Invoke", "us", notification_id, key)


async def until(condition, seconds=5.0):
    """Wait for the signal to be handled: a condition polled, not a reminder interval slept."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the answer from the notification never arrived")


def monday(hh, mm=0):
    return dt.datetime.combine(MONDAY, dt.time(hh, mm), tzinfo=BERLIN)


async def test_done_on_a_habit_reminder_checks_the_habit(data_dir, desktop_bus, monkeypatch):
    async with Started(data_dir, desktop_bus, monkeypatch) as started:
        _, sent = await started.fire_and_read(HABIT, "knee-pillow")
        await click(desktop_bus, sent["id"], "done")
        await until(lambda: started.changes)
        assert stored_entry(started.tracker.store, "knee-pillow", MONDAY).count == 1
        assert started.service.sender.pending == {}  # answered: nothing left waiting
        assert not [r for r in started.service.plan if r.habit == "knee-pillow" and r.at.date() == MONDAY]


async def test_i_took_it_counts_the_break_and_restarts_the_countdown(data_dir, desktop_bus, monkeypatch):
    async with Started(data_dir, desktop_bus, monkeypatch) as started:
        posture, sent = await started.fire_and_read(POSTURE_BREAK)
        started.now = posture.at + dt.timedelta(minutes=2)  # read, stood up, clicked
        await click(desktop_bus, sent["id"], "done")
        await until(lambda: started.changes)
        assert stored_entry(started.tracker.store, "posture-breaks", MONDAY).count == 1
        assert started.tracker.reminders.state().last_break == started.now
        assert started.service.next_break() == started.now + dt.timedelta(minutes=45)


async def test_snooze_brings_the_habit_reminder_back_after_the_snooze_length(data_dir, desktop_bus, monkeypatch):
    async with Started(data_dir, desktop_bus, monkeypatch) as started:
        reminder, sent = await started.fire_and_read(HABIT, "knee-pillow")
        started.now = reminder.at + dt.timedelta(minutes=1)
        await click(desktop_bus, sent["id"], "snooze")
        await until(lambda: started.changes)
        again = [r.at for r in started.service.plan if r.habit == "knee-pillow" and r.at.date() == MONDAY]
        assert again == [started.now + dt.timedelta(minutes=10)]
        assert stored_entry(started.tracker.store, "knee-pillow", MONDAY) is None  # snoozing records nothing
        await started.fire_next(HABIT, "knee-pillow")  # and it does come again
        assert desktop_bus.received()[-1]["summary"] == "Pillow between the knees"


async def test_a_closed_or_expired_notification_leaves_nothing_pending(data_dir, desktop_bus, monkeypatch):
    async with Started(data_dir, desktop_bus, monkeypatch) as started:
        _, sent = await started.fire_and_read(POSTURE_BREAK)
        assert list(started.service.sender.pending) == [sent["id"]]
        await control(desktop_bus.address, *NOTIFICATIONS, "Expire", "u", sent["id"])
        await until(lambda: not started.service.sender.pending)
        assert started.service.sender.slots == {}
        await started.fire_next(POSTURE_BREAK)
        assert desktop_bus.received()[-1]["replaces_id"] == 0  # a new bubble, the old one is gone
        assert started.changes == []  # an expiry records nothing


async def set_idle(bus, seconds):
    await control(bus.address, *IDLE, "Set", "t", int(seconds * 1000))


async def test_time_away_in_working_hours_is_a_natural_break(data_dir, idle_monitor, monkeypatch):
    async with Started(data_dir, idle_monitor, monkeypatch) as started:
        started.now = monday(10, 0)
        started.service.replan()
        await set_idle(idle_monitor, 60)  # a minute: not yet a break
        await started.service.notice_idle()
        assert started.tracker.reminders.state().last_break is None
        await set_idle(idle_monitor, 200)  # over the default 3 minutes
        await started.service.notice_idle()
        assert started.tracker.reminders.state().last_break == monday(10, 0)
        assert started.service.next_break() == monday(10, 45)
        started.now = monday(10, 20)
        await set_idle(idle_monitor, 30)  # back at the desk since 10:19:30
        await started.service.notice_idle()
        back = monday(10, 20) - dt.timedelta(seconds=30)
        assert started.tracker.reminders.state().last_break == back
        assert started.service.next_break() == monday(11, 5)  # 45 min from the return, whole minutes
        assert stored_entry(started.tracker.store, "posture-breaks", MONDAY) is None  # a walk or a meeting: not counted
        assert len(started.changes) == 2


async def test_time_away_outside_working_hours_or_switched_off_changes_nothing(data_dir, idle_monitor, monkeypatch):
    async with Started(data_dir, idle_monitor, monkeypatch) as started:
        started.now = monday(19, 0)
        await set_idle(idle_monitor, 600)
        await started.service.notice_idle()
        assert started.tracker.reminders.state().last_break is None
        store = started.tracker.reminders
        store.save_settings(store.settings().__class__(natural_breaks=False))
        started.now = monday(10, 0)
        started.service.replan()
        started.service.away = False
        await started.service.notice_idle()
        assert started.tracker.reminders.state().last_break is None


async def test_logind_is_asked_where_the_session_bus_has_no_idle_monitor(desktop_bus, logind_bus, monkeypatch):
    from plumbline.notify.idle import IdleMonitor

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop_bus.address)
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", logind_bus.address)
    wall = 1_800_000_000.0
    monitor = IdleMonitor(wall=lambda: wall)
    try:
        assert await monitor.idle_seconds() == 0.0  # IdleHint false: at the keyboard
        await control(logind_bus.address, *LOGIND, "Set", "bt", True, int((wall - 240) * 1_000_000))
        assert await monitor.idle_seconds() == 240.0
    finally:
        monitor.close()


async def test_where_no_desktop_reports_idle_time_nothing_changes_or_complains(data_dir, desktop_bus, monkeypatch):
    async with Started(data_dir, desktop_bus, monkeypatch) as started:  # no idle monitor on this bus
        started.now = monday(10, 0)
        assert await started.service.idle.idle_seconds() is None
        await started.service.notice_idle()
        assert started.tracker.reminders.state().last_break is None
        assert (started.warnings, started.changes) == ([], [])


async def test_the_open_app_shows_an_answer_from_the_desktop_at_once(data_dir, desktop_bus, monkeypatch):
    from plumbline.app.tracker import Tracker
    from plumbline.notify.service import ReminderService
    from plumbline.ui.app import PlumblineApp
    from tests.conftest import BUILTIN_HABITS
    from tests.ui.conftest import screen_text

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop_bus.address)
    now = [monday(9, 45)]
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    tracker.store.update_meta(lambda meta: meta.update(notice_seen=True, created="2026-11-01"))
    service = ReminderService(tracker, lambda: now[0])
    app = PlumblineApp(tracker, clock=lambda: now[0].replace(tzinfo=None), reminders=service)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = len(desktop_bus.received())
        posture = next(r for r in service.plan if r.kind == POSTURE_BREAK)
        assert await service.fire(posture.id)
        [sent] = desktop_bus.received()[before:]
        assert "0/6" in screen_text(app)
        now[0] = monday(9, 47)
        await click(desktop_bus, sent["id"], "done")
        await until(lambda: stored_entry(tracker.store, "posture-breaks", MONDAY) is not None)
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "1/6" in shown  # the row, without waiting for the once-a-second look at the files
        assert "Next posture break 10:32" in shown
