"""Reminder settings: working days and hours, breaks, quiet hours, snooze, and habit times.

Answers with validated ReminderSettings, or None when cancelled. Validation is the domain's
`parse_settings`, the same that reads them back from disk.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from plumbline.domain.habit import Habit
from plumbline.domain.reminder_settings import ReminderSettings, SettingsError, describe_times, parse_settings
from plumbline.domain.reminders import POSTURE_HABIT
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import shown
from plumbline.ui.widgets.form_end import form_end
from plumbline.ui.widgets.key_bar import KeyBar

# (field, label, hint)
FIELDS = (
    ("work_days", "Working days", "weekdays, daily, or mon tue wed"),
    ("work_hours", "Working hours", "09:00-17:00"),
    ("break_minutes", "Posture break every (min)", "minutes; 0 turns breaks off"),
    ("quiet_hours", "Quiet hours", "23:00-07:00, or empty for none"),
    ("snooze_minutes", "Snooze for (min)", "minutes"),
    ("pause_minutes", "Pause (P) for (min)", "minutes"),
    ("natural_breaks", "Time away is a break", "on or off: no keyboard or mouse input"),
    ("idle_minutes", "Away at least (min)", "minutes"),
    ("day_starts_at", "Day starts at", "00:00; 03:00 counts a late night for the evening before"),
)


class SettingsScreen(Dialog[ReminderSettings | None]):
    DEFAULT_CSS = """
    SettingsScreen Grid {
        grid-size: 2;
        grid-columns: 26 1fr;
        grid-rows: 1;
        grid-gutter: 0 1;
        height: auto;
    }
    SettingsScreen #settings-scroll { height: auto; max-height: 12; }  /* Save and Cancel fit at 80x24 */
    SettingsScreen .section { color: $accent; margin-top: 1; }
    SettingsScreen Label { width: 100%; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "cancel", "Cancel", id="settings.cancel"),
    ]

    def __init__(self, settings: ReminderSettings, habits: Sequence[Habit]) -> None:
        super().__init__()
        self.settings = settings
        self.habits = [h for h in habits if h.id != POSTURE_HABIT and not h.archived]

    def compose(self) -> ComposeResult:
        values = self.settings.to_dict()
        with Vertical(classes="dialog", id="settings"):
            yield Static("Settings", classes="title")
            with VerticalScroll(id="settings-scroll"):
                with Grid(id="settings-fields"):
                    for name, label, hint in FIELDS:
                        yield Label(label)
                        yield Input(str(values[name]), id=name, compact=True, placeholder=hint)
                yield Static("Habit reminders (HH:MM, several with commas, empty for none)", classes="section")
                with Grid(id="habit-times"):
                    for habit in self.habits:
                        yield Label(shown(habit.name), markup=False)
                        yield Input(describe_times(self.settings.times_for(habit.id, habit.time)),
                                    id=f"habit-{habit.id}", compact=True, placeholder="no reminder")
            yield from form_end()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(f"#{FIELDS[0][0]}", Input).focus()  # the keyboard starts on the first field

    def form(self) -> dict[str, object]:
        raw: dict[str, object] = {name: self.query_one(f"#{name}", Input).value for name, _, _ in FIELDS}
        times = {}
        for habit in self.habits:
            typed = self.query_one(f"#habit-{habit.id}", Input).value
            default = describe_times(ReminderSettings().times_for(habit.id, habit.time))
            # Only what differs from the habit file is kept, so a later change there still counts.
            if typed.strip() != default or habit.id in self.settings.habit_times:
                times[habit.id] = typed
        raw["habit_times"] = times
        return raw

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            settings = parse_settings(self.form())
        except SettingsError as error:
            self.query_one("#form-error", Static).update(str(error))
            return
        self.dismiss(settings)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
