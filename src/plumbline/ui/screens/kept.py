"""Screens the app makes once and opens again: the weekly review and a habit's history.

A new screen each time left its lines in Textual's render caches (Textualize/textual#6665): after
a hundred opens the app had doubled its memory and the review was half as fast again. A kept
screen is told what to show (`reopen`), painted at once with what needs no work, and filled in
just after that first frame, so the key that opened it never waits for the numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import events, on
from textual.app import App
from textual.screen import Screen

from plumbline.ui.errors import reported


class KeptScreen(Screen[None]):
    def filled(self) -> bool:
        """Whether what it shows is worked out (not since the last reopen)."""
        raise NotImplementedError

    def fill(self) -> None:
        raise NotImplementedError

    @on(events.ScreenResume)
    def _resumed(self) -> None:
        if not self.filled():
            self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        with reported(self.app):
            self.fill()


Kept = TypeVar("Kept", bound=KeptScreen)


def open_kept(app: App, name: str, kind: type[Kept], make: Callable[[], Kept], reopen: Callable[[Kept], None]) -> None:
    """Push the app's one screen called `name`: made by `make` the first time, after that
    told what to show by `reopen`."""
    if app.is_screen_installed(name):
        screen = app.get_screen(name)
        assert isinstance(screen, kind)
        reopen(screen)
    else:
        app.install_screen(make(), name)
    app.push_screen(name)
