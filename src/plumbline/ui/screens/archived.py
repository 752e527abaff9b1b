"""Archived habits, to restore one, and the library's optional habits, to add one.

Answers with the habit's id (an optional one's as "optional:ID"), or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from plumbline.domain.habit import Habit
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.key_bar import KeyBar

OPTIONAL = "optional:"


class ArchivedScreen(Dialog[str | None]):
    DEFAULT_CSS = """
    #archived OptionList { max-height: 5; }  /* three at a time: the optional habits and the hints stay in view */
    """
    BINDINGS = [Binding("escape", "close", "Close", id="archived.close")]

    def __init__(self, habits: list[Habit], optional: list[Habit] | None = None) -> None:
        super().__init__()
        self.habits = habits
        self.optional = optional or []  # off until added: for some users only (habits/optional/)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="archived"):
            yield Static("Archived habits", classes="title")
            if self.habits:
                yield OptionList(*(Option(user_text(h.name), id=h.id) for h in self.habits))
                yield Static("enter restores the habit, with all its history; escape closes", classes="hint")
            else:
                yield Static("Nothing is archived. x on a habit archives it; its history is kept.", classes="hint")
            if self.optional:
                yield Static("Optional habits, off until you add one", classes="title section")
                yield OptionList(*(Option(user_text(h.name), id=OPTIONAL + h.id) for h in self.optional),
                                 id="optional")
                about = f"{self.optional[0].why} " if len(self.optional) == 1 else ""
                yield Static(f"{about}enter adds it to Today; x there turns it off again.", classes="hint",
                             markup=False)
        yield KeyBar()

    @on(OptionList.OptionSelected)
    def restore(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
