"""The weekly review says "together, not cause" and the bias where it shows a comparison (issue 14, item 2b)."""

import datetime as dt

from scripts.demo_data import write_demo

from plumbline.ui.app import PlumblineApp
from plumbline.ui.screens.review import ReviewScreen
from tests.conftest import BUILTIN_HABITS
from tests.ui.conftest import screen_text

NOW = dt.datetime(2026, 11, 25, 19, 30)  # the demo data's day: enough pain logged to compare


async def review_text(data_dir, *keys: str) -> str:
    app = PlumblineApp(write_demo(data_dir, NOW.date(), builtin_dir=BUILTIN_HABITS), clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", *keys)
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        return screen_text(app).replace(" ", "")  # lines are wrapped: compare without spaces


def said(words: str, shown: str) -> bool:
    return words.replace(" ", "") in shown


async def test_the_review_at_80x24_shows_the_comparison_with_its_caveat(data_dir):
    shown = await review_text(data_dir, "down", "down", "down", "down", "down", "down")  # the towel
    assert said('On "Did the towel mobilization" days your pain', shown)
    assert said("not what caused what", shown) and said("told to stop", shown)


async def test_too_few_days_names_the_done_label_not_a_double_negative(data_dir):
    shown = await review_text(data_dir)  # knees uncrossed: kept on nearly every day
    assert said('compare "Kept knees uncrossed" days with other days (it takes 7 of each)', shown)
    assert not said("with and without", shown) and not said("without no crossing", shown)
