"""The APScheduler wiring and the clock watcher, with injected wall and monotonic clocks.

The desktop is replaced by a recorder here (test_desktop_delivery covers the real bus); the
scheduler, the store and the schedule are real. No test sleeps through an interval: the clock is
moved and the job `fire` APScheduler would call is awaited directly.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.domain.reminders import HABIT, POSTURE_BREAK
from plumbline.notify.service import POSTURE_JOB, ReminderService
from plumbline.notify.watcher import ClockWatcher
from tests.conftest import BUILTIN_HABITS, MONDAY, stored_entry
from tests.notify.recorder import Desktop

BERLIN = ZoneInfo("Europe/Berlin")


def monday(hh, mm=0):
    return dt.datetime.combine(MONDAY, dt.time(hh, mm), tzinfo=BERLIN)


class Clocks:
    """Wall and monotonic clocks that move together, unless a test makes them part."""

    def __init__(self, now):
        self.now = now
        self.mono = 1000.0

    def wall(self):
        return self.now

    def monotonic(self):
        return self.mono

    def run(self, minutes):
        self.now += dt.timedelta(minutes=minutes)
        self.mono += minutes * 60

    def suspend(self, minutes):
        self.now += dt.timedelta(minutes=minutes)  # the monotonic clock stops while asleep


@pytest.fixture
def clocks():
    return Clocks(monday(9))


@pytest.fixture
def desktop():
    return Desktop()


@pytest.fixture
async def start_service(data_dir, clocks, desktop):
    services = []

    def start():
        service = ReminderService(Tracker(data_dir, builtin_dir=BUILTIN_HABITS), clocks.wall,
                                  monotonic=clocks.monotonic, sender=desktop)
        service.start(show=lambda *a: None, warn=lambda line: None)
        services.append(service)
        return service

    yield start
    for service in services:
        service.stop()


def posture_job_time(service):
    return service.scheduler.get_job(POSTURE_JOB).next_run_time


async def test_the_posture_job_follows_the_plan_and_a_sent_break_moves_it_on(start_service, clocks, desktop):
    service = start_service()
    assert posture_job_time(service) == monday(9, 45)
    clocks.now = monday(9, 45)
    assert await service.fire(service.plan[0].id)
    assert desktop.got[0][0] == "Posture break"
    assert posture_job_time(service) == monday(10, 30)
    assert len([j for j in service.scheduler.get_jobs() if j.id == POSTURE_JOB]) == 1


async def test_a_break_taken_early_restarts_the_countdown_and_counts(start_service, clocks, data_dir):
    service = start_service()
    clocks.run(20)
    service.take_break()
    assert posture_job_time(service) == monday(10, 5)
    assert stored_entry(service.tracker.store, "posture-breaks", MONDAY).count == 1
    stale = service.tracker.reminders
    assert stale.state().last_break == monday(9, 20)


async def test_a_break_planned_before_one_was_taken_is_not_sent(start_service, clocks, desktop):
    service = start_service()
    planned = service.plan[0]
    # Another process (the CLI's check) records a break; the planned 09:45 job still fires.
    service.tracker.reminders.record_break(monday(9, 30))
    clocks.now = planned.at
    assert not await service.fire(planned.id)
    assert desktop.got == []
    assert posture_job_time(service) == monday(10, 15)


async def test_a_habit_reminder_is_suppressed_once_the_habit_is_done(start_service, clocks, desktop):
    service = start_service()
    pillow = next(r for r in service.plan if r.kind == HABIT and r.habit == "knee-pillow")
    service.tracker.store.change_entry("knee-pillow", MONDAY, lambda _: Entry(MONDAY, count=1))
    clocks.now = pillow.at
    assert not await service.fire(pillow.id)
    assert desktop.got == []
    assert service.scheduler.get_job(f"habit:{pillow.id}") is None


async def test_app_and_service_send_a_reminder_once(start_service, clocks, desktop):
    app_side, service_side = start_service(), start_service()
    pillow = next(r for r in app_side.plan if r.habit == "knee-pillow")
    clocks.now = pillow.at
    assert await service_side.fire(pillow.id)
    assert not await app_side.fire(pillow.id)
    posture = next(r for r in app_side.plan if r.kind == POSTURE_BREAK)
    clocks.now = posture.at
    results = [await app_side.fire(posture.id), await service_side.fire(posture.id)]
    assert results == [True, False]
    assert [title for title, _ in desktop.got] == ["Pillow between the knees", "Posture break"]


async def test_snooze_and_pause_reach_another_process_on_its_next_tick(start_service, clocks):
    app_side, service_side = start_service(), start_service()
    clocks.run(1)
    assert app_side.snooze() == monday(9, 11)
    service_side.tick()
    assert posture_job_time(service_side) == monday(9, 11)
    until = app_side.toggle_pause()
    assert until == monday(10, 1)
    service_side.tick()
    assert service_side.next_break() >= until
    assert app_side.toggle_pause() is None  # pressed again: reminders resume
    assert app_side.paused_until() is None


async def test_after_a_suspend_the_plan_is_made_anew_without_a_stale_burst(start_service, clocks, desktop):
    service = start_service()
    stale = service.plan[0]
    assert stale.at == monday(9, 45)
    clocks.run(0.25)
    clocks.suspend(150)  # asleep from 09:00 to 11:30: three breaks fell while the lid was shut
    service.tick()
    # No burst of the three, and no silence: time away restarts the countdown from the return.
    assert service.next_break() == monday(12, 16)
    assert posture_job_time(service) == monday(12, 16)
    assert stale.id not in {r.id for r in service.plan}
    assert not await service.fire(stale.id)  # the stale job, had APScheduler not dropped it
    assert desktop.got == []


async def test_a_clock_set_back_is_noticed_and_the_plan_follows_it(start_service, clocks):
    clocks.now = monday(10)
    service = start_service()
    assert service.next_break() == monday(10)  # nothing sent since 09:00: overdue, so due now
    clocks.now -= dt.timedelta(days=1)  # the wall clock is set back to Sunday
    clocks.mono += 15
    service.tick()
    assert service.next_break() == monday(9, 45)  # no breaks on Sunday; Monday's first


def test_the_watcher_tells_normal_running_from_a_jump():
    clocks = Clocks(monday(9))
    watcher = ClockWatcher(clocks.wall, clocks.monotonic)
    clocks.run(0.25)
    assert watcher.check() is None
    clocks.suspend(90)
    assert watcher.check() == dt.timedelta(minutes=90)
    clocks.run(0.25)
    assert watcher.check() is None
    clocks.now -= dt.timedelta(hours=1)
    assert watcher.check() == -dt.timedelta(hours=1)
