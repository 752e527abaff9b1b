"""The SI belt: an optional habit, off by default, added from u (issue 14, item 2g)."""

from textual.widgets import OptionList

from plumbline.app.tracker import Tracker
from plumbline.storage.habit_files import load_library
from plumbline.ui.screens.archived import ArchivedScreen
from tests.conftest import BUILTIN_HABITS
from tests.layout import saved_habits
from tests.ui.conftest import screen_text

BELT = "SI belt, as your professional advised"


def test_the_belt_is_not_in_the_library_a_new_user_gets(data_dir):
    assert "si-belt" not in {h.id for h in Tracker(data_dir, BUILTIN_HABITS).habits(include_archived=True)}
    belt = load_library([BUILTIN_HABITS / "optional"]).by_id()["si-belt"]
    assert belt.name == BELT and "temporary support" in belt.cautions[0] and "professional" in belt.cautions[0]
    assert "strengthened" in belt.why  # seed 000: support while the muscles are strengthened


async def test_u_offers_it_at_80x24_and_enter_adds_it_to_today(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert BELT not in screen_text(app)
        await pilot.press("u")
        assert isinstance(app.screen, ArchivedScreen)
        shown = screen_text(app)
        assert "Optional habits" in shown and BELT in shown and "enter adds it" in shown.replace("  ", " ")
        app.screen.query_one("#optional", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.highlighted_habit().id == "si-belt"
        assert BELT in screen_text(app)
    assert "si-belt" in saved_habits(data_dir)
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        assert BELT not in screen_text(again)  # added: no longer offered
