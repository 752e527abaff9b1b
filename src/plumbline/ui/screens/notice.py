"""The safety notice: shown once on first start, and from help at any time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

SAFETY_NOTICE = """\
plumbline helps you keep the habits you were given. It is not a diagnosis and not a treatment plan.

- Only a trained professional can tell what is behind your pain. The guidance advises seeing a \
physical therapist or doctor before trying self-correction exercises, above all if you already \
have a spinal condition.
- Move slowly and gently. Stop an exercise at once if it increases your pain.
- If pain keeps coming back or gets worse, ask a professional; do not push through it."""


class SafetyNotice(ModalScreen[None]):
    BINDINGS = [Binding("enter,escape", "close", "Close", id="notice.close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="notice"):
            yield Static("Before you start", classes="title")
            yield Static(SAFETY_NOTICE, markup=False)
            yield Static("enter or escape to continue", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
