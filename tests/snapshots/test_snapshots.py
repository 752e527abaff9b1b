"""What the app looks like at 80x24 over fixed demo data on a fixed day; SVGs are committed.

Update after an intended change with `pytest tests/snapshots --snapshot-update`, then look at them.
"""

import datetime as dt

import pytest
from scripts.demo_data import write_demo

from plumbline.ui.app import PlumblineApp
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


def test_pain_form_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["p"])


def test_pain_form_after_a_hurt_stop_80x24(snap_compare, data_dir):
    """The tallest form: the caution, and the suggestion after a second stop within 14 days."""
    tracker = write_demo(data_dir, NOW.date(), builtin_dir=BUILTIN_HABITS)
    tracker.record_stop("towel", "Stopped Towel sacral mobilization at step 1: Lean back, fold forward",
                        NOW - dt.timedelta(days=3))
    app = PlumblineApp(tracker, clock=lambda: NOW, monotonic=lambda: 100.0, routine="towel")
    assert snap_compare(app, terminal_size=(80, 24), press=["space", "space", "x"])


def test_routine_chooser_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["r"])


def test_routine_form_editing_a_copy_80x24(snap_compare, demo_app):
    """e on the first routine: the user's copy, its steps one a line, the article's cautions."""
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["r", "e"])


def test_archived_list_80x24(snap_compare, data_dir):
    """Two habits archived, and the optional SI-belt habit below them."""
    tracker = write_demo(data_dir, NOW.date(), builtin_dir=BUILTIN_HABITS)
    for habit_id in ("knees-uncrossed", "no-slouching"):
        tracker.set_archived(habit_id, True)
    assert snap_compare(PlumblineApp(tracker, clock=lambda: NOW), terminal_size=(80, 24), press=["u"])


def test_confirm_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["x"])


def test_restore_offer_in_the_app_80x24(snap_compare, demo_app):
    from plumbline.ui.screens.restore_offer import RestoreOffer

    async def damaged(pilot):
        pilot.app.push_screen(RestoreOffer("database file /home/you/.local/share/plumbline/plumbline.json "
                                           "cannot be read (it is not valid JSON)", "2026-11-24T210000",
                                           "leave it, keep the app open"))
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=damaged)


def test_recovery_at_start_80x24(snap_compare):
    from pathlib import Path

    from plumbline.ui.recovery import RecoveryApp

    app = RecoveryApp("database file /home/you/.local/share/plumbline/plumbline.json cannot be read (it is not "
                      "valid JSON)", Path("/home/you/.local/share/plumbline/backups/2026-11-24T210000"))
    assert snap_compare(app, terminal_size=(80, 24))


def test_habit_form_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["e"])


def test_go_to_date_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["g", "2", "0", "2", "6", "-", "1", "3"])


def test_weekly_review_last_week_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["w", "left"])


def test_weeks_pain_log_80x24(snap_compare, demo_app):
    """h on the review's pain row, below the demo's ten habits."""
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["w", *["down"] * 10, "h"])
