"""The Today screen driven by Pilot, as a user would, over a real data dir."""

import datetime as dt

from textual.widgets import Input, Select

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Status
from plumbline.ui.screens.notice import SafetyNotice
from plumbline.ui.screens.today import TodayScreen
from plumbline.ui.widgets.checklist_view import ChecklistView
from plumbline.ui.widgets.habit_detail import HabitDetail
from tests.conftest import BUILTIN_HABITS, MONDAY, stored_entry
from tests.layout import saved_habits
from tests.ui.conftest import screen_text

SIZE = (80, 24)


def rows_by_id(screen: TodayScreen):
    return {r.habit.id: r for r in screen.rows}


def highlighted(app) -> str | None:
    return app.screen.query_one(ChecklistView).highlighted_habit




async def test_starts_on_today_with_the_first_habit_highlighted(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.day == MONDAY
        assert highlighted(app) == app.screen.rows[0].habit.id


async def test_space_toggles_and_survives_a_restart(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first = highlighted(app)
        await pilot.press("space")
        assert rows_by_id(app.screen)[first].status is Status.DONE
        assert "1 of" in str(app.screen.query_one("#day-header").render())
        await pilot.press("q")
    reopened = make_app()
    async with reopened.run_test(size=SIZE) as pilot:
        assert rows_by_id(reopened.screen)[first].status is Status.DONE
        await pilot.press("space")
        assert rows_by_id(reopened.screen)[first].status is Status.PENDING
    assert stored_entry(Tracker(data_dir, BUILTIN_HABITS).store, first, MONDAY) is None


async def test_count_keys_and_skip(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("posture-breaks")
        await pilot.press("plus", "plus", "plus", "minus")
        assert rows_by_id(app.screen)["posture-breaks"].entry.count == 2
        await pilot.press("space")  # a count habit goes up by one
        assert rows_by_id(app.screen)["posture-breaks"].entry.count == 3
        app.screen.query_one(ChecklistView).highlight_habit("towel-mobilization")
        await pilot.press("s")
        assert rows_by_id(app.screen)["towel-mobilization"].status is Status.SKIPPED
        await pilot.press("s")  # s again on a rest day takes it back, as space does for done
        assert rows_by_id(app.screen)["towel-mobilization"].entry is None


async def test_j_and_k_move_like_the_arrows(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ChecklistView)
        first = view.highlighted_habit
        await pilot.press("j", "j")
        assert view.highlighted_habit != first
        await pilot.press("k", "k")
        assert view.highlighted_habit == first
        await pilot.press("down", "down")
        arrows = view.highlighted_habit
        await pilot.press("k", "k", "j", "j")
        assert view.highlighted_habit == arrows


async def test_left_fills_in_yesterday_and_right_cannot_pass_today(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("knee-pillow")
        await pilot.press("left", "space")
        assert app.screen.day == MONDAY - dt.timedelta(days=1)
        assert "(yesterday)" in str(app.screen.query_one("#day-header").render())
        await pilot.press("right", "right")
        assert app.screen.day == MONDAY
        row = rows_by_id(app.screen)["knee-pillow"]
        assert row.strip[-2] is Status.DONE and row.status is Status.PENDING
    store = Tracker(data_dir, BUILTIN_HABITS).store
    assert stored_entry(store, "knee-pillow", MONDAY - dt.timedelta(days=1)) is not None


async def test_avoid_habit_reads_naturally_when_done(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("knees-uncrossed")
        await pilot.press("space")
        await pilot.pause()
        assert "Kept knees uncrossed" in screen_text(app)


async def test_detail_shows_why_how_and_cautions(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("towel-mobilization")
        await pilot.pause()
        detail = str(app.screen.query_one(HabitDetail).describe(app.screen.highlighted_habit()))
        assert "Why:" in detail and "How:" in detail and "pain" in detail.lower()


async def test_the_screen_rolls_over_at_midnight(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        clock.now = dt.datetime(2026, 11, 24, 0, 0, 5)
        app.check_rollover()
        await pilot.pause()
        assert app.screen.day == MONDAY + dt.timedelta(days=1)
        assert "Tuesday 24 November" in str(app.screen.query_one("#day-header").render())


async def test_first_start_shows_the_safety_notice_once(make_app):
    app = make_app(notice_seen=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNotice)
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
    again = make_app(notice_seen=False)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, TodayScreen)


async def test_help_lists_keys_and_the_caution(make_app):
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = screen_text(app)
        assert "rest day" in shown and "Stop an exercise" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_add_a_habit_with_validation(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#name", Input).value = "[x] Walk after lunch"
        form.query_one("#schedule", Input).value = "sometimes"
        await pilot.press("ctrl+s")
        assert "schedule" in str(form.query_one("#form-error").render())
        form.query_one("#schedule", Input).value = "mon wed fri"
        form.query_one("#category", Select).value = "movement"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert highlighted(app) == "x-walk-after-lunch"
        assert "[x] Walk after lunch" in screen_text(app)
    saved = saved_habits(data_dir)["x-walk-after-lunch"]
    assert saved["schedule"] == {"weekdays": ["mon", "wed", "fri"]} and saved["name"] == "[x] Walk after lunch"


async def test_a_therapists_programme_can_be_typed_in_with_several_lines_and_cautions(make_app, data_dir):
    from textual.widgets import TextArea

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#name", Input).value = "Clamshells"
        form.query_one("#schedule", Input).value = "3 a week"
        form.query_one("#how", TextArea).text = "Lie on your side, knees bent.\n2 sets of 10, slowly.\nRest 30 s."
        form.query_one("#cautions", TextArea).text = "Stop if it hurts.\n\nNot on the sore side yet."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        app.screen.query_one(ChecklistView).highlight_habit("clamshells")
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#how", TextArea).text.splitlines()[1] == "2 sets of 10, slowly."
    habit = Tracker(data_dir, BUILTIN_HABITS).habit("clamshells")  # as the next start reads it
    assert habit.how == "Lie on your side, knees bent.\n2 sets of 10, slowly.\nRest 30 s."
    assert habit.cautions == ("Stop if it hurts.", "Not on the sore side yet.")


async def test_count_habit_needs_a_target(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        form = app.screen
        form.query_one("#name", Input).value = "Water"
        form.query_one("#kind", Select).value = "count"
        await pilot.press("ctrl+s")
        assert "target" in str(form.query_one("#form-error").render())


async def test_edit_a_builtin_keeps_its_id_and_history(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("core-work")
        await pilot.press("space", "e")
        app.screen.query_one("#schedule", Input).value = "2 a week"
        await pilot.press("ctrl+s")
        await pilot.pause()
        row = rows_by_id(app.screen)["core-work"]
        assert row.habit.schedule.per_week == 2 and row.status is Status.DONE
        assert row.habit.cautions  # the guidance's cautions stay with the edited copy


async def test_archive_keeps_history_and_restore_brings_it_back(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit("both-feet")
        await pilot.press("space", "x", "y")
        await pilot.pause()
        assert "both-feet" not in rows_by_id(app.screen)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert rows_by_id(app.screen)["both-feet"].status is Status.DONE


async def test_a_bad_habit_file_is_reported_and_the_app_still_starts(make_app, data_dir):
    (data_dir / "habits").mkdir()
    (data_dir / "habits" / "oops.toml").write_text("id = ")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen) and len(app.screen.rows) >= 10
        assert any("oops.toml" in n.message for n in app._notifications)


async def test_quit_keys(make_app):
    for key in ("q", "ctrl+q"):
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(key)
            await pilot.pause()
            assert not app.is_running


async def test_a_check_in_from_the_cli_shows_in_the_open_app(make_app, data_dir):
    import os
    import subprocess
    import sys

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert rows_by_id(app.screen)["knee-pillow"].status is Status.PENDING
        env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": "2026-11-23T10:00:00"}
        done = subprocess.run([sys.executable, "-m", "plumbline", "check", "knee-pillow"], env=env, capture_output=True)
        assert done.returncode == 0
        app.check_external_changes()  # what the app's one-second timer calls
        await pilot.pause()
        assert rows_by_id(app.screen)["knee-pillow"].status is Status.DONE
        before = app.screen.rows
        app.check_external_changes()  # nothing new: the rows are not rebuilt
        assert app.screen.rows is before


async def test_the_apps_own_writes_are_not_taken_for_another_processs(make_app):
    """The watcher compares the data folders' times, which the app's own writes move too: it
    used to work out every screen a second time after each of them. Posture breaks' space is
    two writes (the check and the break's state)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for habit in ("knee-pillow", "posture-breaks"):
            app.screen.query_one(ChecklistView).highlight_habit(habit)
            unchecked = rows_by_id(app.screen)[habit]
            await pilot.press("space")
            await pilot.pause()
            assert rows_by_id(app.screen)[habit] != unchecked  # the own refresh showed it
            before = app.screen.rows
            app.check_external_changes()  # what the app's timer calls
            await pilot.pause()
            assert app.screen.rows is before, habit


async def test_another_processs_check_in_just_before_one_of_the_apps_own_writes_still_shows(make_app, data_dir):
    """The app's pain reading leaves Today's rows as they are; a check-in another process wrote
    just before it must not be taken for part of the app's own write."""
    import os
    import subprocess
    import sys

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": "2026-11-23T10:00:00"}
        done = subprocess.run([sys.executable, "-m", "plumbline", "check", "knee-pillow"], env=env, capture_output=True)
        assert done.returncode == 0
        app.tracker.log_pain(MONDAY, 3, today=MONDAY)  # the app's own write, before the watcher looks
        await pilot.pause()
        app.check_external_changes()  # what the app's timer calls
        await pilot.pause()
        assert rows_by_id(app.screen)["knee-pillow"].status is Status.DONE


async def test_a_file_damaged_while_the_app_is_open_is_reported_not_a_crash(make_app, data_dir):
    app = make_app()
    database = app.tracker.locations.database
    async with app.run_test(size=SIZE) as pilot:
        database.write_bytes(b'{"meta": ')
        app.screen.query_one(ChecklistView).highlight_habit("both-feet")
        await pilot.press("x", "y")
        await pilot.pause()
        app.check_rollover()
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, TodayScreen)
        assert any(str(database) in n.message for n in app._notifications)
    assert database.read_bytes() == b'{"meta": '


async def test_an_app_started_on_a_terminal_leaves_when_the_terminal_is_gone(data_dir, clock):
    """Under pytest stdin is no terminal, which is what a closed terminal window looks like."""
    from plumbline.ui.app import PlumblineApp

    tracker = Tracker(data_dir, BUILTIN_HABITS)
    tracker.store.update_meta(lambda meta: meta.update(notice_seen=True))
    app = PlumblineApp(tracker, clock=clock, watch_terminal=True)
    async with app.run_test(size=SIZE) as pilot:
        app.check_external_changes()
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 1


async def test_a_habit_file_dropped_in_while_the_app_is_open_appears(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert "hip-stretch" not in rows_by_id(app.screen)
        (data_dir / "habits").mkdir(exist_ok=True)
        (data_dir / "habits" / "hip-stretch.toml").write_text(
            'id = "hip-stretch"\nname = "Hip stretch"\ncategory = "mobility"\nkind = "do"\n')
        (data_dir / "habits" / "broken.toml").write_text('id = "broken"\nname = \n')
        app.check_external_changes()  # what the app does every second
        await pilot.pause()
        assert "hip-stretch" in rows_by_id(app.screen)
        assert any("broken.toml" in n.message for n in app._notifications)


async def test_the_command_palette_checks_a_habit_by_name_and_opens_screens(make_app, data_dir):
    from plumbline.ui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"pillow")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert rows_by_id(app.screen)["knee-pillow"].status is Status.DONE
        await pilot.press("ctrl+p")
        await pilot.press(*"weekly review")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_the_chosen_theme_is_kept_for_the_next_start(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
