"""Add or edit a habit. Answers with the validated Habit, or None when cancelled.

Validation is the same code that checks habit files, so a habit saved here always loads again.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from plumbline.app.library import parse_habit
from plumbline.domain.habit import CATEGORIES, Habit, Kind, Schedule, new_id
from plumbline.domain.printable import printable
from plumbline.errors import HabitFileError
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import shown
from plumbline.ui.widgets.form_end import form_end
from plumbline.ui.widgets.key_bar import KeyBar

KIND_CHOICES = [("do it", "do"), ("avoid it (a clean day)", "avoid"), ("count to a target", "count"),
                ("stay under a limit", "limit")]
TEXT_FIELDS = ("name", "schedule", "target", "unit", "done_label", "time")
# Several lines each: a therapist's instructions do not fit on one. Cautions: one per line.
LONG_FIELDS = (("why", "Why it helps"), ("how", "How to do it (sets, reps, holds...)"),
               ("cautions", "Cautions, one per line (stop if it hurts; your therapist's own)"))


class HabitForm(Dialog[Habit | None]):
    # Short fields in a grid, then the long texts, all scrolling above the buttons.
    DEFAULT_CSS = """
    #form-scroll { height: auto; max-height: 14; }  /* with the key bar, Save and Cancel still fit at 80x24 */
    #habit-form #fields { grid-rows: 1 1 1 1 1 1 1 1 1 4 1 4 1 4; }
    #habit-form .long-label { column-span: 2; color: $text-muted; }
    #habit-form .long-field { column-span: 2; height: 4; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def __init__(self, habit: Habit | None, taken_ids: set[str]) -> None:
        super().__init__()
        self.habit = habit
        self.taken_ids = taken_ids

    def compose(self) -> ComposeResult:
        h = self.habit
        values = {
            "name": shown(h.name) if h else "",
            "schedule": h.schedule.describe() if h else "daily",
            "target": f"{h.target:g}" if h and h.kind.numeric else "",
            "unit": shown(h.unit) if h else "",
            "done_label": shown(h.done_label) if h else "",
            "time": h.time.strftime("%H:%M") if h and h.time else "",
        }
        long_values = {
            "why": h.why if h else "",
            "how": h.how if h else "",
            "cautions": "\n".join(h.cautions) if h else "",
        }
        hints = {
            "schedule": "daily, 3 a week, 2 a month, every 3 days, mon wed fri",
            "target": "count: a day's goal; limit: a day's most (2.5 is fine)",
            "done_label": "how a done day reads, e.g. Kept knees uncrossed",
            "time": "HH:MM for a reminder, or empty",
        }
        with Vertical(classes="dialog", id="habit-form"):
            yield Static("Edit habit" if h else "New habit", classes="title")
            with VerticalScroll(id="form-scroll"), Grid(id="fields"):
                yield Label("Name")
                yield Input(values["name"], id="name", compact=True, placeholder="what to do or avoid")
                yield Label("Kind")
                yield Select(KIND_CHOICES, value=h.kind.value if h else "do", id="kind", compact=True, allow_blank=False)
                yield Label("Category")
                yield Select([(c, c) for c in CATEGORIES], value=h.category if h else "other",
                             id="category", compact=True, allow_blank=False)
                for field in TEXT_FIELDS[1:]:
                    yield Label(field.replace("_", " ").capitalize())
                    yield Input(values[field], id=field, compact=True, placeholder=hints.get(field, ""))
                for field, label in LONG_FIELDS:
                    yield Label(label, classes="long-label")
                    # As shown, lines kept: a control character in a file must not act on the terminal.
                    yield TextArea(printable(long_values[field], keep_newlines=True), id=field, compact=True,
                                   soft_wrap=True, show_line_numbers=False, classes="long-field")
            yield from form_end()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()  # the keyboard starts on the first field

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            habit = self.validated()
        except (HabitFileError, ValueError) as error:
            message = f"{error.field}: {error.problem}" if isinstance(error, HabitFileError) else str(error)
            self.query_one("#form-error", Static).update(shown(message))  # it may quote the input
            return
        self.dismiss(habit)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def validated(self) -> Habit:
        text = {f: self.query_one(f"#{f}", Input).value.strip() for f in TEXT_FIELDS}
        kind = str(self.query_one("#kind", Select).value)
        data: dict[str, object] = {
            "id": self.habit.id if self.habit else new_id(text["name"], self.taken_ids),
            "name": text["name"],
            "kind": kind,
            "category": str(self.query_one("#category", Select).value),
        }
        if Kind(kind).numeric:
            try:
                data["target"] = float(text["target"])
            except ValueError:
                raise ValueError(f"target: '{text['target']}' must be a number, e.g. 6 or 2.5") from None
        for field in ("unit", "done_label", "time"):
            if text[field]:
                data[field] = text[field]
        for field in ("why", "how"):
            if written := self.query_one(f"#{field}", TextArea).text.strip():
                data[field] = written
        data["cautions"] = [line.strip() for line in self.query_one("#cautions", TextArea).text.splitlines()
                            if line.strip()]
        if self.habit is not None:
            data["order"] = self.habit.order
        habit = parse_habit(data, "the form")
        try:
            schedule = Schedule.from_words(text["schedule"])
        except ValueError as error:
            raise ValueError(f"schedule: {error}") from None
        return habit._replace(schedule=schedule)

