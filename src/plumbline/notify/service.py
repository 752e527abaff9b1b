"""The reminder schedule on APScheduler 3.11's AsyncIOScheduler: in the app and in `plumbline remind`.

One job carries the next posture break and is moved with `modify_job` whenever the countdown
restarts (a break taken, a prompt sent, a snooze, a return from suspend): never a `*/45` cron,
which fires at :00 and :45, and no AndTrigger, which can hang. Habit reminders are one date job
each for the next 24 hours. Every job fires through `fire`, which checks the reminder is still
wanted, claims it in the data dir (so an open app and the service send it once) and delivers it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Awaitable, Callable
from typing import Any

from plumbline.app import changes as changed
from plumbline.app.breaks import take_break
from plumbline.app.reminders import upcoming_reminders
from plumbline.app.tracker import Tracker
from plumbline.domain.reminder_settings import ReminderSettings
from plumbline.domain.reminders import HABIT, Reminder, elapsed, next_break, utc
from plumbline.errors import PlumblineError
from plumbline.notify.answers import answer, note_for
from plumbline.notify.idle import IdleMonitor
from plumbline.notify.notifier import Notifier, Show
from plumbline.notify.sender import Note, Sender, choose_sender
from plumbline.notify.watcher import ClockWatcher

TICK_SECONDS = 15
GRACE = dt.timedelta(minutes=2)  # a reminder later than this is stale: dropped, and the plan made anew
AWAY = dt.timedelta(minutes=5)  # a suspend this long counts as time away from the desk
POSTURE_JOB = "posture-break"
REPLAN_JOB = "replan"
REPLAN_MINUTES = 30  # moves the 24-hour window on and picks up habit changes made elsewhere

Clock = Callable[[], dt.datetime]


class ReminderService:
    def __init__(self, tracker: Tracker, clock: Clock, monotonic: Callable[[], float] = time.monotonic,
                 sender: Sender | None = None, idle: IdleMonitor | None = None,
                 log: Callable[[str], None] = lambda line: None) -> None:
        self.tracker = tracker
        self.store = tracker.reminders
        self.clock = clock  # aware, local
        self.monotonic = monotonic
        self.sender = sender or choose_sender()
        self.idle = idle or IdleMonitor()
        self.log = log
        self.warn_now: Callable[[str], None] = lambda line: None
        self.notifier: Notifier | None = None
        self.away = False  # inside an idle spell already counted as a natural break
        self.settings = ReminderSettings()
        self.plan: list[Reminder] = []
        self.scheduler: Any = None
        self.watcher = ClockWatcher(clock, monotonic)
        self._fingerprint = ""
        self._tasks: set[asyncio.Task] = set()
        self._dropped: set[tuple[str, dt.datetime]] = set()  # (job id, run time) dropped as missed
        self._settings_warned = False
        self._loop: asyncio.AbstractEventLoop | None = None
        # Every change made through the tracker (by the app, a desktop answer, a natural break)
        # moves the plan at once; changes by other processes are found by `tick`.
        tracker.changes.listen(self._heard)

    # -- running -------------------------------------------------------------------------------

    def start(self, show: Show, warn: Callable[[str], None]) -> None:
        """Call inside the running event loop (the app's, or `plumbline remind`'s). `show` is the
        in-app fallback; `warn` hears a delivery problem the first time this data dir meets it."""
        from apscheduler.events import EVENT_JOB_MISSED
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        self._loop = asyncio.get_running_loop()
        self.warn_now = warn  # trouble to say at once (a damaged file); delivery problems go through _report
        self.notifier = Notifier(self.sender, show, lambda line: self._report(line, warn), self._answered)
        self.scheduler = AsyncIOScheduler(
            timezone=self.clock().tzinfo,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": int(GRACE.total_seconds())},
        )
        self.scheduler.add_listener(self._missed, EVENT_JOB_MISSED)
        self.scheduler.start()
        self.replan()
        self._spawn(self.notifier.check())
        self._spawn(self._watch())

    def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        if self.notifier is not None:
            self.notifier.close()
        self.idle.close()
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def _spawn(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _watch(self) -> None:
        trouble = ""
        while True:
            await asyncio.sleep(TICK_SECONDS)
            try:
                self.tick()
                trouble = ""
            except (PlumblineError, OSError) as error:
                # A file damaged or a disk full for a while must not end the watch for good: it
                # says so once and looks again next tick, so a repaired file is picked up.
                if str(error) != trouble:
                    self.warn_now(str(error))
                trouble = str(error)
            await self.notice_idle()

    def _report(self, problem: str, warn: Callable[[str], None]) -> None:
        """A delivery problem: the user hears it once per data dir and problem, the log otherwise."""
        try:
            first = self.store.first_report(problem)
        except PlumblineError:
            first = True  # better said twice than never
        (warn if first else self.log)(problem)

    def delivery_problem(self) -> str | None:
        """Why reminders show in the app instead of on the desktop, while that is so."""
        return self.notifier.problem if self.notifier else None

    # -- answers from the desktop and natural breaks -------------------------------------------

    def _answered(self, note: Note, key: str) -> None:
        if note.reminder is None:
            return
        try:
            said = answer(self.tracker, self.settings, note.reminder, key, self.clock())
        except PlumblineError as error:
            if self.notifier is not None:
                self.notifier.warn(f"the answer from the notification was not recorded: {error}")
            return
        if said:
            self.log(said)

    async def notice_idle(self) -> None:
        """Time away from the keyboard in working hours is a natural break: the countdown restarts
        when the spell reaches the set length, and again from the moment the user is back."""
        if not self.settings.natural_breaks:
            return
        seconds = await self.idle.idle_seconds()
        if seconds is None:
            return
        now = self.clock()
        spell = seconds >= self.settings.idle_minutes * 60
        if spell == self.away:
            return
        self.away = spell
        moment = now if spell else elapsed(now, -dt.timedelta(seconds=seconds))
        if self.settings.in_working_hours(moment):
            try:
                self.store.record_break(moment)
            except PlumblineError as error:
                self.log(f"a natural break was not recorded: {error}")
                return
            self.log(f"{moment:%H:%M} natural break: " + ("away from the keyboard" if spell else "back"))

    def tick(self) -> None:
        """Every ~15 s: after a suspend or a clock jump make the plan anew (no stale burst, no
        long silence); otherwise follow changes another process made (a snooze, a break)."""
        drift = self.watcher.check()
        if drift is not None:
            if drift >= AWAY:
                self.store.note_away(self.clock())
            self.log(f"clock jumped by {_minutes(drift)}; reminders planned anew")
            self.replan()
        elif self.store.fingerprint() != self._fingerprint:
            self.replan()

    def _missed(self, event: Any) -> None:
        # A job dropped as too late means the machine slept or the clock moved: look at once.
        # The same job at the same time is never scheduled again: when the scheduler's clock and
        # ours disagree (a clock set back), re-adding it would only be dropped again, forever.
        self._dropped.add((event.job_id, utc(event.scheduled_run_time)))
        asyncio.get_running_loop().call_soon(self._after_missed)

    def _after_missed(self) -> None:
        self.tick()
        self.replan()

    # -- planning ------------------------------------------------------------------------------

    def compute(self, start: dt.datetime) -> list[Reminder]:
        try:
            self.settings = self.store.settings()
        except PlumblineError as error:
            if not self._settings_warned and self.notifier is not None:
                self._settings_warned = True
                self.notifier.warn(f"{error}; using the default reminder settings until then")
            self.settings = ReminderSettings()
        self.tracker.reload_library()
        return upcoming_reminders(self.tracker, self.settings, start)

    def _heard(self, what: str) -> None:
        if what == changed.PAIN:
            return  # nothing planned depends on pain
        if self._loop is not None and self._loop is not _running_loop():
            self._loop.call_soon_threadsafe(self.replan)  # a save that waited for the lock in a worker
        else:
            self.replan()

    def replan(self) -> None:
        self._fingerprint = self.store.fingerprint()
        self.plan = self.compute(self.clock())
        if self.scheduler is not None:
            self._sync_jobs()

    async def _replan_job(self) -> None:
        # A coroutine, so APScheduler's AsyncIOExecutor runs it on the loop, not in a thread.
        self.replan()

    def _sync_jobs(self) -> None:
        from apscheduler.triggers.date import DateTrigger
        from apscheduler.triggers.interval import IntervalTrigger

        zone = self.clock().tzinfo
        wanted = {f"habit:{r.id}": r for r in self.plan if r.kind == HABIT}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("habit:") and job.id not in wanted:
                job.remove()
        for job_id, reminder in wanted.items():
            if self.scheduler.get_job(job_id) is None and (job_id, utc(reminder.at)) not in self._dropped:
                self.scheduler.add_job(self.fire, DateTrigger(reminder.at, zone), args=[reminder.id], id=job_id)
        posture = next_break(self.plan)
        job = self.scheduler.get_job(POSTURE_JOB)
        if posture is None:
            if job is not None:
                job.remove()
        elif job is None:
            if (POSTURE_JOB, utc(posture.at)) not in self._dropped:
                self.scheduler.add_job(self.fire, DateTrigger(posture.at, zone), args=[posture.id], id=POSTURE_JOB)
        elif job.args != (posture.id,):
            self.scheduler.modify_job(POSTURE_JOB, trigger=DateTrigger(posture.at, zone),
                                      next_run_time=posture.at, args=[posture.id])
        if self.scheduler.get_job(REPLAN_JOB) is None:
            self.scheduler.add_job(self._replan_job, IntervalTrigger(minutes=REPLAN_MINUTES, timezone=zone), id=REPLAN_JOB)

    # -- firing --------------------------------------------------------------------------------

    async def fire(self, reminder_id: str) -> bool:
        """Send the reminder if it is still wanted and no other process sent it; True if sent."""
        reminder = next((r for r in self.plan if r.id == reminder_id), None)
        sent = False
        if reminder is not None and utc(self.clock()) - utc(reminder.at) <= GRACE:
            # Planned a while ago: the habit may be done by now, or a break taken.
            try:
                still = reminder_id in {r.id for r in self.compute(reminder.at)}
                gap = dt.timedelta(minutes=self.settings.break_minutes / 2)
                claimed = still and self.store.claim(reminder, gap)
            except (PlumblineError, OSError) as error:
                # Raised from a job, it would reach the terminal as APScheduler's logged traceback.
                if self.notifier is not None:
                    self.notifier.warn(f"{reminder.title} not sent: {error}")
                return False
            if claimed:
                sent = True
                assert self.notifier is not None
                desktop = await self.notifier.deliver(note_for(reminder, self.settings))
                self.log(f"{reminder.at:%H:%M} {'sent' if desktop else 'shown'}: {reminder.title}: {reminder.message}")
        self.replan()
        return sent

    # -- what the app's keys do ----------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.clock()

    def next_break(self) -> dt.datetime | None:
        upcoming_break = next_break(self.plan)
        return upcoming_break.at if upcoming_break else None

    def paused_until(self) -> dt.datetime | None:
        until = self.store.state().paused_until
        return until if until and utc(until) > utc(self.clock()) else None

    def take_break(self) -> None:
        take_break(self.tracker, self.clock())

    def snooze(self) -> dt.datetime:
        until = elapsed(self.clock(), dt.timedelta(minutes=self.settings.snooze_minutes))
        self.store.snooze(until)
        return until

    def toggle_pause(self) -> dt.datetime | None:
        """Pause every reminder for the set length; pressed again while paused, resume."""
        length = dt.timedelta(minutes=self.settings.pause_minutes)
        until = None if self.paused_until() else elapsed(self.clock(), length)
        self.store.pause(until)
        return until


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None  # a worker thread


def _minutes(delta: dt.timedelta) -> str:
    return f"{delta.total_seconds() / 60:+.0f} min"
