"""Before the app starts: the restore offer on its own, when the data cannot be read at all."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from plumbline.ui.screens.restore_offer import RestoreOffer


class RecoveryApp(App[bool]):
    """Answers True to restore the backup, False to leave everything as it is."""

    def __init__(self, problem: str, backup: Path) -> None:
        super().__init__()
        self.problem = problem
        self.backup = backup

    def on_mount(self) -> None:
        self.push_screen(RestoreOffer(self.problem, self.backup.name, "leave everything as it is and quit"), self.exit)
