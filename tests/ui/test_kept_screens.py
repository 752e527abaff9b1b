"""Issue 16: the review and the history are made once and opened again; each opening shows what
is true now (a check-in made meanwhile, another habit, another week), painted first and filled in."""

from __future__ import annotations

import datetime as dt

from plumbline.ui.screens.history import HistoryScreen
from plumbline.ui.screens.review import ReviewScreen
from plumbline.ui.screens.today import TodayScreen
from plumbline.ui.widgets.checklist_view import ChecklistView
from tests.ui.conftest import screen_text


def row(review: ReviewScreen, habit_id: str):
    return next(r for r in review.review.rows if r.habit.id == habit_id)


async def test_the_review_is_opened_again_with_what_changed_while_it_was_closed(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, ReviewScreen)
        habit_id = first.review.rows[0].habit.id
        done = row(first, habit_id).done
        await pilot.press("left", "escape")
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen)
        today.query_one(ChecklistView).highlight_habit(habit_id)
        await pilot.press("space", "w")  # checked while the review was closed
        await pilot.pause()
        assert app.screen is first  # the same screen, not a new one
        assert first.review.start == today.day - dt.timedelta(days=today.day.weekday())  # its week, not the one left
        assert row(first, habit_id).done == done + 1


async def test_the_history_is_opened_again_on_the_habit_asked_for(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, HistoryScreen)
        shown = first.habit
        await pilot.press("escape", "down", "h")
        await pilot.pause()
        assert app.screen is first and first.habit != shown
        assert first.history.habit == first.habit and first.habit.name in screen_text(app)


async def test_a_kept_screen_shows_working_out_until_it_is_filled_in(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        review = app.screen
        review.reopen(review.day, review.today)  # as the app does before pushing it again
        assert review.review is None and "working out" in str(review.query_one("#review-title").render())
        review.fill()
        assert review.review is not None and "working out" not in str(review.query_one("#review-title").render())
