"""Every dialog whole at 80x24 (issue 14 item 7): inside the screen above its key bar, nothing in it
pushed out of its box, every button on screen, the keyboard on a field or list, and no sliver of
the screen beneath at its sides. The snapshots show the same; this says which part failed."""

import datetime as dt
from pathlib import Path

import pytest
from textual.containers import ScrollableContainer
from textual.widgets import Button, Input, OptionList

from plumbline.app.tracker import Tracker
from plumbline.ui.screens.dialog import Dialog
from plumbline.ui.screens.restore_offer import RestoreOffer
from plumbline.ui.widgets.key_bar import KeyBar
from tests.conftest import BUILTIN_HABITS, MONDAY


def earlier_stop(data_dir: Path) -> None:
    """The towel routine hurt three days ago: its next stop suggests pausing it (the tallest form)."""
    Tracker(data_dir, builtin_dir=BUILTIN_HABITS).record_stop(
        "towel", "Stopped Towel sacral mobilization at step 1", dt.datetime(2026, 11, 20, 9, 0))


def pain_logged(data_dir: Path) -> None:
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    tracker.log_pain(MONDAY, 4, "stiff on waking", time=dt.time(7, 30), triggers=("waking",))
    tracker.log_pain(MONDAY, 6, "after the drive", time=dt.time(8, 40), triggers=("sitting",))


def six_archived(data_dir: Path) -> None:
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    for habit in tracker.habits()[:6]:
        tracker.set_archived(habit.id, True)


# name: (keys, routine to start in, setup, what the keyboard starts on)
DIALOGS = {
    "pain form": (["p"], None, pain_logged, Input),
    "pain form after a hurt stop": (["space", "space", "x"], "towel", earlier_stop, Input),
    "settings": (["o"], None, None, Input),
    "habit form, edit": (["e"], None, None, Input),
    "habit form, new": (["a"], None, None, Input),
    "go to date": (["g"], None, None, Input),
    "routine chooser": (["r"], None, None, OptionList),
    "routine form, new": (["r", "n"], None, None, Input),
    "routine form, a copy": (["r", "e"], None, None, Input),
    "archived list": (["x", "y", "down", "x", "y", "u"], None, None, OptionList),
    "archived list, long": (["u"], None, six_archived, OptionList),
    "confirm": (["x"], None, None, None),
    "help": (["question_mark"], None, None, ScrollableContainer),
    "week's pain log": (["w", "end", "h"], None, None, ScrollableContainer),  # end: the pain row, the last
    "restore offer": ([], None, None, None),
    "safety notice": ([], None, None, None),  # on first start
}


def assert_whole(screen: Dialog, size: tuple[int, int]) -> None:
    width, height = size
    box = screen.query_one(".dialog, #recovery")
    bar = screen.query_one(KeyBar)
    assert bar.region.y == height - 1 and bar.region.width == width
    assert box.region.y >= 0 and box.region.bottom <= bar.region.y, "the box runs under the key bar"
    assert (box.region.x, box.region.width) == (0, width), "the screen beneath shows beside the box"
    inner = box.content_region
    for widget in box.query("*"):
        if not widget.display or any(isinstance(a, ScrollableContainer) for a in widget.ancestors):
            continue  # inside a scrolling part, it is scrolled to, not cut off
        assert inner.contains_region(widget.region), f"{widget} is cut off"
    for button in box.query(Button):
        assert inner.contains_region(button.region), f"{button.label} is off screen"


@pytest.mark.parametrize("name", DIALOGS)
async def test_each_dialog_is_whole_at_80x24(make_app, data_dir, name):
    keys, routine, setup, focus = DIALOGS[name]
    if setup is not None:
        setup(data_dir)
    app = make_app(routine=routine, notice_seen=name != "safety notice")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if name == "restore offer":
            app.push_screen(RestoreOffer(f"database file {data_dir}/plumbline.json cannot be read (it is not "
                                         "valid JSON)", "2026-11-22T210000", "leave it, keep the app open"))
        for key in keys:
            await pilot.press(key)
            # The review is painted first and filled in by a worker: its rows are there to move
            # over once it is.
            while getattr(app.screen, "review", True) is None:
                await pilot.pause(0.01)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Dialog), name
        assert_whole(screen, (80, 24))
        if focus is not None:
            assert isinstance(screen.focused, focus), screen.focused


async def test_a_dialog_keeps_its_width_where_there_is_room_around_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        box = app.screen.query_one(".dialog")
        assert box.region.width == 76 and box.region.x == 22  # 22 columns of Today on each side
