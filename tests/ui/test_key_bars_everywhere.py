"""One key bar on every screen and dialog (issue 13), and bindings it can name (STYLE.md item 4)."""

import importlib
import pkgutil

from textual.binding import Binding
from textual.widgets import Footer

import plumbline.ui.screens
import plumbline.ui.widgets
from plumbline.ui.app import PlumblineApp
from plumbline.ui.widgets.key_bar import KeyBar
from tests.ui.conftest import screen_text


def declared_bindings():
    modules = [importlib.import_module(f"{package.__name__}.{m.name}")
               for package in (plumbline.ui.screens, plumbline.ui.widgets)
               for m in pkgutil.iter_modules(package.__path__)]
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                for binding in vars(value).get("BINDINGS", []):  # declared here, not Textual's
                    yield value.__name__, binding
    for binding in PlumblineApp.BINDINGS:
        yield "PlumblineApp", binding


def test_every_binding_has_an_id_and_a_description():
    found = list(declared_bindings())
    assert len(found) > 40
    for owner, binding in found:
        assert isinstance(binding, Binding), owner
        assert binding.id and binding.description, (owner, binding)


async def test_every_full_screen_has_the_key_bar_and_no_footer(make_app):
    app = make_app(routine="morning-mobility")
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in ([], ["escape", "y", "w"], ["escape", "h"]):  # the routine, Today, the review, history
            await pilot.press(*keys)
            await pilot.pause()
            assert not app.screen.query(Footer), app.screen
            bar = str(app.screen.query_one(KeyBar).render())
            assert bar.strip() and bar.rstrip() in screen_text(app), app.screen


async def test_the_palette_key_shows_where_there_is_room(make_app):
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:  # the review's own keys fill 80 columns
        await pilot.press("w")
        await pilot.pause()
        bar = str(app.screen.query_one(KeyBar).render())
        assert bar.endswith("^p palette ")
        await pilot.click(KeyBar, offset=(bar.index("^p"), 0))
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
