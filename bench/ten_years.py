"""Issue 16's figures at ten years x 50 habits, each against a baseline from the same run:
the screens and keys of the app (under Pilot), the commands that read everything, the day's
first change (the backup), and memory after many opens. bench/run.py prints them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from plumbline.app.tracker import Tracker

NOW = dt.datetime(2026, 11, 23, 10, 0)
FRAME = 0.016


def app_for(data_dir: Path):
    from plumbline.ui.app import PlumblineApp

    return PlumblineApp(Tracker(data_dir), clock=lambda: NOW)


async def _until(pilot, ready: Callable[[], bool]) -> None:
    while not ready():
        await pilot.pause()
    await pilot.pause()  # and painted


class FirstFilledFrame:
    """When a frame showing the filled-in screen first reaches the terminal: every frame passes
    through Textual's App._display, and the watched screen says whether it is filled in."""

    def __init__(self, app) -> None:
        self.filled: Callable[[], bool] = lambda: False
        self.at: float | None = None
        display = app._display

        def watching(screen, update):
            if self.at is None and self.filled():
                self.at = time.perf_counter()
            return display(screen, update)

        app._display = watching

    def watch(self, filled: Callable[[], bool]) -> None:
        self.filled, self.at = filled, None


async def screen_timings(data_dir: Path, size: tuple[int, int], opens: int = 5) -> dict[str, float]:
    """Medians: from the key that opens the review or a habit's history (each after a check-in on
    Today, as in use) to the first frame that shows it filled in; and our own work for a key on
    each (Textual's paint after it is apart)."""
    from plumbline.ui.screens.help import HelpScreen
    from plumbline.ui.screens.history import HistoryScreen
    from plumbline.ui.screens.review import ReviewScreen

    app = app_for(data_dir)
    frames = FirstFilledFrame(app)
    found: dict[str, list[float]] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        today = app.screen
        for _ in range(opens):
            await pilot.press("space")  # a check-in first, as in use: this month's file has just changed
            await pilot.pause()
            for key, kind, data in (("w", ReviewScreen, "review"), ("h", HistoryScreen, "history")):
                def filled(kind=kind, data=data) -> bool:
                    return isinstance(app.screen, kind) and getattr(app.screen, data) is not None

                frames.watch(filled)
                start = time.perf_counter()
                await pilot.press(key)
                await _until(pilot, lambda: frames.at is not None)
                found.setdefault(f"open {key}", []).append(frames.at - start)
                screen = app.screen
                step = screen.action_week if key == "w" else screen.action_move
                found.setdefault(f"key {key}", []).append(_own(lambda step=step: step(-1)))
                await pilot.press("escape")
                await _until(pilot, lambda: app.screen is today)
            frames.watch(lambda: isinstance(app.screen, HelpScreen))  # a screen with nothing to work out
            start = time.perf_counter()
            await pilot.press("question_mark")
            await _until(pilot, lambda: frames.at is not None)
            found.setdefault("open help", []).append(frames.at - start)
            await pilot.press("escape")
            await _until(pilot, lambda: app.screen is today)
    return {name: statistics.median(times) for name, times in found.items()}


async def today_keys(data_dir: Path, steps: int = 40) -> dict[str, float]:
    """Medians of our own work for a key on Today: one day back (what holding left repeats:
    reading the days, working out the rows, building the list) and the cursor one row down."""
    app = app_for(data_dir)
    found: dict[str, list[float]] = {}
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        today = app.screen
        for _ in range(steps):
            found.setdefault("day", []).append(_own(lambda: today.action_day(-1)))
            found.setdefault("cursor", []).append(_own(lambda: (today.query_one("#checklist").action_cursor_down(),
                                                                today._show_detail())))
            await pilot.pause()
    return {name: statistics.median(times) for name, times in found.items()}


def _own(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


async def memory_after_opens(data_dir: Path, opens: int) -> tuple[int, int]:
    """Resident memory (KiB) after opening and closing the review and a history once, and after
    `opens` times each."""
    app = app_for(data_dir)
    after: list[int] = []
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        for n in range(opens):
            for key in ("w", "h"):
                await pilot.press(key)
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
            if n in (0, opens - 1):
                gc.collect()
                after.append(_rss_kib())
    return after[0], after[-1]


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def first_change_cost(data_dir: Path, repeat: int) -> tuple[float, float]:
    """The day's first check-in, which takes the daily backup, against a later one; each first
    change on a day of its own, with seven daily backups already there as in daily use."""
    from plumbline.storage import backups

    tracker = Tracker(data_dir)
    day = NOW.date() + dt.timedelta(days=1)
    firsts, laters = [], []
    for n in range(repeat):
        today = day + dt.timedelta(days=n)
        backups.rotate(tracker.locations, tracker.locations.backups / "none")  # keep seven
        start = time.perf_counter()
        tracker.check("core-work", today, today=today)
        firsts.append(time.perf_counter() - start)
        start = time.perf_counter()
        tracker.uncheck("core-work", today)
        laters.append(time.perf_counter() - start)
    return statistics.median(firsts), statistics.median(laters)


def screens(data_dir: Path, size: tuple[int, int] = (80, 24)) -> dict[str, float]:
    return asyncio.run(screen_timings(data_dir, size))


def today(data_dir: Path) -> dict[str, float]:
    return asyncio.run(today_keys(data_dir))


def memory(data_dir: Path, opens: int = 200) -> tuple[int, int]:
    return asyncio.run(memory_after_opens(data_dir, opens))
