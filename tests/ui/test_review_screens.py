"""The weekly review, the history and the pain log under Pilot."""

import datetime as dt

from textual.widgets import Input

from plumbline.app.tracker import Tracker
from plumbline.ui.screens.history import HistoryScreen
from plumbline.ui.screens.review import ReviewScreen
from plumbline.ui.screens.today import TodayScreen
from plumbline.ui.widgets.checklist_view import ChecklistView
from plumbline.ui.widgets.week_table import WeekTable
from tests.conftest import BUILTIN_HABITS, MONDAY
from tests.ui.conftest import screen_text

D = dt.timedelta(days=1)


def tracker(data_dir):
    return Tracker(data_dir, BUILTIN_HABITS)


async def test_w_opens_the_week_and_arrows_move_through_weeks(make_app, data_dir):
    t = tracker(data_dir)
    t.check("knee-pillow", MONDAY - 7 * D)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.review.start == MONDAY
        assert "Week 48" in screen_text(app)
        await pilot.press("right")  # no week after the current one
        assert review.review.start == MONDAY
        await pilot.press("left")
        await pilot.pause()
        assert review.review.start == MONDAY - 7 * D
        pillow = next(r for r in review.review.rows if r.habit.id == "knee-pillow")
        assert pillow.done == 1
        assert review.query_one(WeekTable).row_count == len(review.review.rows) + 1  # and the pain row
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_review_shows_pain_and_a_comparison_when_there_is_enough(make_app, data_dir):
    t = tracker(data_dir)
    for back in range(1, 31):
        day = MONDAY - back * D
        if back % 2:
            t.check("knees-uncrossed", day)
        t.log_pain(day, 2 if back % 2 else 5)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("left", "w")
        await pilot.pause()
        shown = screen_text(app)
        assert "Pain" in shown and "average" in shown
        assert 'On "Kept knees uncrossed" days your pain averaged 2.0 (15 days); on other days, 5.0' in shown


async def test_h_opens_the_year_of_the_highlighted_habit(make_app, data_dir):
    t = tracker(data_dir)
    for back in range(0, 12):
        t.check("gentle-mobility", MONDAY - back * D)
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("gentle-mobility")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.history.streaks.current == 12
        shown = screen_text(app)
        assert "Gentle pelvic mobility" in shown and "Best streaks" in shown and "12 days" in shown


async def test_p_logs_pain_readings_and_lists_the_days_earlier_ones(make_app, data_dir, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#level", Input).value = "12"
        await pilot.press("enter")
        assert "0 to 10" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#level", Input).value = "6"
        app.screen.query_one("#note", Input).value = "[bold]stiff[/] morning"
        await pilot.press("enter")
        await pilot.pause()
        clock.now = clock.now.replace(hour=15, minute=40)
        await pilot.press("p")
        await pilot.pause()
        assert "09:00  6/10  [bold]stiff[/] morning" in screen_text(app)  # the earlier reading, as typed
        app.screen.query_one("#level", Input).value = "3"
        app.screen.query_one("#triggers").focus()
        await pilot.press("down", "space")  # getting up from sitting
        app.screen.query_one("#level", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    entry = tracker(data_dir).pain(MONDAY)
    assert [(f"{r.time:%H:%M}", r.level, r.note, r.triggers) for r in entry.readings] == [
        ("09:00", 6, "[bold]stiff[/] morning", ()), ("15:40", 3, "", ("standing-up",))]
    assert entry.level == 6  # the day's figure is its highest
