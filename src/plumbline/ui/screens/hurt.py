"""After "this hurts: stop": the guidance's caution, and an offer to log the pain with a note.

Answers with the PainEntry to record, or None when the user declines.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from plumbline.domain.pain import PainEntry, one_reading, parse_level
from plumbline.domain.routine_stops import REPEAT_DAYS
from plumbline.domain.safety import IF_PAIN_PERSISTS, STOP_AT_ONCE
from plumbline.ui.user_text import shown


class HurtDialog(ModalScreen[PainEntry | None]):
    BINDINGS = [Binding("escape", "decline", "Not now", id="hurt.decline")]

    def __init__(self, day: dt.date, note: str, again: str = "") -> None:
        super().__init__()
        self.day = day
        self.note = note
        self.again = again  # set when the same routine hurt within the last two weeks

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="hurt"):
            yield Static("Stopped", classes="title")
            yield Static(f"- {STOP_AT_ONCE}\n- {IF_PAIN_PERSISTS}", markup=False, id="hurt-caution")
            if self.again:
                yield Static(f"{shown(self.again)}. Consider pausing this routine until you have asked your "
                             f"physical therapist about it. (Two stops within {REPEAT_DAYS} days is plumbline's "
                             "own threshold, not the articles'.)", markup=False, id="hurt-again")
            yield Static("Log how much it hurts now?", classes="title", id="hurt-offer")
            with Grid(id="pain-fields"):
                yield Label("Pain 0-10")
                yield Input(id="level", compact=True, restrict=r"\d{0,2}", max_length=2,
                            placeholder="0 none ... 10 worst")
                yield Label("Note")
                yield Input(shown(self.note), id="note", compact=True)  # it names the routine and step
            yield Static("", id="hurt-error", markup=False)
            yield Static("enter logs it    escape: not now", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#level", Input).focus()

    @on(Input.Submitted)
    def _log_pain(self) -> None:
        text = self.query_one("#level", Input).value.strip()
        level = parse_level(text)
        if level is None:
            shown = f"'{text}'" if text else "nothing"
            self.query_one("#hurt-error", Static).update(
                f"Pain level: {shown} is not a level; give a whole number from 0 (none) to 10 (worst)"
            )
            self.query_one("#level", Input).focus()
            return
        self.dismiss(one_reading(self.day, level, self.query_one("#note", Input).value.strip()))

    def action_decline(self) -> None:
        self.dismiss(None)
