"""Go to a day: YYYY-MM-DD, `today` or `yesterday`, as the CLI's --date takes them.
Answers with the day, or None."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from plumbline.domain.days import FIRST_DAY, named_day
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.widgets.key_bar import KeyBar


class GoToDateDialog(Dialog[dt.date | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="go_to_date.cancel")]

    def __init__(self, shown: dt.date, today: dt.date) -> None:
        super().__init__()
        self.shown = shown
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="go-to-date"):
            yield Static("Go to a day", classes="title")
            yield Input(id="day", compact=True, placeholder=f"YYYY-MM-DD, today or yesterday (now {self.shown})")
            yield Static("", id="form-error", markup=False)
            yield Static("enter goes there, escape cancels", classes="hint")
        yield KeyBar()

    @on(Input.Submitted)
    def go(self) -> None:
        text = self.query_one(Input).value.strip()
        try:
            day = named_day(text.lower() or "today", self.today)
        except ValueError:
            self._say(f"'{text}' is not a day: give it as YYYY-MM-DD (such as {self.today}), or today or yesterday")
            return
        if day > self.today:
            self._say(f"{day} has not come yet: give today ({self.today}) or an earlier day")
            return
        if day < FIRST_DAY:
            self._say(f"{day} is before {FIRST_DAY}: give a later day")
            return
        self.dismiss(day)

    def _say(self, line: str) -> None:
        self.query_one("#form-error", Static).update(line)  # markup=False: it repeats what was typed

    def action_cancel(self) -> None:
        self.dismiss(None)
