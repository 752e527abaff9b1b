"""Log a pain reading: from Today's `p`, or after a routine's "this hurts: stop".

One form for both: a level from 0 to 10, an optional note and what brought the pain on, with the
day's earlier readings listed (the day counts its highest). After a stop it first gives the
guidance's caution, suggests pausing a routine that hurt twice within REPEAT_DAYS days, and its
note starts out naming the routine and the step.

Answers with the PainReading, its time left to the caller (which has the clock), or None.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, SelectionList, Static

from plumbline.domain.pain import TRIGGERS, PainEntry, PainReading, parse_level
from plumbline.domain.routine_stops import REPEAT_DAYS
from plumbline.domain.safety import IF_PAIN_PERSISTS, STOP_AT_ONCE
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import shown
from plumbline.ui.widgets.key_bar import KeyBar


class HurtStop(NamedTuple):
    """A routine stopped because it hurt: the pain form then opens on this."""

    note: str  # names the routine and the step: the note starts out as it
    again: str = ""  # "ROUTINE hurt on DAY too", when the same routine hurt within REPEAT_DAYS


class PainForm(Dialog[PainReading | None]):
    DEFAULT_CSS = """
    #pain-form #fields { grid-rows: 1 1 5; }  /* the last row is the list of triggers, one line each */
    #pain-form .hint { margin-top: 0; }
    #pain-form #form-error { display: none; }
    #pain-form .reading { color: $text-muted; }
    #hurt-caution, #hurt-again { margin-bottom: 1; }
    #triggers { height: 5; }
    """
    BINDINGS = [
        # enter in a field logs it too (Input.Submitted); on the triggers, enter and space tick one.
        Binding("ctrl+s", "save", "Log it", id="pain.save"),
        Binding("escape", "cancel", "Cancel", id="pain.cancel"),
        Binding("escape", "not_now", "Not now", id="pain.not_now"),  # after a stop, which is kept either way
    ]

    def __init__(self, day: dt.date, earlier: PainEntry | None = None, stop: HurtStop | None = None) -> None:
        super().__init__()
        self.day = day
        self.earlier = earlier
        self.stop = stop

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pain-form"):
            if self.stop is not None:
                yield from self._stopped(self.stop)
            else:
                yield Static(f"Pain on {self.day:%A %-d %B}", classes="title", markup=False)
            if self.earlier is not None:
                yield from self._earlier(self.earlier)
            with Grid(id="fields"):
                yield Label("Pain 0-10")
                yield Input(id="level", compact=True, restrict=r"\d{0,2}", max_length=2,
                            placeholder="0 (none) to 10 (worst)")
                yield Label("Note")
                yield Input(shown(self.stop.note) if self.stop else "", id="note", compact=True,
                            placeholder="optional: what you noticed")
                yield Label("Brought on")
                yield SelectionList[str](*((text, key) for key, text in TRIGGERS.items()), id="triggers", compact=True)
            yield Static("", id="form-error", markup=False)
            yield Static("enter logs it; space ticks what brought it on", classes="hint")
        yield KeyBar()

    def _stopped(self, stop: HurtStop) -> ComposeResult:
        yield Static("Stopped. Log how much it hurts now?", classes="title")
        yield Static(f"- {STOP_AT_ONCE}\n- {IF_PAIN_PERSISTS}", markup=False, id="hurt-caution")
        if stop.again:
            yield Static(f"{shown(stop.again)}. Consider pausing this routine until you have asked your "
                         f"physical therapist about it. (Two stops within {REPEAT_DAYS} days is plumbline's "
                         "own threshold, not the articles'.)", markup=False, id="hurt-again")

    @staticmethod
    def _earlier(entry: PainEntry) -> ComposeResult:
        yield Static("Logged that day (this one is added; the day counts its highest):", classes="hint")
        for reading in entry.readings:
            when = f"{reading.time:%H:%M}" if reading.time else "--:--"
            note = f"  {shown(reading.note)}" if reading.note else ""
            note += f"  ({', '.join(TRIGGERS.get(t, t) for t in reading.triggers)})" if reading.triggers else ""
            yield Static(f"  {when}  {reading.level}/10{note}", classes="reading", markup=False)

    def on_mount(self) -> None:
        self.query_one("#level", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # escape is named for what it does: after a stop, the pain is only not logged "now".
        if action in ("cancel", "not_now"):
            return (action == "not_now") == (self.stop is not None)
        return True

    @on(Input.Submitted)
    def action_save(self) -> None:
        text = self.query_one("#level", Input).value.strip()
        level = parse_level(text)
        if level is None:
            said = f"'{text}'" if text else "nothing"
            error = self.query_one("#form-error", Static)
            error.update(f"Pain level: {said} is not a level; give a whole number from 0 to 10 (0 none, 10 worst)")
            error.display = True  # the form is tall after a stop: no empty line for it until then
            self.query_one("#level", Input).focus()
            return
        triggers = tuple(self.query_one("#triggers", SelectionList).selected)
        self.dismiss(PainReading(None, level, self.query_one("#note", Input).value.strip(), triggers))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_not_now(self) -> None:
        self.dismiss(None)
