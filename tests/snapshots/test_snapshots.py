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
    from plumbline.storage.tracker import Tracker

    app = PlumblineApp(Tracker(data_dir, builtin_dir=BUILTIN_HABITS), clock=lambda: NOW)
    assert snap_compare(app, terminal_size=(80, 24))
