"""The safety notice: shown once on first start, and from help at any time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

# The notice is built from named sentences so that the routine player's "this hurts" dialog shows
# the same words, not a second version of them.
NOT_A_DIAGNOSIS = (
    "plumbline helps you keep the habits you were given. It is not a diagnosis and not a treatment plan."
)
SEE_A_PROFESSIONAL = (
    "Only a trained professional can tell what is behind your pain. The guidance advises seeing a "
    "physical therapist or doctor before trying self-correction exercises, above all if you already "
    "have a spinal condition."
)
STOP_AT_ONCE = "Stop an exercise at once if it increases your pain."
IF_PAIN_PERSISTS = (
    "If pain keeps coming back or gets worse, see a physical therapist or doctor; do not push through it."
)
SAFETY_NOTICE = (
    f"{NOT_A_DIAGNOSIS}\n\n- {SEE_A_PROFESSIONAL}\n- Move slowly and gently. {STOP_AT_ONCE}\n- {IF_PAIN_PERSISTS}"
)


class SafetyNotice(ModalScreen[None]):
    BINDINGS = [Binding("enter,escape", "close", "Close", id="notice.close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="notice"):
            yield Static("Before you start", classes="title")
            yield Static(SAFETY_NOTICE, markup=False)
            yield Static("enter or escape to continue", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
