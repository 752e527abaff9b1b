"""Every key of the Today screen, and the safety notice."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from plumbline.domain.safety import SAFETY_NOTICE
from plumbline.ui import glyphs

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


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help.close")]

    def __init__(self, delivery_problem: str | None = None) -> None:
        super().__init__()
        self.delivery_problem = delivery_problem  # why reminders are not on the desktop, if they are not

    def compose(self) -> ComposeResult:
        keys = Text()
        for key, meaning in KEYS:
            keys.append(f"{key:>15}  ", style="bold")
            keys.append(f"{meaning}\n")
        keys.append("\n")
        keys.append_text(glyphs.legend())
        with VerticalScroll(classes="dialog", id="help"):
            if self.delivery_problem:  # first: it is what is wrong now
                yield Static("Reminders", classes="title")
                yield Static(self.delivery_problem[0].upper() + self.delivery_problem[1:] + ".", markup=False)
            yield Static("Keys", classes="title")
            yield Static(keys)
            yield Static("Safety", classes="title")
            yield Static(SAFETY_NOTICE, markup=False)
            yield Static("escape to close", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
