"""The safety notice: shown once on first start, and from help at any time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from plumbline.domain.safety import SAFETY_NOTICE  # the words: the same in help and the CLI's note
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.widgets.key_bar import KeyBar


class SafetyNotice(Dialog[None]):
    BINDINGS = [Binding("enter,escape", "close", "Close", id="notice.close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="notice"):
            yield Static("Before you start", classes="title")
            yield Static(SAFETY_NOTICE, markup=False)
            yield Static("enter or escape to continue", classes="hint")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
