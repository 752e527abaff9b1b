"""Start an app, exit as soon as its first screen has been painted. Used by bench/run.py.

    python bench/first_paint.py plumbline DATA_DIR
    python bench/first_paint.py bare
"""

from __future__ import annotations

import sys


def bare_app():
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Label("plumbline")

        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    return Bare()


def plumbline_app(data_dir: str):
    import datetime as dt
    from pathlib import Path

    from plumbline.storage.tracker import Tracker
    from plumbline.ui.app import PlumblineApp
    from plumbline.ui.screens.today import TodayScreen

    class FirstPaint(PlumblineApp):
        def on_screen_resume(self) -> None:
            if isinstance(self.screen, TodayScreen):
                self.call_after_refresh(self.exit)

    return FirstPaint(Tracker(Path(data_dir)), clock=lambda: dt.datetime(2026, 11, 23, 10, 0))


if __name__ == "__main__":
    app = bare_app() if sys.argv[1] == "bare" else plumbline_app(sys.argv[2])
    app.run(headless=True, size=(80, 24))
