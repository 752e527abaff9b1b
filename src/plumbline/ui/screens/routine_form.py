"""Type in a routine: a therapist's programme with its exercises, holds, reps and sides.

Answers with the routine's data, checked against the routine file rules by the tracker when it
saves; a problem is said under the form, which stays open. Editing a built-in routine makes the
user's own copy, which then replaces it (as a copied file in the data dir's routines/ does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from plumbline.domain.habit import Habit, new_id
from plumbline.domain.printable import printable
from plumbline.domain.routine import Routine
from plumbline.domain.routine_text import EXAMPLES, step_line, steps_from_lines
from plumbline.domain.safety import STOP_AT_ONCE
from plumbline.errors import PlumblineError
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import shown
from plumbline.ui.widgets.form_end import form_end
from plumbline.ui.widgets.key_bar import KeyBar

NO_HABIT = "-"
SOURCE = "the form"  # what a routine file error names as its file


class RoutineForm(Dialog[None]):
    # A name and a habit on a line each, then the steps (the most lines), the about text and the
    # cautions, across the whole width.
    DEFAULT_CSS = """
    #routine-form-scroll { height: auto; max-height: 14; }  /* with the key bar, Save and Cancel still fit at 80x24 */
    #routine-fields { grid-size: 2; grid-columns: 14 1fr; grid-rows: 1 1 3 6 1 3 1 3; grid-gutter: 0 1; height: auto; }
    #routine-form .long-label { column-span: 2; color: $text-muted; }
    #routine-form .long-field { column-span: 2; height: 100%; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="routine_form.save"),
        Binding("escape", "cancel", "Cancel", id="routine_form.cancel"),
    ]

    def __init__(self, routine: Routine | None, habits: list[Habit], taken_ids: set[str],
                 save: Callable[[dict[str, Any]], object]) -> None:
        """`save` writes the routine (Tracker.save_routine) and raises PlumblineError if it cannot;
        its errors name the form as SOURCE."""
        super().__init__()
        self.routine = routine
        self.habits = habits
        self.taken_ids = taken_ids
        self.save = save

    def compose(self) -> ComposeResult:
        r = self.routine
        title = f"Your copy of {shown(r.name)}" if r and not r.custom else ("Edit routine" if r else "New routine")
        steps = "\n".join(step_line(s) for s in r.steps) if r else ""
        cautions = "\n".join(r.cautions) if r else STOP_AT_ONCE  # every new routine starts with it
        habit_choices = [("none", NO_HABIT), *((shown(h.name), h.id) for h in self.habits)]
        with Vertical(classes="dialog", id="routine-form"):
            yield Static(title, classes="title", markup=False)
            with VerticalScroll(id="routine-form-scroll"), Grid(id="routine-fields"):
                yield Label("Name")
                yield Input(shown(r.name) if r else "", id="name", compact=True, placeholder="e.g. My PT's programme")
                yield Label("Checks habit")
                yield Select(habit_choices, value=(r.habit if r and r.habit else NO_HABIT), id="habit",
                             compact=True, allow_blank=False)
                yield Label(f"Steps, one a line, for example:\n{EXAMPLES}", classes="long-label", markup=False)
                yield TextArea(printable(steps, keep_newlines=True), id="steps", compact=True, soft_wrap=True,
                               show_line_numbers=False, classes="long-field")
                yield Label("About it (optional)", classes="long-label")
                yield TextArea(printable(r.about if r else "", keep_newlines=True), id="about", compact=True,
                               soft_wrap=True, show_line_numbers=False, classes="long-field")
                yield Label("Cautions, one per line", classes="long-label")
                yield TextArea(printable(cautions, keep_newlines=True), id="cautions", compact=True, soft_wrap=True,
                               show_line_numbers=False, classes="long-field")
            yield from form_end()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            self.save(self.data())
        except (PlumblineError, ValueError) as error:
            message = str(error).removeprefix(f"{SOURCE}: ")
            self.query_one("#form-error", Static).update(shown(message))  # it may quote the input
            return
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def data(self) -> dict[str, Any]:
        """The routine as a routine file's table; ValueError for a step line that does not read."""
        name = self.query_one("#name", Input).value.strip()
        habit = str(self.query_one("#habit", Select).value)
        data: dict[str, Any] = {
            "id": self.routine.id if self.routine else new_id(name, self.taken_ids, fallback="routine"),
            "name": name,
            "steps": steps_from_lines(self.query_one("#steps", TextArea).text),
            "about": self.query_one("#about", TextArea).text.strip(),
            "cautions": [line.strip() for line in self.query_one("#cautions", TextArea).text.splitlines()
                         if line.strip()],
            "order": self.routine.order if self.routine else 500,
        }
        if habit != NO_HABIT:
            data["habit"] = habit
        return data
