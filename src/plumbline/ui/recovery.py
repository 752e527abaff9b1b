"""Offered when the database cannot be read and a good backup exists: restore it, or leave."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from plumbline.ui.user_text import shown


class RecoveryApp(App[bool]):
    """Answers True to restore the backup, False to leave everything as it is."""

    CSS = """
    Screen { align: center middle; }
    #recovery { width: 76; max-width: 100%; height: auto; padding: 1 2; border: round $error; }
    .title { text-style: bold; color: $error; margin-bottom: 1; }
    .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Restore", id="recovery.restore"),
        Binding("n,escape,q", "answer(False)", "Leave it", id="recovery.leave"),
    ]

    def __init__(self, problem: str, backup: Path) -> None:
        super().__init__()
        self.problem = problem
        self.backup = backup

    def compose(self) -> ComposeResult:
        with Vertical(id="recovery"):
            yield Static("Your data could not be read", classes="title")
            yield Static(shown(self.problem), markup=False)  # it names the file
            yield Static(
                f"A good backup from {self.backup.name} exists. Restore it? Only the files that cannot "
                "be read are replaced, by the backup's copies; every other file stays as it is. Each "
                "unreadable file is kept beside it, renamed with .damaged and the time, so nothing is "
                "lost. Check-ins in those files made since the backup will need entering again.",
                markup=False, classes="hint",
            )
            yield Static("y: restore the backup    n: leave everything as it is and quit", classes="hint")

    def action_answer(self, restore: bool) -> None:
        self.exit(restore)
