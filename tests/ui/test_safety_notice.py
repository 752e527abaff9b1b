"""The safety notice in the app: whole at 80x24, with what the articles ask for (issue 14, item 2)."""

from plumbline.domain.safety import ONE_PATTERN_ONE_CORRECTION
from plumbline.ui.screens.notice import SafetyNotice
from tests.ui.conftest import screen_text


async def test_the_first_start_notice_is_whole_at_80x24(make_app):
    app = make_app(notice_seen=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNotice)
        shown = screen_text(app)
        assert ONE_PATTERN_ONE_CORRECTION[:40] in shown
        assert "do not push through it" in shown and "enter or escape to continue" in shown
