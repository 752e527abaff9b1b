"""What the app looks like at 80x24 over fixed demo data on a fixed day; SVGs are committed.

Update after an intended change with `pytest tests/snapshots --snapshot-update`, then look at them.
"""

import datetime as dt

import pytest

from plumbline.ui.app import PlumblineApp
from scripts.demo_data import write_demo
from tests.conftest import BUILTIN_HABITS

NOW = dt.datetime(2026, 11, 25, 19, 30)


@pytest.fixture
def demo_app(data_dir):
    tracker = write_demo(data_dir, NOW.date(), builtin_dir=BUILTIN_HABITS)
    return PlumblineApp(tracker, clock=lambda: NOW)


def test_today_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24))


def test_today_after_checking_and_moving_to_yesterday(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["down", "space", "left"])


def test_help_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["question_mark"])


def test_weekly_review_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["w"])


def test_history_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["h"])


def test_first_start_notice_80x24(snap_compare, data_dir):
    from plumbline.app.tracker import Tracker

    app = PlumblineApp(Tracker(data_dir, builtin_dir=BUILTIN_HABITS), clock=lambda: NOW)
    assert snap_compare(app, terminal_size=(80, 24))


def test_routine_player_mid_hold_80x24(snap_compare, data_dir):
    """The piriformis stretch of morning mobility, 12 seconds into its 30-second hold."""
    tracker = write_demo(data_dir, NOW.date(), builtin_dir=BUILTIN_HABITS)
    seconds = [100.0]
    app = PlumblineApp(tracker, clock=lambda: NOW, monotonic=lambda: seconds[0], routine="morning-mobility")

    async def twelve_seconds_in(pilot):
        await pilot.press("space", "n", "n", "space")
        seconds[0] += 12
        app.screen.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=twelve_seconds_in)


def test_settings_80x24_shows_save_and_cancel(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["o"])


def test_pain_dialog_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["p"])


def test_habit_form_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["e"])


def test_go_to_date_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["g", "2", "0", "2", "6", "-", "1", "3"])


def test_weekly_review_last_week_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["w", "left"])


def test_weeks_pain_log_80x24(snap_compare, demo_app):
    """h on the review's pain row, below the demo's ten habits."""
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["w", *["down"] * 10, "h"])
