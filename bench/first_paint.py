"""Start an app, exit as soon as its first screen has been painted. Used by bench/run.py.

    python bench/first_paint.py plumbline DATA_DIR
    python bench/first_paint.py bare
    python bench/first_paint.py bare-terminal   (runs until killed: bench/launch.py times it)
"""

from __future__ import annotations

import sys


def bare_app(label: str = "plumbline"):
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Label(label)

    return Bare()


def plumbline_app(data_dir: str):
    import datetime as dt
    from pathlib import Path

    from plumbline.app.tracker import Tracker
    from plumbline.ui.app import PlumblineApp

    return PlumblineApp(Tracker(Path(data_dir)), clock=lambda: dt.datetime(2026, 11, 23, 10, 0))


async def exit_after_first_paint(pilot) -> None:
    # Both apps leave the same way: once the screen they open on has been composed and painted.
    await pilot.pause()
    pilot.app.exit()


def peak_kib() -> int:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a child of a big parent
    # would report the parent's peak.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


if __name__ == "__main__" and sys.argv[1] == "bare-terminal":
    bare_app("bare first paint").run()  # in a real terminal, as `plumbline` runs
elif __name__ == "__main__":
    app = bare_app() if sys.argv[1] == "bare" else plumbline_app(sys.argv[2])
    app.run(headless=True, size=(80, 24), auto_pilot=exit_after_first_paint)
    print(f"peak_kib {peak_kib()}", file=sys.stderr)
