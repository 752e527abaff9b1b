"""The plumbline app, built from explicit arguments so tests run it over a temporary folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from plumbline.storage.tracker import Tracker
from plumbline.ui.reminder_control import ReminderControl
from plumbline.ui.screens.notice import SafetyNotice
from plumbline.ui.screens.today import TodayScreen

Clock = Callable[[], dt.datetime]
ROLLOVER_CHECK_SECONDS = 20


class PlumblineApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "plumbline"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit_ctrl", show=False),
    ]

    def __init__(self, tracker: Tracker, clock: Clock = dt.datetime.now, reminders: ReminderControl | None = None) -> None:
        super().__init__()
        self.tracker = tracker
        self.clock = clock
        self.today = clock().date()
        self.reminders = reminders  # None: no scheduling (tests, screenshots)

    def on_mount(self) -> None:
        self.push_screen(TodayScreen(self.tracker, self.today))
        for error in self.tracker.load_errors:
            self.notify(f"{error}; the other habits loaded", title="Habit file skipped",
                        severity="warning", timeout=15, markup=False)
        if not self.tracker.store.meta().get("notice_seen"):
            self.push_screen(SafetyNotice(), self._notice_seen)
        self.set_interval(ROLLOVER_CHECK_SECONDS, self.check_rollover)
        if self.reminders is not None:
            self.reminders.start(show=self.show_reminder, warn=self.warn_reminders)

    def on_unmount(self) -> None:
        if self.reminders is not None:
            self.reminders.stop()

    def show_reminder(self, title: str, message: str) -> None:
        """A reminder in the app, with the terminal bell, where no desktop service shows it."""
        self.notify(message, title=title, timeout=60, markup=False)
        self.bell()

    def warn_reminders(self, line: str) -> None:
        self.notify(line, title="Reminders", severity="warning", timeout=20, markup=False)

    def _notice_seen(self, _: None) -> None:
        self.tracker.store.ensure_created(self.today)
        self.tracker.store.update_meta(lambda meta: meta.__setitem__("notice_seen", True))

    def check_rollover(self) -> None:
        """Move Today on when midnight passes while the app is open."""
        today = self.clock().date()
        if today != self.today:
            self.today = today
            for screen in self.screen_stack:
                if isinstance(screen, TodayScreen):
                    screen.set_today(today)


def make_app(data_dir: Path, clock: Clock = dt.datetime.now, builtin_dir: Path | None = None) -> PlumblineApp:
    return PlumblineApp(Tracker(data_dir, builtin_dir=builtin_dir), clock=clock)
