"""Every key of the Today screen, and the safety notice."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from plumbline.domain.safety import SAFETY_NOTICE
from plumbline.ui import glyphs
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.widgets.key_bar import KeyBar

KEYS = [
    ("up / down", "choose a habit"),
    ("shift+up / down", "scroll the habit's text below the list"),
    ("space / enter", "done / not done (a count habit goes up by one)"),
    ("+ / -", "count up / down"),
    ("s", "a planned rest day (keeps the streak, does not add to it)"),
    ("left / right", "an earlier / later day, to fill in what you missed"),
    ("t / g", "back to today / go to a day: YYYY-MM-DD, yesterday"),
    ("a / e", "add a habit / edit the highlighted one"),
    ("x / u", "archive the highlighted habit / restore one, or add an optional one"),
    ("w", "the weekly review (left / right: other weeks)"),
    ("h", "the highlighted habit's year: calendar, strength, best streaks"),
    ("p", "log the day's pain, 0 to 10, with a note"),
    ("r", "a guided routine, timed step by step"),
    ("b", "take a posture break now; the countdown restarts"),
    ("z / P", "snooze the break / pause all reminders"),
    ("o", "reminder settings"),
    ("?", "this help"),
    ("q / ctrl+q", "quit"),
]


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help.close")]

    def __init__(self, delivery_problem: str | None = None) -> None:
        super().__init__()
        self.delivery_problem = delivery_problem  # why reminders are not on the desktop, if they are not

    def compose(self) -> ComposeResult:
        # A grid, so that a meaning too long for the line wraps under itself, not under the keys.
        keys = Table.grid(padding=(0, 0, 0, 2))
        keys.add_column(justify="right", style="bold", no_wrap=True)
        keys.add_column()
        for key, meaning in KEYS:
            keys.add_row(key, meaning)
        with VerticalScroll(classes="dialog", id="help"):
            if self.delivery_problem:  # first: it is what is wrong now
                yield Static("Reminders", classes="title")
                yield Static(self.delivery_problem[0].upper() + self.delivery_problem[1:] + ".", markup=False)
            yield Static("Keys", classes="title")
            yield Static(keys)
            yield Static(glyphs.legend(), classes="section")
            yield Static("Safety", classes="title")
            yield Static(SAFETY_NOTICE, markup=False)
            yield Static("escape to close", classes="hint")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
