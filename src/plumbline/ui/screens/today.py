"""The heart of the app: one day's habits, checked off from the keyboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static

from plumbline.app import changes as changed
from plumbline.app.tracker import Tracker
from plumbline.domain.checklist import ChecklistRow, progress
from plumbline.domain.habit import Habit
from plumbline.ui.errors import reported
from plumbline.ui.messages import REMINDER_SHOWN_CHANGE, DataChanged, NewDay
from plumbline.ui.saving import save
from plumbline.ui.services import plumbline_app
from plumbline.ui.widgets.break_countdown import BreakCountdown
from plumbline.ui.widgets.checklist_view import ChecklistView
from plumbline.ui.widgets.day_header import DayHeader
from plumbline.ui.widgets.habit_detail import HabitDetail
from plumbline.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from plumbline.domain.pain import PainReading

# The other screens are imported where they open, not here: Today is what the app paints first,
# and importing every screen (and the widgets they use) up front made start-up a third slower.

ONE_DAY = dt.timedelta(days=1)

ROWS_STAY = {changed.BREAKS, changed.PAIN, REMINDER_SHOWN_CHANGE}  # changes that leave Today's rows alone

def _today_commands():
    from plumbline.ui.screens.today_commands import TodayCommands  # loaded when ctrl+p opens

    return TodayCommands


class TodayScreen(Screen[None]):
    COMMANDS = {_today_commands}
    BINDINGS = [
        Binding("space", "toggle_habit", "Done", id="today.toggle"),
        Binding("s", "skip", "Rest", id="today.skip"),
        Binding("plus,equals_sign", "count(1)", "+1", id="today.increment", key_display="+", show=False),
        Binding("minus", "count(-1)", "-1", id="today.decrement", key_display="-", show=False),
        # priority: the list would otherwise take left/right for horizontal scrolling.
        Binding("left", "day(-1)", "Day", id="today.earlier", key_display="←→", priority=True),
        Binding("right", "day(1)", "Later day", id="today.later", key_display="→", priority=True, show=False),
        Binding("t", "go_today", "Today", id="today.today", show=False),
        Binding("g", "go_to_date", "Go to date", id="today.go_to_date", show=False),
        Binding("a", "add", "Add", id="today.add", show=False),
        Binding("e", "edit", "Edit", id="today.edit", show=False),
        Binding("x", "archive", "Archive", id="today.archive", show=False),
        Binding("u", "archived", "Archived", id="today.archived", show=False),
        Binding("w", "review", "Week", id="today.review"),
        Binding("h", "history", "History", id="today.history", show=False),
        Binding("p", "pain", "Pain", id="today.pain"),
        Binding("r", "routine", "Routine", id="today.routine"),
        Binding("question_mark", "help", "Help", id="today.help", key_display="?"),
        Binding("b", "take_break", "Break", id="today.take_break", show=False),
        Binding("z", "snooze", "Snooze break", id="today.snooze", show=False),
        Binding("P", "pause_reminders", "Pause reminders", id="today.pause_reminders", show=False),
        Binding("o", "settings", "Settings", id="today.settings", show=False),
        Binding("shift+down", "scroll_detail(1)", "More about the habit", id="today.detail_down", show=False),
        Binding("shift+up", "scroll_detail(-1)", "Back up the habit's text", id="today.detail_up", show=False),
    ]

    def __init__(self, tracker: Tracker, today: dt.date, rows: list[ChecklistRow] | None = None) -> None:
        """`rows`: today's, when the launcher has just worked them out (checking the data loads)."""
        super().__init__()
        self.tracker = tracker
        self.today = today  # the real today, moved on by the app at midnight
        self.day = today  # the day shown
        self.rows: list[ChecklistRow] = []
        self._first_rows = rows

    def compose(self) -> ComposeResult:
        yield DayHeader(id="day-header")
        if plumbline_app(self).reminders is not None:
            # In the first frame, not mounted after it: a second mount then laid Today out again.
            yield BreakCountdown(id="break-countdown")
        yield ChecklistView(id="checklist")
        yield Static(id="empty", markup=False)
        # The list keeps the focus: the pane scrolls with shift+up / shift+down (or the mouse).
        with VerticalScroll(id="detail", can_focus=False):
            yield HabitDetail(id="habit-detail")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one(ChecklistView).focus()

    # -- showing -------------------------------------------------------------------------------

    def refresh_rows(self) -> None:
        with reported(self.app):
            rows = self._first_rows if self._first_rows is not None else self.tracker.checklist(self.day)
            self._first_rows = None
            self._show_rows(rows)

    def _show_rows(self, rows: list[ChecklistRow]) -> None:
        self.rows = rows
        header = self.query_one(DayHeader)
        header.day, header.today, header.progress = self.day, self.today, progress(self.rows)
        checklist = self.query_one(ChecklistView)
        checklist.show(self.rows)
        empty = self.query_one("#empty", Static)
        empty.display = not self.rows
        empty.update(
            "No habits to track. Press a to add one, or u to restore an archived one."
            if not self.rows else ""
        )
        self._show_detail()

    @on(DataChanged)
    def _data_changed(self, message: DataChanged) -> None:
        # A break, a pain reading or a reminder shown leaves the rows as they are: working them
        # out again for it doubled the work of `space` on posture breaks (a check, then a break).
        if message.what not in ROWS_STAY:
            self.refresh_rows()
        for countdown in self.query(BreakCountdown):
            countdown.refresh_from_service()

    @on(OptionList.OptionHighlighted)
    def _show_detail(self) -> None:
        habit = self.highlighted_habit()
        if habit != self.query_one(HabitDetail).shown:
            self.query_one("#detail", VerticalScroll).scroll_home(animate=False)  # another habit: its cautions first
        self.query_one(HabitDetail).show(habit)

    def action_scroll_detail(self, lines: int) -> None:
        self.query_one("#detail", VerticalScroll).scroll_relative(y=lines * 3, animate=False)

    def highlighted_habit(self) -> Habit | None:
        habit_id = self.query_one(ChecklistView).highlighted_habit
        return next((r.habit for r in self.rows if r.habit.id == habit_id), None)

    @on(NewDay)
    def _new_day(self, message: NewDay) -> None:
        """Midnight passed: a screen that showed today moves on to the new today."""
        today = message.today
        followed = self.day == self.today
        self.today = today
        if followed:
            self.day = today
        self.refresh_rows()

    # -- changing ------------------------------------------------------------------------------

    def _change(self, action) -> None:
        habit = self.highlighted_habit()
        if habit is None:
            return
        save(self.app, self.tracker.locations.lock_file, lambda: action(habit.id))

    @on(OptionList.OptionSelected)
    def check_habit(self, habit_id: str) -> None:
        """The palette's "Check off: NAME": that habit's row, then space."""
        self.query_one(ChecklistView).highlight_habit(habit_id)
        self.action_toggle_habit()

    def action_toggle_habit(self) -> None:
        self._change(lambda habit_id: self.tracker.toggle(habit_id, self.day, today=self.today, clock=self._now))

    def action_skip(self) -> None:
        self._change(lambda habit_id: self.tracker.toggle_skip(habit_id, self.day, today=self.today))

    def action_count(self, step: int) -> None:
        if step > 0:
            self._change(lambda habit_id: self.tracker.check(habit_id, self.day, today=self.today, clock=self._now))
        else:
            self._change(lambda habit_id: self.tracker.decrement(habit_id, self.day))

    def _now(self) -> dt.datetime:
        """The moment of a change made now (aware): a check of posture breaks is a break then."""
        app = plumbline_app(self)
        return app.reminders.now() if app.reminders is not None else app.clock().astimezone()

    def action_day(self, step: int) -> None:
        target = self.day + step * ONE_DAY
        if target > self.today:
            self.app.bell()
            return
        self.day = target
        self.refresh_rows()

    def action_go_today(self) -> None:
        self.day = self.today
        self.refresh_rows()

    def action_go_to_date(self) -> None:
        from plumbline.ui.screens.go_to_date import GoToDateDialog

        def chosen(day: dt.date | None) -> None:
            if day is not None:
                self.day = day
                self.refresh_rows()

        self.app.push_screen(GoToDateDialog(self.day, self.today), chosen)

    def action_help(self) -> None:
        from plumbline.ui.screens.help import HelpScreen

        reminders = plumbline_app(self).reminders
        self.app.push_screen(HelpScreen(reminders.delivery_problem() if reminders else None))

    def action_add(self) -> None:
        self._open_form(None)

    def action_edit(self) -> None:
        habit = self.highlighted_habit()
        if habit is not None:
            self._open_form(habit)

    def _open_form(self, habit: Habit | None) -> None:
        with reported(self.app):
            from plumbline.ui.screens.habit_form import HabitForm

            taken = {h.id for h in self.tracker.habits(include_archived=True)}

            def saved(result: Habit | None) -> None:
                with reported(self.app):
                    if result is None:
                        return
                    self.tracker.save_habit(result, today=self.today)
                    self.refresh_rows()  # now, not when DataChanged comes: the new row is highlighted
                    self.query_one(ChecklistView).highlight_habit(result.id)
                    self._show_detail()
                    self.app.notify(f"Saved {result.name}", markup=False)

            self.app.push_screen(HabitForm(habit, taken), saved)

    def action_archive(self) -> None:
        from plumbline.ui.screens.confirm import ConfirmDialog

        habit = self.highlighted_habit()
        if habit is None:
            return

        def archived() -> None:
            self.app.notify(f"Archived {habit.name}; u restores it with its history", markup=False)

        def answered(yes: bool | None) -> None:
            if yes:
                save(self.app, self.tracker.locations.lock_file, lambda: self.tracker.set_archived(habit.id, True, self.today),
                     archived)

        self.app.push_screen(ConfirmDialog(f"Archive '{habit.name}'? Its history is kept."), answered)

    def action_archived(self) -> None:
        with reported(self.app):
            from plumbline.ui.screens.archived import OPTIONAL, ArchivedScreen

            archived = [h for h in self.tracker.habits(include_archived=True) if h.archived]
            optional = {h.id: h for h in self.tracker.optional_habits()}

            def restore(habit_id: str | None) -> None:
                def restored() -> None:
                    self.refresh_rows()  # now, so that the restored row can be highlighted
                    self.query_one(ChecklistView).highlight_habit(habit_id)

                if habit_id and habit_id.startswith(OPTIONAL):
                    with reported(self.app):
                        habit_id = self.tracker.save_habit(optional[habit_id[len(OPTIONAL):]], today=self.today)
                        restored()
                elif habit_id:
                    save(self.app, self.tracker.locations.lock_file,
                         lambda: self.tracker.set_archived(habit_id, False), restored)

            self.app.push_screen(ArchivedScreen(archived, list(optional.values())), restore)

    def action_report(self) -> None:
        """From the palette: the report of the last whole weeks."""
        from plumbline.ui.report_control import write_report

        write_report(plumbline_app(self))

    def action_export(self) -> None:
        """From the palette: everything, as `plumbline export` writes it, into the folder the app
        was started in (as the report is), under a name that carries the day."""
        from pathlib import Path

        from plumbline.app.transfer import export_json, write_export

        path = Path.cwd() / f"plumbline-export-{self.today.isoformat()}.json"
        with reported(self.app):
            write_export(path, export_json(self.tracker))
            self.app.notify(f"Exported to {path}; 'plumbline import' reads it back", title="Export",
                            timeout=20, markup=False)

    def action_review(self) -> None:
        with reported(self.app):
            from plumbline.ui.screens.review import open_review

            open_review(self.app, self.tracker, self.day, self.today)

    def action_history(self) -> None:
        with reported(self.app):
            from plumbline.ui.screens.history import open_history

            habit = self.highlighted_habit()
            if habit is not None:
                open_history(self.app, self.tracker, habit, self.today)

    def action_pain(self) -> None:
        with reported(self.app):
            from plumbline.ui.screens.pain_form import PainForm

            day = self.day
            earlier = self.tracker.pain(day)

            def answered(reading: PainReading | None) -> None:
                if reading is None:
                    return
                # A reading for today is timed now; one filled in for a past day has no time.
                now = plumbline_app(self).clock() if day == self.today else None
                time = now.time().replace(second=0, microsecond=0) if now else None
                save(self.app, self.tracker.locations.lock_file,
                     lambda: self.tracker.log_pain(day, reading.level, reading.note, today=self.today,
                                                   triggers=reading.triggers, time=time),
                     lambda: self.app.notify(f"Pain {reading.level}/10 logged for {day:%A %-d %B}", markup=False))

            self.app.push_screen(PainForm(day, earlier), answered)

    def action_routine(self) -> None:
        habit = self.highlighted_habit()
        plumbline_app(self).choose_routine(habit.id if habit else None)

    # -- reminders: the countdown widget owns what b, z and P do --------------------------------

    def _countdown(self, action: Callable[[BreakCountdown], None]) -> None:
        found = self.query(BreakCountdown)
        if not found:
            self.app.notify("Reminders are not running in this window", severity="warning")
            return
        action(found.first())

    def action_take_break(self) -> None:
        self._countdown(BreakCountdown.take_break)

    def action_snooze(self) -> None:
        self._countdown(BreakCountdown.snooze)

    def action_pause_reminders(self) -> None:
        self._countdown(BreakCountdown.toggle_pause)

    def action_settings(self) -> None:
        from plumbline.domain.reminder_settings import ReminderSettings
        from plumbline.ui.screens.settings import SettingsScreen

        current = ReminderSettings()
        # Settings that cannot be read are mended here, so they bring no restore offer.
        with reported(self.app, instead="showing the defaults"):
            current = self.tracker.settings.reminders()

        def saved(result: ReminderSettings | None) -> None:
            if result is not None:  # the reminder service hears of it, and plans anew
                save(self.app, self.tracker.locations.lock_file, lambda: self.tracker.settings.save_reminders(result),
                     lambda: self.app.notify("Reminder settings saved"))

        self.app.push_screen(SettingsScreen(current, self.tracker.habits()), saved)

