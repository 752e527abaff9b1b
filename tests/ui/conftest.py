import datetime as dt

import pytest

from plumbline.app.tracker import Tracker
from plumbline.ui.app import PlumblineApp
from tests.conftest import BUILTIN_HABITS


class FakeClock:
    """The app's clocks, moved by the test: no test waits for real time to pass.

    Calling it gives the wall-clock time; `monotonic` counts seconds from the start and moves
    only with `advance`, so holds in the routine player run on the test's word.
    """

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.seconds = 1000.0  # any start will do; a monotonic clock has no meaningful zero

    def __call__(self) -> dt.datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return FakeClock(dt.datetime(2026, 11, 23, 9, 0))


@pytest.fixture
def make_app(data_dir, clock):
    def build(notice_seen: bool = True, routine: str | None = None, **options) -> PlumblineApp:
        """`options`: PlumblineApp's other arguments (ascii_marks, start_notice)."""
        tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
        if notice_seen:
            tracker.store.update_meta(lambda meta: meta.update(notice_seen=True, created="2026-11-01"))
        return PlumblineApp(tracker, clock=clock, monotonic=clock.monotonic, routine=routine, **options)

    return build


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the SVG screenshot without its markup)."""
    import html
    import re

    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    return html.unescape("".join(texts)).replace("\xa0", " ")


async def choose_in_palette(pilot, words: str) -> None:
    """ctrl+p, type `words`, wait for the palette's search, take the first hit."""
    await pilot.press("ctrl+p")
    await pilot.press(*words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
