"""A habit's year (h): today pending, words, an empty chart, other habits, filling in days."""

import datetime as dt

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.ui.screens.history import HistoryScreen
from plumbline.ui.screens.today import TodayScreen
from plumbline.ui.widgets.checklist_view import ChecklistView
from tests.conftest import BUILTIN_HABITS, MONDAY, stored_entries
from tests.ui.conftest import screen_text

D = dt.timedelta(days=1)


async def open_history(app, pilot, habit_id: str) -> HistoryScreen:
    app.screen.query_one(ChecklistView).highlight_habit(habit_id)
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_today_is_to_do_not_missed_and_one_day_is_singular(make_app, data_dir):
    Tracker(data_dir, BUILTIN_HABITS).check("knees-uncrossed", MONDAY - D)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot, "knees-uncrossed")
        shown = screen_text(app)
        assert "streak 1 day," in shown and "1 days" not in shown
        assert "• to do" in shown  # the legend has today's mark
        heat = history.query_one("#heat-map").render().plain
        assert heat.split("\n")[1 + MONDAY.weekday()].endswith("□•")  # last Monday missed, today to do
        assert "Mon 23 Nov 2026: • to do" in shown


async def test_an_empty_strength_chart_says_so_instead_of_floating_labels(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot, "knees-uncrossed")
        shown = screen_text(app)
        assert "No strength yet" in shown and "100%" not in shown


async def test_n_and_p_go_to_the_next_and_previous_habit(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot, "knees-uncrossed")
        order = [h.id for h in history.habits]
        at = order.index("knees-uncrossed")
        await pilot.press("n")
        await pilot.pause()
        assert history.habit.id == order[at + 1]
        assert history.habits[at + 1].name in screen_text(app)
        await pilot.press("p", "p")
        await pilot.pause()
        assert history.habit.id == order[at - 1]
        assert "n/p Next/previous habit" in screen_text(app)


async def test_fill_in_a_past_day_from_the_calendar(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot, "knees-uncrossed")
        await pilot.press("up", "up", "left")  # two days back, then a week back: Saturday 14 Nov
        await pilot.pause()
        day = MONDAY - 9 * D
        assert history.cursor == day
        await pilot.press("space")
        await pilot.pause()
        tracker = Tracker(data_dir, BUILTIN_HABITS)
        assert stored_entries(tracker.store, "knees-uncrossed") == {day: Entry(day, 1)}
        assert history.history.statuses[day].value == "done"
        assert "Sat 14 Nov 2026: ✓ done" in screen_text(app)
        await pilot.press("enter")  # enter toggles as on Today
        await pilot.pause()
        assert stored_entries(tracker.store, "knees-uncrossed") == {}
        await pilot.press("s")
        await pilot.pause()
        assert stored_entries(tracker.store, "knees-uncrossed") == {day: Entry(day, skipped=True)}
        await pilot.press("escape")
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen)


async def test_days_to_come_are_refused(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot, "knees-uncrossed")
        await pilot.press("down")  # Tuesday: still in this week, not come yet
        await pilot.pause()
        assert history.cursor == MONDAY + D
        await pilot.press("space")
        await pilot.pause()
        assert stored_entries(Tracker(data_dir, BUILTIN_HABITS).store, "knees-uncrossed") == {}
        assert "Tue 24 Nov 2026: not come yet: only a day that has come can be filled in" in screen_text(app)
        await pilot.press("right")  # no week after this one
        assert history.cursor == MONDAY + D


async def test_a_day_filled_in_shows_on_today_underneath(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        await open_history(app, pilot, "knees-uncrossed")
        await pilot.press("space")  # the cursor starts on today
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        row = next(r for r in today.rows if r.habit.id == "knees-uncrossed")
        assert row.status.value == "done"
