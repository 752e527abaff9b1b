"""Offered when data cannot be read and a good backup exists: restore it, or leave everything."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.user_text import shown
from plumbline.ui.widgets.key_bar import KeyBar


class RestoreOffer(Dialog[bool]):
    """Answers True to restore the backup, False to leave every file as it is."""

    DEFAULT_CSS = """
    RestoreOffer { align: center middle; }
    #recovery { width: 76; max-width: 100%; height: auto; padding: 1 2; border: round $error; background: $surface; }
    #recovery .title { text-style: bold; color: $error; margin-bottom: 1; }
    #recovery .hint { color: $text-muted; margin-top: 1; }
    RestoreOffer.-narrow #recovery { width: 100%; }  /* as every dialog (dialog.py) */
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Restore", id="recovery.restore"),
        Binding("n,escape,q", "answer(False)", "Leave it", id="recovery.leave"),
    ]

    def __init__(self, problem: str, backup_name: str, leave: str = "leave everything as it is") -> None:
        super().__init__(id="restore-offer")
        self.problem = problem
        self.backup_name = backup_name
        self.leave = leave

    def compose(self) -> ComposeResult:
        with Vertical(id="recovery"):
            yield Static("Your data could not be read", classes="title")
            yield Static(shown(self.problem), markup=False)  # it names the file, which may hold anything
            yield Static(
                f"A good backup from {self.backup_name} exists. Restore it? Only the files that cannot "
                "be read are replaced, by the backup's copies; every other file stays as it is. Each "
                "unreadable file is kept beside it, renamed with .damaged and the time, so nothing is "
                "lost. Check-ins in those files made since the backup will need entering again.",
                markup=False, classes="hint",
            )
            yield Static(f"y: restore the backup    n: {self.leave}", classes="hint", markup=False)
        yield KeyBar()

    def action_answer(self, restore: bool) -> None:
        self.dismiss(restore)
