"""The key bar under Today: the screen's shown keys on one line, and a click presses one."""

from plumbline.ui.widgets.key_bar import KeyBar
from tests.ui.conftest import screen_text

SIZE = (80, 24)
MAIN_KEYS = "←→ Day space Done s Rest w Week p Pain r Routine ? Help q Quit"


async def test_shows_the_main_keys_of_today(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = str(app.screen.query_one(KeyBar).render())
        assert " ".join(shown.split()) == MAIN_KEYS
        assert shown.rstrip() in screen_text(app)


async def test_a_click_on_a_key_presses_it(make_app):
    from plumbline.ui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        column = str(app.screen.query_one(KeyBar).render()).index("Help")
        await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_click_past_the_last_key_does_nothing(make_app):
    from plumbline.ui.screens.today import TodayScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(79, 0))
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
