"""Pick a guided routine to play. Answers with its id, or None.

The routine linked to the habit highlighted on Today starts highlighted, so `r` on "Gentle pelvic
mobility" then enter plays morning mobility.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from plumbline.app.library import RoutineLibrary
from plumbline.domain.habit import Habit
from plumbline.domain.routine import Routine
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.services import plumbline_app
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.key_bar import KeyBar


class RoutineChooser(Dialog[str | None]):
    DEFAULT_CSS = """
    #routine-about { height: auto; margin-top: 1; }
    #routines { height: auto; max-height: 10; border: none; padding: 0; }
    """
    BINDINGS = [
        # priority: before the list's own enter, so that the key bar names it (the list's is hidden).
        Binding("enter", "play", "Play", id="chooser.play", priority=True),
        Binding("n", "new", "New routine", id="chooser.new"),
        Binding("e", "edit", "Edit a copy", id="chooser.edit"),
        Binding("escape", "close", "Close", id="chooser.close"),
    ]

    def __init__(self, library: RoutineLibrary, habits: Mapping[str, Habit], habit_id: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.habits = habits
        self.preselect = library.for_habit(habit_id)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="chooser"):
            yield Static("Guided routines", classes="title")
            if self.library.routines:
                yield OptionList(*(Option(self._prompt(r), id=r.id) for r in self.library.routines), id="routines")
                yield Static(id="routine-about")  # the key bar says that enter plays it, n adds one
            else:
                yield Static("No routines yet: n types in a new one (your therapist's programme).", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self._highlight(self.preselect.id if self.preselect else None)

    def _highlight(self, routine_id: str | None) -> None:
        if not self.library.routines:
            return
        options = self.query_one(OptionList)
        ids = [r.id for r in self.library.routines]
        options.highlighted = ids.index(routine_id) if routine_id in ids else 0
        options.focus()

    async def _show_saved(self, routine_id: str) -> None:
        await self.recompose()
        self._highlight(routine_id)

    def _prompt(self, routine: Routine) -> Table:
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(user_text(routine.name, "bold"), Text(routine.describe(), style="dim"))
        habit = self.habits.get(routine.habit or "")
        if habit is not None:
            grid.add_row(user_text(f"  checks {habit.name}", "green"), "")
        return grid

    @on(OptionList.OptionHighlighted)
    def _describe(self, event: OptionList.OptionHighlighted) -> None:
        routine = self.library.by_id()[str(event.option.id)]
        text = user_text(routine.about)
        for caution in routine.cautions:
            text.append("\n! ", style="bold yellow")
            text.append_text(user_text(caution, "yellow"))
        self.query_one("#routine-about", Static).update(text)

    @on(OptionList.OptionSelected)
    def _play(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.library.routines) if action == "play" else True

    def action_play(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_new(self) -> None:
        self._open_form(None)

    def action_edit(self) -> None:
        options = self.query(OptionList)
        highlighted = options.first().highlighted if options else None
        if highlighted is not None:
            self._open_form(self.library.routines[highlighted])

    def _open_form(self, routine: Routine | None) -> None:
        from plumbline.ui.screens.routine_form import RoutineForm

        tracker = plumbline_app(self).tracker
        taken = {r.id for r in self.library.routines}

        def save(data: dict) -> None:
            tracker.save_routine(data)
            self.library = tracker.routines()
            self.app.notify(f"Saved the routine {data['name']}", markup=False)
            self.call_later(self._show_saved, data["id"])

        form = RoutineForm(routine, [h for h in self.habits.values() if not h.archived], taken, save)
        self.app.push_screen(form)
