"""Render the real app over demo data into screenshots/ (SVG). Run with `make screenshots`."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plumbline.ui.app import PlumblineApp  # noqa: E402
from scripts.demo_data import write_demo  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 19, 30)  # a Wednesday evening
OUT = ROOT / "screenshots"

# (file name, terminal size, keys to press first[, seconds a routine's hold then runs])
SHOTS = [
    ("today.svg", (100, 32), ["down", "down", "down", "down", "down", "down", "down"]),
    ("today-80x24.svg", (80, 24), []),
    ("review.svg", (100, 32), ["w", "down", "down", "down", "down", "down", "down"]),
    ("history.svg", (100, 32), ["h"]),
    ("help.svg", (100, 40), ["question_mark"]),
    ("add-habit.svg", (100, 32), ["a"]),
    # r, enter: morning mobility; space: past its cautions; n, n: on to the piriformis stretch;
    # space starts its 30-second hold.
    ("routine.svg", (100, 32), ["r", "enter", "space", "n", "n", "space"], 12),
    ("settings.svg", (100, 32), ["o"]),
]


async def shoot(name: str, size: tuple[int, int], keys: list[str], seconds: float = 0) -> None:
    # The player's clock stands still unless told, so a hold shows the same time on every run.
    monotonic = [0.0]
    with tempfile.TemporaryDirectory() as folder:
        tracker = write_demo(Path(folder), NOW.date())
        app = PlumblineApp(tracker, clock=lambda: NOW, monotonic=lambda: monotonic[0])
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            if seconds:
                monotonic[0] += seconds
                app.screen.tick()
            await pilot.pause()
            app.save_screenshot(str(OUT / name))
    print(f"wrote screenshots/{name}")


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    for shot in SHOTS:
        await shoot(*shot)


if __name__ == "__main__":
    asyncio.run(main())
