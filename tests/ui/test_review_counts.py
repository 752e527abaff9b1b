"""The weekly review's counts, its streaks for past weeks, and h on the pain row."""

import datetime as dt

from plumbline.app.tracker import Tracker
from plumbline.ui.screens.pain_week import PainWeekScreen
from plumbline.ui.screens.review import ReviewScreen
from plumbline.ui.widgets.week_table import WeekTable
from tests.conftest import BUILTIN_HABITS, MONDAY

D = dt.timedelta(days=1)


def tracker(data_dir):
    return Tracker(data_dir, BUILTIN_HABITS)


def begun_today(app):
    app.tracker.store.update_meta(lambda meta: meta.update(created=MONDAY.isoformat()))
    return app


def title(app) -> str:
    return app.screen.query_one("#review-title").render().plain


async def open_review(pilot) -> ReviewScreen:
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


async def test_the_first_day_shows_counts_so_far_and_no_percentages(make_app, data_dir):
    app = begun_today(make_app())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # the first habit, done today
        review = await open_review(pilot)
        shown = title(app)
        assert f"1 of {review.review.target} done so far" in shown
        assert "%" not in shown and "before" not in shown
        counting = review.query_one("#counting").render().plain
        assert "Done: check-ins against what each schedule asks this week" in counting
        assert "Streak and best: today's." in counting


async def test_one_back_filled_check_in_is_one_of_its_days_not_100_percent(make_app, data_dir):
    tracker(data_dir).check("knee-pillow", MONDAY - 5 * D)  # last Wednesday, before the data dir began
    app = begun_today(make_app())
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        await pilot.press("left")
        await pilot.pause()
        assert review.review.start == MONDAY - 7 * D
        assert "1 of 5 done" in title(app)  # Wednesday to Sunday: the days it was tracked
        assert "%" not in title(app)


async def test_a_whole_week_gets_its_percentage_and_the_week_before_its_own(make_app, data_dir):
    t = tracker(data_dir)
    for back in range(1, 15):
        if back % 3:
            t.check("knees-uncrossed", MONDAY - back * D)
            t.check("no-slouching", MONDAY - back * D)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        await pilot.press("left")
        await pilot.pause()
        last = review.review
        assert last.over and last.share is not None
        shown = title(app)
        assert f"{last.done} of {last.target} done ({last.share:.0%})" in shown
        assert "week before" in shown


async def test_a_past_weeks_streak_is_the_one_it_had_at_its_end(make_app, data_dir):
    t = tracker(data_dir)
    for back in range(8, 15):  # the whole week of 9 to 15 November, nothing since
        t.check("knees-uncrossed", MONDAY - back * D)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        review = await open_review(pilot)
        row = next(r for r in review.review.rows if r.habit.id == "knees-uncrossed")
        assert row.streaks.current == 0  # broken since
        await pilot.press("left", "left")
        await pilot.pause()
        row = next(r for r in review.review.rows if r.habit.id == "knees-uncrossed")
        assert (row.streaks.current, row.streaks.best) == (7, 7)
        table = review.query_one(WeekTable)
        assert table.line_of("knees-uncrossed").split()[-2:] == ["7d", "7d"]
        assert "Streak and best: as of Sun 15 Nov." in review.query_one("#counting").render().plain


async def test_h_on_the_pain_row_opens_the_weeks_pain_log(make_app, data_dir):
    t = tracker(data_dir)
    t.log_pain(MONDAY, 3, "after the drive", time=dt.time(8, 15))
    t.log_pain(MONDAY, 6, "lifting [the] box", time=dt.time(17, 40))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        table = review.query_one(WeekTable)
        table.move_cursor(row=table.row_count - 1)  # the pain row
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, PainWeekScreen)
        shown = app.screen.query_one("#pain-readings").render().plain
        assert "Mon 23 Nov  highest 6/10" in shown
        assert "08:15   3/10  after the drive" in shown and "17:40   6/10  lifting [the] box" in shown
        assert "Tue 24 Nov  nothing logged" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is review
