"""Screens listen: a write made through the application layer reaches every open screen, and the
reminder service, without the code that wrote telling anyone (issue 13)."""

import datetime as dt
from zoneinfo import ZoneInfo

from plumbline.app import changes
from plumbline.app.tracker import Tracker
from plumbline.domain.reminder_settings import ReminderSettings
from plumbline.notify.service import ReminderService
from plumbline.ui.app import PlumblineApp
from plumbline.ui.screens.review import ReviewScreen
from plumbline.ui.screens.today import TodayScreen
from plumbline.ui.widgets.break_countdown import BreakCountdown
from plumbline.ui.widgets.checklist_view import ChecklistView
from tests.conftest import BUILTIN_HABITS, MONDAY, stored_entry
from tests.notify.recorder import Desktop

SIZE = (80, 24)
BERLIN = ZoneInfo("Europe/Berlin")


def app_with_reminders(data_dir, clock) -> PlumblineApp:
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    tracker.settings.mark_seen("notice_seen", dt.date(2026, 11, 1))
    service = ReminderService(tracker, lambda: clock().replace(tzinfo=BERLIN), sender=Desktop())
    return PlumblineApp(tracker, clock=clock, reminders=service)


def countdown(app) -> str:
    return str(app.screen.query_one(BreakCountdown).render())


def test_every_kind_of_write_tells_the_listeners(data_dir):
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    heard: list[str] = []
    stop = tracker.changes.listen(heard.append)
    tracker.check("knee-pillow", MONDAY)
    tracker.log_pain(MONDAY, 3)
    tracker.set_archived("knee-pillow", True)
    tracker.settings.save_reminders(ReminderSettings(break_minutes=30))
    tracker.reminders.snooze(dt.datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN))
    assert heard == [changes.ENTRIES, changes.PAIN, changes.HABITS, changes.SETTINGS, changes.BREAKS]
    stop()
    tracker.uncheck("knee-pillow", MONDAY)
    assert len(heard) == 5  # no longer listening


async def test_space_on_the_posture_breaks_row_today_is_a_break(data_dir, clock):
    """The app's space follows the same rule as `plumbline check posture-breaks` and `b`."""
    app = app_with_reminders(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Next posture break 09:45" in countdown(app)
        clock.now = dt.datetime(2026, 11, 23, 9, 20)
        app.screen.query_one(ChecklistView).highlight_habit("posture-breaks")
        await pilot.press("space")
        await pilot.pause()
        assert stored_entry(app.tracker.store, "posture-breaks", MONDAY).count == 1
        assert app.tracker.reminders.state().last_break == dt.datetime(2026, 11, 23, 9, 20, tzinfo=BERLIN)
        assert "Next posture break 10:05" in countdown(app)


async def test_space_on_the_posture_breaks_row_of_yesterday_is_only_a_count(data_dir, clock):
    app = app_with_reminders(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("left")
        app.screen.query_one(ChecklistView).highlight_habit("posture-breaks")
        await pilot.press("space")
        await pilot.pause()
        assert stored_entry(app.tracker.store, "posture-breaks", MONDAY - dt.timedelta(days=1)).count == 1
        assert app.tracker.reminders.state().last_break is None
        assert "Next posture break 09:45" in countdown(app)


async def test_a_write_reaches_the_review_and_today_beneath_it(data_dir, clock):
    app = app_with_reminders(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        pillow = lambda: next(r for r in review.review.rows if r.habit.id == "knee-pillow")  # noqa: E731
        assert pillow().done == 0
        app.tracker.check("knee-pillow", MONDAY)  # as a desktop answer would, through the tracker
        await pilot.pause()
        assert pillow().done == 1
        today = next(s for s in app.screen_stack if isinstance(s, TodayScreen))
        assert next(r for r in today.rows if r.habit.id == "knee-pillow").status.value == "done"


async def test_saved_settings_move_the_countdown_with_no_one_asking_the_service(data_dir, clock):
    app = app_with_reminders(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Next posture break 09:45" in countdown(app)
        app.tracker.settings.save_reminders(ReminderSettings(break_minutes=30))
        await pilot.pause()
        assert app.reminders.next_break() == dt.datetime(2026, 11, 23, 9, 30, tzinfo=BERLIN)
        assert "Next posture break 09:30" in countdown(app)
