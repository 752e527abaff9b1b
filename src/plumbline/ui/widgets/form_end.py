"""The end every form shares: the line that names what is wrong, and Save and Cancel (their
keys, ctrl+s and escape, are the form's bindings and are in the key bar too)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static


def form_end() -> ComposeResult:
    yield Static("", id="form-error", markup=False)
    with Horizontal(classes="buttons"):
        yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
        yield Button("Cancel (esc)", id="cancel", compact=True)
