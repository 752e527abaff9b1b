"""Issue 12, items 7 and 10 in the running app: damage, a full or read-only disk, and a lock
held by a stopped process. The app used to die with a traceback (or freeze, q included)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from plumbline.app.tracker import Tracker
from plumbline.notify import service as service_module
from plumbline.notify.service import ReminderService
from plumbline.ui.app import PlumblineApp
from tests.conftest import BUILTIN_HABITS, MONDAY, stored_entry
from tests.hardening.conftest import fill, mounted_tmpfs, remount_read_only
from tests.hardening.test_lock_and_links import HOLDER
from tests.notify.recorder import Desktop
from tests.ui.conftest import FakeClock

SIZE = (80, 24)
BERLIN = ZoneInfo("Europe/Berlin")


def build(data_dir: Path, clock: FakeClock, notice_seen: bool = True, reminders: bool = True) -> PlumblineApp:
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    tracker.store.update_meta(lambda meta: meta.update(notice_seen=notice_seen, created="2026-11-01"))
    service = None
    if reminders:
        desktop = Desktop()
        service = ReminderService(tracker, lambda: clock().replace(tzinfo=BERLIN), sender=desktop)
    return PlumblineApp(tracker, clock=clock, monotonic=clock.monotonic, reminders=service)


def notified(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def until(pilot, condition, seconds: float = 10) -> None:
    """Pause until `condition` holds; fail after `seconds` of real time."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


async def test_the_reminder_watch_survives_a_damaged_file_and_follows_the_repair(data_dir, monkeypatch):
    monkeypatch.setattr(service_module, "TICK_SECONDS", 0.02)
    clock = FakeClock(dt.datetime(2026, 11, 23, 9, 0))
    app = build(data_dir, clock)
    database = app.tracker.locations.database
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        good = database.read_bytes()
        database.write_bytes(b'{"meta": ')
        # The watch ticks every 20 ms; on a busy machine a tick can come late, so wait for it.
        await until(pilot, lambda: any(str(database) in m for m in notified(app)))
        assert app.is_running
        database.write_bytes(good)  # repaired (a restore, a sync)
        Tracker(data_dir, BUILTIN_HABITS).reminders.snooze(dt.datetime(2026, 11, 23, 9, 7, tzinfo=BERLIN))
        snoozed = dt.datetime(2026, 11, 23, 9, 7, tzinfo=BERLIN)
        await until(pilot, lambda: app.reminders.next_break() == snoozed)  # the watch lives
    assert database.read_bytes() != b'{"meta": '


async def test_a_record_of_the_wrong_type_is_reported_and_the_restore_is_offered(data_dir):
    clock = FakeClock(dt.datetime(2026, 11, 23, 9, 0))
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    tracker.check("core-work", MONDAY - dt.timedelta(days=1), today=MONDAY - dt.timedelta(days=1))
    tracker.check("glute-work", MONDAY, today=MONDAY)  # Monday's backup holds Sunday's check-in
    month = tracker.locations.entries_file(MONDAY)
    app = build(data_dir, clock, reminders=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        month.write_text(month.read_text().replace('"c":1', '"c":"abc"', 1))
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running and app.screen.id == "restore-offer"
        assert any(str(month) in m for m in notified(app))
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.id != "restore-offer"
        assert any("Restored" in m or "kept aside" in m for m in notified(app))
    assert list(month.parent.glob(f"{month.name}.damaged-*"))
    assert Tracker(data_dir, BUILTIN_HABITS).store.history()  # readable again


async def test_b_z_p_and_the_first_notice_on_a_full_then_read_only_disk_say_so(tmp_path):
    with mounted_tmpfs(tmp_path / "disk", 400) as disk:
        data_dir = disk / "data"
        # The real time: with a fixed day in the past, APScheduler's real clock would drop every
        # planned break as missed and the service would replan in a loop for the whole test.
        clock = FakeClock(dt.datetime.now(BERLIN).replace(tzinfo=None, microsecond=0))
        app = build(data_dir, clock, notice_seen=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            fill(disk, leave_bytes=0)
            await pilot.press("enter")  # dismisses the first notice: saving that it was seen fails
            for key in ("b", "z", "P", "space"):
                await pilot.press(key)
            await pilot.pause()
            assert app.is_running
            assert any("No space left on device" in m for m in notified(app)), notified(app)
            (disk / "filler").unlink()
            remount_read_only(disk)
            for key in ("b", "z", "P", "space"):
                await pilot.press(key)
            await pilot.pause()
            assert app.is_running
            assert any("Read-only file system" in m for m in notified(app)), notified(app)
            await pilot.press("q")


RELEASABLE_HOLDER = HOLDER.replace("time.sleep(60)", "sys.stdin.readline()")


async def test_a_change_waits_for_a_stopped_lock_holder_off_the_event_loop_and_lands_later(data_dir):
    clock = FakeClock(dt.datetime(2026, 11, 23, 9, 0))
    app = build(data_dir, clock, reminders=False)
    holder = subprocess.Popen([sys.executable, "-c", RELEASABLE_HOLDER, str(data_dir)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        os.kill(holder.pid, signal.SIGSTOP)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            first = app.screen.rows[0].habit.id
            began = time.monotonic()
            await pilot.press("space")
            await pilot.press("down")  # the UI answers while the save waits
            assert time.monotonic() - began < 1
            assert any(f"Saving... waiting for plumbline process {holder.pid}" in m for m in notified(app))
            os.kill(holder.pid, signal.SIGCONT)
            holder.stdin.write("\n")
            holder.stdin.flush()
            assert holder.wait(10) == 0
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert stored_entry(app.tracker.store, first, MONDAY) is not None  # the change landed
            assert next(r for r in app.screen.rows if r.habit.id == first).entry is not None
    finally:
        if holder.poll() is None:
            os.kill(holder.pid, signal.SIGKILL)
            holder.wait(10)


async def test_quitting_while_a_save_waits_for_a_stopped_holder_is_quick(data_dir):
    clock = FakeClock(dt.datetime(2026, 11, 23, 9, 0))
    app = build(data_dir, clock, reminders=False)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        os.kill(holder.pid, signal.SIGSTOP)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("space")
            began = time.monotonic()
            await pilot.press("q")
        assert time.monotonic() - began < 3 and not app.is_running
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)


async def test_the_routine_players_hurt_key_over_a_damaged_state_file_still_offers_and_reports(data_dir):
    """'x' read the habit day from plumbline.json before showing the pain dialog: a damaged file
    killed the app at the moment the user said it hurts."""
    from plumbline.ui.screens.pain_form import PainForm

    clock = FakeClock(dt.datetime(2026, 11, 23, 9, 0))
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    tracker.store.update_meta(lambda meta: meta.update(notice_seen=True, created="2026-11-01"))
    app = PlumblineApp(tracker, clock=clock, monotonic=clock.monotonic, routine="towel")
    database = tracker.locations.database
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space")
        database.write_bytes(b'{"meta": {"1": {"schema": "2"}}}')
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, PainForm)
        await pilot.press("7", "enter")
        await pilot.pause()
        assert app.is_running
        assert any(str(database) in m for m in notified(app))
    assert database.read_bytes() == b'{"meta": {"1": {"schema": "2"}}}'


async def test_a_backup_that_cannot_be_taken_is_told_in_the_app(tmp_path, monkeypatch):
    with mounted_tmpfs(tmp_path / "disk", 400) as disk:
        data_dir = disk / "data"
        monkeypatch.setenv("PLUMBLINE_STATE_DIR", str(disk / "state"))  # the backups' disk is the full one
        tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
        october = dt.date(2026, 10, 5)
        tracker.check("core-work", october, note="x" * 60_000, today=october)  # a big month to copy
        clock = FakeClock(dt.datetime(2026, 11, 24, 9, 0))  # a new day: its first change takes a backup
        app = build(data_dir, clock, reminders=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            fill(disk, leave_bytes=30_000)  # room for November's small file, not for a copy of October
            await pilot.press("space")
            await pilot.pause()
            assert any("could not take a backup" in m for m in notified(app)), notified(app)
            assert app.is_running
        assert not list(tracker.locations.backups.glob(".tmp-*"))
