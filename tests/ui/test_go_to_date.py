"""g on Today: go to a day by its date, as the CLI's --date names it."""

import datetime as dt

from textual.widgets import Input

from plumbline.ui.screens.go_to_date import GoToDateDialog
from plumbline.ui.screens.today import TodayScreen
from tests.conftest import MONDAY
from tests.ui.conftest import screen_text


async def type_day(pilot, text: str) -> None:
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_g_goes_to_a_typed_day_and_refuses_days_to_come(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GoToDateDialog)
        await type_day(pilot, "2026-11-31")
        assert "is not a day: give it as YYYY-MM-DD" in screen_text(app)
        await type_day(pilot, "2026-11-24")
        assert "has not come yet" in screen_text(app) and isinstance(app.screen, GoToDateDialog)
        await type_day(pilot, "2026-11-02")
        assert app.screen is today and today.day == dt.date(2026, 11, 2)
        assert "Mon 2 Nov" in screen_text(app) or "2 Nov" in screen_text(app)

        await pilot.press("g")
        await pilot.pause()
        await type_day(pilot, " Yesterday ")
        assert today.day == MONDAY - dt.timedelta(days=1)
        await pilot.press("g", "escape")
        await pilot.pause()
        assert app.screen is today and today.day == MONDAY - dt.timedelta(days=1)
        await pilot.press("g")
        await pilot.pause()
        await type_day(pilot, "")  # nothing typed: today
        assert today.day == MONDAY

