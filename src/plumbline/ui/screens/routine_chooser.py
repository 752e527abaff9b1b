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

from plumbline.domain.habit import Habit
from plumbline.domain.routine import Routine
from plumbline.storage.routine_files import RoutineLibrary
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.key_bar import KeyBar


class RoutineChooser(Dialog[str | None]):
    BINDINGS = [
        # priority: before the list's own enter, so that the key bar names it (the list's is hidden).
        Binding("enter", "play", "Play", id="chooser.play", priority=True),
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
                yield Static(id="routine-about")  # the key bar says that enter plays it
            else:
                yield Static("No routines. Put routine files into the data dir's routines/ folder.", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.library.routines:
            return
        options = self.query_one(OptionList)
        ids = [r.id for r in self.library.routines]
        options.highlighted = ids.index(self.preselect.id) if self.preselect else 0
        options.focus()

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
