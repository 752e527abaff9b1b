"""A yes/no question that answers with dismiss(True or False)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import shown
from plumbline.ui.widgets.key_bar import KeyBar


class ConfirmDialog(Dialog[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(shown(self.question), markup=False, id="question")  # it may name a habit
            yield Static("y / enter: yes    n / escape: no", classes="hint")
        yield KeyBar()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
