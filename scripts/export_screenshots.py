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

# (file name, terminal size, keys to press first)
SHOTS = [
    ("today.svg", (100, 32), ["down", "down", "down", "down", "down", "down", "down"]),
    ("today-80x24.svg", (80, 24), []),
    ("help.svg", (100, 40), ["question_mark"]),
    ("add-habit.svg", (100, 32), ["a"]),
    ("settings.svg", (100, 32), ["o"]),
]


async def shoot(name: str, size: tuple[int, int], keys: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tracker = write_demo(Path(folder), NOW.date())
        app = PlumblineApp(tracker, clock=lambda: NOW)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            app.save_screenshot(str(OUT / name))
    print(f"wrote screenshots/{name}")


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    for shot in SHOTS:
        await shoot(*shot)


if __name__ == "__main__":
    asyncio.run(main())
