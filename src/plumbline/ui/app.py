"""The plumbline app, built from explicit arguments so tests run it over a temporary folder."""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel

from plumbline.app import changes as changed
from plumbline.app import locking as lock
from plumbline.app.settings import APP_NOTICE
from plumbline.app.tracker import Tracker
from plumbline.ui import glyphs
from plumbline.ui.errors import DataDamaged, reported
from plumbline.ui.messages import REMINDER_SHOWN_CHANGE, DataChanged, NewDay
from plumbline.ui.reminder_control import ReminderControl
from plumbline.ui.report_control import Opener, ReportWriter, open_with_system
from plumbline.ui.screens.today import TodayScreen
from plumbline.ui.user_text import shown

if TYPE_CHECKING:
    from plumbline.domain.checklist import ChecklistRow

# Routines and the safety notice are imported where they are used: the app starts on Today, and
# every module loaded first delays its first paint.

Clock = Callable[[], dt.datetime]
ROLLOVER_CHECK_SECONDS = 20
# How often the app looks for check-ins made elsewhere (the CLI, the reminder service).
EXTERNAL_CHANGES_SECONDS = 0.4  # another device's changes show within a second of arriving
REMINDER_SHOWN = dt.timedelta(minutes=10)
APP_LOCK_SECONDS = 0.5


class PlumblineApp(App[None]):
    # Absolute, so that a subclass defined elsewhere (the benchmark's) still finds it.
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "plumbline"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit_ctrl", show=False),
    ]

    def __init__(
        self,
        tracker: Tracker,
        clock: Clock = dt.datetime.now,
        monotonic: Callable[[], float] = time.monotonic,
        routine: str | None = None,
        reminders: ReminderControl | None = None,
        watch_terminal: bool = False,
        ascii_marks: bool = False,
        start_notice: str = "",
        report_writer: ReportWriter | None = None,
        open_file: Opener = open_with_system,
        first_rows: tuple[dt.date, list[ChecklistRow]] | None = None,
        after_first_frame: Callable[[], None] | None = None,
    ) -> None:
        """`ascii_marks`: the plain marks (glyphs.py); `start_notice`: said once the app is up
        (why the marks are plain, when the terminal's character set chose them); `report_writer`
        and `open_file`: the therapist's report and how to open it (report_control.py);
        `first_rows`: a day's checklist the launcher worked out already, not worked out twice;
        `after_first_frame`: called once the first screen is painted (the launcher's own work)."""
        super().__init__()
        glyphs.use_ascii(ascii_marks)
        self.set_class(ascii_marks, "-plain-marks")  # app.tcss draws the borders in ASCII too
        self.start_notice = start_notice
        self.first_rows = first_rows
        self.after_first_frame = after_first_frame
        self.tracker = tracker
        self.clock = clock
        self.monotonic = monotonic  # times the routine player's holds; wall-clock jumps do not touch it
        self.start_routine = routine
        self.today = tracker.today(clock())
        self.reminders = reminders  # None: no scheduling (tests, screenshots)
        self.report_writer = report_writer
        self.open_file = open_file
        # The first time this data dir meets "no desktop notifications", Today says it in full.
        self.delivery_in_full = False
        self.shown_reminder = ("", clock())  # a reminder shown in the app, and when it came
        # Started on a real terminal: leave when it goes away. Under `make run` a closed terminal
        # window does not always deliver SIGHUP, and the input thread would spin on the dead tty.
        self.watch_terminal = watch_terminal
        self.declined: set[str] = set()  # restore offers answered "no", by problem
        self.seen_outside = tracker.outside_signature()  # what check_external_changes compares with
        self._stop_listening = self._hear(tracker)
        # The UI thread never waits long for the lock: a plumbline process stopped while holding
        # it would freeze every key, q included. After APP_LOCK_SECONDS a change is "not saved",
        # naming the holder.
        lock.set_process_timeout(APP_LOCK_SECONDS)

    def _hear(self, tracker: Tracker) -> Callable[[], None]:
        """What the tracker says reaches the user. Both may come from a worker thread (a save
        that waited for the lock), and notify and post_message are thread-safe."""
        # A backup that could not be taken (a full disk) does not stop the change; it is told. So
        # is another device's file that cannot be read yet (storage/data_files.py): it was skipped.
        tracker.warn = lambda line: self.notify(
            line, title="Another device's file skipped" if line.startswith("skipped ") else "No backup today",
            severity="warning", timeout=20, markup=False)
        # Every write made through the tracker (here, in a worker, or by the reminder service's
        # desktop answers) reaches every screen as one DataChanged.
        def heard(what: str) -> None:
            self.seen_outside = tracker.past_own_writes(self.seen_outside)
            self.post_message(DataChanged(what))

        return tracker.changes.listen(heard)

    def get_default_screen(self) -> TodayScreen:
        # Today is the bottom of the stack, not pushed over Textual's blank default screen: that
        # screen cost a compose and a paint at start, and a repaint of Today after it.
        day, rows = self.first_rows or (None, None)
        self.first_rows = None
        return TodayScreen(self.tracker, self.today, rows if day == self.today else None)

    def on_mount(self) -> None:
        if self.start_routine:
            self.play_routine(self.start_routine)
        if self.start_notice:
            self.notify(self.start_notice, title="Plain marks", timeout=30, markup=False)
        self._say_load_errors(self.tracker.load_errors)
        self.seen_habit_files = self.seen_outside[1]  # scanned once, in __init__
        settings = self.tracker.settings
        with reported(self):
            if not settings.seen(APP_NOTICE):
                from plumbline.ui.screens.notice import SafetyNotice

                self.push_screen(SafetyNotice(), self._notice_seen)
            if settings.theme() in self.available_themes:
                self.theme = settings.theme() or self.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.set_interval(ROLLOVER_CHECK_SECONDS, self.check_rollover)
        self.set_interval(EXTERNAL_CHANGES_SECONDS, self.check_external_changes)
        self.call_after_refresh(self._first_frame_painted)

    def _first_frame_painted(self) -> None:
        if self.after_first_frame is not None:
            self.after_first_frame()
        # After the first frame: the scheduler and the session bus are not needed to draw
        # Today, and starting them first cost the launch about a tenth of a second.
        self._start_reminders()
        # What exists now lives as long as the app: the modules (the reminder service's too, just
        # loaded), Today's widgets, the habits. The launcher froze what there was at the first
        # frame (cli/launch.py); this takes in the rest, and any app it did not open. Out of the
        # collector's sight, they are not walked by each full collection, which at ten years took
        # about 36 ms in the middle of whatever key it fell on (10 ms after).
        gc.freeze()

    def _start_reminders(self) -> None:
        if self.reminders is None or not self.is_running:
            return
        self.reminders.start(show=self.show_reminder, warn=self.warn_reminders)
        self.post_message(DataChanged(REMINDER_SHOWN_CHANGE))  # the countdown shows the plan now

    def on_unmount(self) -> None:
        gc.unfreeze()  # what the app froze can be collected again (several apps in one test run)
        self._stop_listening()
        lock.set_process_timeout(None)
        if self.reminders is not None:
            self.reminders.stop()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification passes here: they carry habit names and file names (user_text.py)."""
        super().notify(shown(message), title=shown(title), severity=severity, timeout=timeout, markup=markup)

    def get_key_display(self, binding: Binding) -> str:
        return glyphs.punctuated(super().get_key_display(binding))  # the plain marks spell arrows <>

    def show_reminder(self, title: str, message: str) -> None:
        """A reminder in the app, with the terminal bell, where no desktop service shows it: under
        the countdown line, not as a toast, which would cover the habit's cautions or a form's
        error for as long as it stayed."""
        self.shown_reminder = (f"{title}: {message}", self.clock())
        self.bell()
        self.post_message(DataChanged(REMINDER_SHOWN_CHANGE))

    def current_reminder(self) -> str:
        """The reminder shown in the app, for REMINDER_SHOWN after it came ("" once answered)."""
        text, since = self.shown_reminder
        return text if text and self.clock() - since < REMINDER_SHOWN else ""

    def clear_reminder(self) -> None:
        self.shown_reminder = ("", self.clock())

    def warn_reminders(self, line: str) -> None:
        if self.reminders is not None and line == self.reminders.delivery_problem():
            # Not a toast: it would cover the habit details for its whole timeout, on every start.
            self.delivery_in_full = True
            self.post_message(DataChanged(REMINDER_SHOWN_CHANGE))
        else:  # trouble the reminders met (a damaged file): said at once
            self.notify(line, title="Reminders", severity="warning", timeout=20, markup=False)

    def _theme_changed(self, theme) -> None:
        """A theme chosen in the palette is kept for the next start (it was forgotten)."""
        with reported(self):
            self.tracker.settings.save_theme(theme.name)

    @on(DataChanged)
    def _tell_screens(self, message: DataChanged) -> None:
        """Every open screen refreshes what it shows, in its own DataChanged handler."""
        for screen in self.screen_stack:
            screen.post_message(DataChanged(message.what))

    def _notice_seen(self, _: None) -> None:
        with reported(self):
            self.tracker.settings.mark_seen(APP_NOTICE, self.today)

    @on(DataDamaged)
    def offer_restore(self, message: DataDamaged) -> None:
        """A file became unreadable while the app runs: offer the newest good backup, once per
        problem, and only while no offer is already showing."""
        if message.problem in self.declined or any(s.id == "restore-offer" for s in self.screen_stack):
            return
        backup = self.tracker.newest_good_backup()
        if backup is None:
            return  # the notification already names the file and what to do
        from plumbline.ui.screens.restore_offer import RestoreOffer

        def answered(restore: bool | None) -> None:
            if not restore:
                self.declined.add(message.problem)
                return
            with reported(self):
                kept = self.tracker.restore(backup, self.clock())
                self.notify("Restored from the backup of " + backup.name + "; kept aside: "
                            + (", ".join(p.name for p in kept) or "nothing"), title="Restored", markup=False)

        self.push_screen(RestoreOffer(message.problem, backup.name, "leave it, keep the app open"), answered)

    def check_external_changes(self) -> None:
        """Show what another process wrote (a `plumbline check`, the reminder service)."""
        if self.watch_terminal and not os.isatty(0):
            self.exit(return_code=1)
            return
        outside = self.tracker.outside_signature()  # a few stat calls: nothing here can be damaged
        if outside == self.seen_outside:
            return
        with reported(self):
            self.tracker.merge_conflict_copies()  # a sync engine's, arrived meanwhile
        habit_files = outside[1]  # a conflict copy merged is an entries or state file, never a habit file
        if habit_files != self.seen_habit_files:  # a habit file dropped in (or edited) while open
            self.seen_habit_files = habit_files
            before = {str(e) for e in self.tracker.load_errors}
            self.tracker.reload_library()
            self._say_load_errors([e for e in self.tracker.load_errors if str(e) not in before])
        self.seen_outside = outside
        self.post_message(DataChanged(changed.EVERYTHING))

    def _say_load_errors(self, errors) -> None:
        for error in errors:
            self.notify(f"{error}; the other habits loaded", title="Habit file skipped",
                        severity="warning", timeout=15, markup=False)

    def check_rollover(self) -> None:
        """Move Today on when midnight passes while the app is open."""
        with reported(self):
            self._roll_over(self.tracker.today(self.clock()))

    def _roll_over(self, today: dt.date) -> None:
        if today != self.today:
            self.today = today
            for screen in self.screen_stack:
                screen.post_message(NewDay(today))

    def choose_routine(self, habit_id: str | None = None) -> None:
        """The routine chooser, with the routine linked to `habit_id` highlighted; enter plays it."""
        from plumbline.ui.screens.routine_chooser import RoutineChooser

        library = self.tracker.routines()

        def chosen(routine_id: str | None) -> None:
            if routine_id:  # read again: a routine may have been typed in the chooser meanwhile
                self.play_routine(routine_id)

        self.push_screen(RoutineChooser(library, self.tracker.library.by_id(), habit_id), chosen)
        for error in library.errors:  # after the push, so the notice shows over the chooser
            self.notify(f"{error}; the other routines loaded", title="Routine file skipped",
                        severity="warning", timeout=15, markup=False)

    def play_routine(self, routine_id: str) -> None:
        from plumbline.ui.screens.routine_player import RoutinePlayerScreen

        routine = self.tracker.routines().by_id().get(routine_id)
        if routine is None:
            self.notify(f"unknown routine '{routine_id}': see the routines with r", severity="error", markup=False)
            return
        habit = self.tracker.library.by_id().get(routine.habit or "")
        player = RoutinePlayerScreen(routine, self.tracker, self.clock, self.monotonic,
                                     habit.label_done if habit else "")
        self.push_screen(player)
