"""The habit detail pane under Today's list: the cautions are always on screen (issue 14, item 1)."""

import pytest

from plumbline.ui.widgets.checklist_view import ChecklistView
from tests.ui.conftest import screen_text

LONG_HABITS = ("gentle-mobility", "towel-mobilization", "glute-work", "core-work")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("habit_id", LONG_HABITS)
async def test_every_caution_is_on_screen(make_app, size, habit_id):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit(habit_id)
        await pilot.pause()
        habit = app.screen.highlighted_habit()
        assert habit.cautions
        shown = screen_text(app)
        for caution in habit.cautions:
            assert caution[:30] in shown, (size, caution)


async def test_the_rest_of_a_long_habit_scrolls_into_view_and_back(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("gentle-mobility")
        await pilot.pause()
        last_words = app.screen.highlighted_habit().how[-30:]
        assert last_words not in screen_text(app)
        await pilot.press("shift+down", "shift+down", "shift+down")
        assert last_words in screen_text(app)
        await pilot.press("down")  # another habit starts again at its name and cautions
        await pilot.pause()
        assert app.screen.highlighted_habit().name in screen_text(app).split("─")[-1]


async def test_at_120x40_the_whole_text_shows_without_scrolling(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("towel-mobilization")
        await pilot.pause()
        habit = app.screen.highlighted_habit()
        shown = screen_text(app)
        assert habit.how[-30:] in shown and habit.why[:30] in shown



@pytest.mark.parametrize(("habit_id", "words"), [
    ("core-work", "Three sessions a week is our number"),
    ("glute-work", "Three sessions a week is our number"),
    ("posture-breaks", "6 a day and a reminder every 45"),
])
async def test_a_number_of_our_choosing_says_so_where_it_shows_at_80x24(make_app, habit_id, words):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit(habit_id)
        await pilot.pause()
        shown = screen_text(app).replace(" ", "")  # the sentence is wrapped
        assert words.replace(" ", "") in shown
