"""Log a pain reading, 0 to 10, with an optional note; the day's readings so far are listed.
Answers with (level, note, triggers) or None."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList, Static

from plumbline.domain.pain import TRIGGERS, PainEntry, parse_level
from plumbline.ui.user_text import shown


class PainDialog(ModalScreen[tuple[int, str, tuple[str, ...]] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pain.cancel")]

    def __init__(self, day: dt.date, earlier: PainEntry | None, heading: str = "") -> None:
        super().__init__()
        self.day = day
        self.earlier = earlier
        self.heading = heading

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pain-dialog"):
            yield Static(self.heading or f"Pain on {self.day:%A %-d %B}", classes="title", markup=False)
            if self.earlier is not None:
                yield Static("Logged that day (this one is added; the day counts its highest):", classes="hint")
                for reading in self.earlier.readings:
                    when = f"{reading.time:%H:%M}" if reading.time else "--:--"
                    note = f"  {shown(reading.note)}" if reading.note else ""
                    note += f"  ({', '.join(TRIGGERS.get(t, t) for t in reading.triggers)})" if reading.triggers else ""
                    yield Static(f"  {when}  {reading.level}/10{note}", classes="hint", markup=False)
            with Grid(id="fields"):
                yield Label("Level")
                yield Input(id="level", compact=True, placeholder="0 (none) to 10 (worst)", max_length=2)
                yield Label("Note")
                yield Input(id="note", compact=True, placeholder="optional: what you noticed")
                yield Label("Triggers")
                yield SelectionList[str](*((text, key) for key, text in TRIGGERS.items()), id="triggers", compact=True)
            yield Static("", id="form-error", markup=False)
            yield Static("enter saves (space ticks what brought it on), escape cancels", classes="hint")

    @on(Input.Submitted)
    def save(self) -> None:
        text = self.query_one("#level", Input).value.strip()
        level = parse_level(text)
        if level is None:
            self.query_one("#form-error", Static).update(f"level '{text}' must be a whole number from 0 to 10")
            self.query_one("#level", Input).focus()
            return
        triggers = tuple(self.query_one("#triggers", SelectionList).selected)
        self.dismiss((level, self.query_one("#note", Input).value.strip(), triggers))

    def action_cancel(self) -> None:
        self.dismiss(None)
