"""The routine player driven by Pilot over a real data dir, with the app's clocks in the test's hands.

Holds never run in real time: the test moves the fake clock and calls the screen's tick itself.
"""

import pytest
from textual.widgets import Digits, OptionList

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Status
from plumbline.ui.screens.confirm import ConfirmDialog
from plumbline.ui.screens.notice import SafetyNotice
from plumbline.ui.screens.pain_form import PainForm
from plumbline.ui.screens.routine_chooser import RoutineChooser
from plumbline.ui.screens.routine_player import RoutinePlayerScreen
from plumbline.ui.screens.today import TodayScreen
from plumbline.ui.widgets.checklist_view import ChecklistView
from tests.conftest import BUILTIN_HABITS, MONDAY, stored_entry
from tests.ui.conftest import screen_text

SIZE = (80, 24)


def tracker_of(data_dir) -> Tracker:
    return Tracker(data_dir, BUILTIN_HABITS)


def countdown(app) -> str:
    return app.screen.query_one("#big", Digits).value


async def advance(pilot, clock, seconds: float) -> None:
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()


async def advance_clock_only(pilot, clock, seconds: float) -> None:
    """Time passing while a dialog is open: the stopped player must not move on."""
    clock.advance(seconds)
    await pilot.pause()


@pytest.fixture
def bells(monkeypatch):
    """Counts bell rings. A headless test has no terminal to ring, so the call itself is recorded."""
    from plumbline.ui.app import PlumblineApp

    rung: list[int] = []
    monkeypatch.setattr(PlumblineApp, "bell", lambda self: rung.append(1))
    return rung


async def test_a_routine_run_to_the_end_checks_its_habit(make_app, clock, data_dir, bells):
    app = make_app(routine="morning-mobility")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoutinePlayerScreen)
        assert "Before you begin" in screen_text(app)
        assert "Stop at once if any movement makes your pain worse" in screen_text(app)  # its cautions
        await pilot.press("space", "space")  # a key before beginning counts no rep
        assert "step 1 of 3" in screen_text(app) and "Modified pelvic tilt" in screen_text(app)
        assert app.screen.player.reps_done == 1
        await pilot.press(*["space"] * 4)  # pelvic tilt: 5 reps
        assert "Lower-trunk rotation" in screen_text(app) and "left side" in screen_text(app)
        await pilot.press(*["space"] * 5)
        assert "right side" in screen_text(app)
        await pilot.press(*["space"] * 5)
        assert "Piriformis stretch" in screen_text(app) and countdown(app) == "0:30"
        await pilot.press("space")  # start the 30-second hold
        await advance(pilot, clock, 29.5)
        assert countdown(app) == "0:01" and not app.screen.player.finished
        assert stored_entry(tracker_of(data_dir).store, "gentle-mobility", MONDAY) is None
        await advance(pilot, clock, 0.5)
        assert app.screen.player.finished and bells == [1]
        assert "Checked for today: Did gentle mobility" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        done = {r.habit.id: r.status for r in app.screen.rows}
        assert done["gentle-mobility"] is Status.DONE  # the checklist underneath shows it at once
    assert stored_entry(tracker_of(data_dir).store, "gentle-mobility", MONDAY) is not None


@pytest.mark.parametrize("key", ["x", "exclamation_mark"])
async def test_the_hurt_key_stops_midway_and_logs_pain_with_a_note(make_app, clock, data_dir, key):
    app = make_app(routine="towel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space", "space")
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, PainForm)
        caution = str(app.screen.query_one("#hurt-caution").render())
        assert "Stop an exercise at once if it increases your pain" in caution
        assert "see a physical therapist or doctor" in caution
        await advance_clock_only(pilot, clock, 60)
        await pilot.press("7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    tracker = tracker_of(data_dir)
    pain = tracker.pain(MONDAY)
    assert pain is not None and pain.level == 7
    assert pain.note == "Stopped Towel sacral mobilization at step 1: Lean back, fold forward"
    assert stored_entry(tracker.store, "towel-mobilization", MONDAY) is None  # nothing checked


async def test_a_hurt_stop_logs_what_brought_it_on_as_the_pain_form_on_today_does(make_app, data_dir):
    app = make_app(routine="towel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "x")
        await pilot.pause()
        assert "Not now" in screen_text(app)  # escape's name in the key bar after a stop
        await pilot.press("5", "tab", "tab", *["down"] * 4, "space")  # bending and twisting
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    (reading,) = tracker_of(data_dir).pain(MONDAY).readings
    assert (reading.level, reading.triggers) == (5, ("bending",))
    assert reading.note.startswith("Stopped Towel sacral mobilization at step 1")


async def test_stopping_without_logging_records_nothing(make_app, clock, data_dir):
    app = make_app(routine="morning-mobility")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n", "n", "space", "x")
        await pilot.pause()
        player = app.screen_stack[-2]
        assert isinstance(player, RoutinePlayerScreen) and player.player.stopped
        clock.advance(60)
        player.tick()  # a stopped hold does not run out, ring or check anything
        assert not player.player.finished
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    tracker = tracker_of(data_dir)
    assert tracker.pain(MONDAY) is None and stored_entry(tracker.store, "gentle-mobility", MONDAY) is None


async def test_a_pain_level_outside_0_to_10_is_refused_with_a_reason(make_app, data_dir):
    app = make_app(routine="towel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "x")
        await pilot.pause()
        await pilot.press("enter")
        assert "nothing is not a level" in str(app.screen.query_one("#form-error").render())
        await pilot.press("1", "2", "enter")
        assert "'12' is not a level" in str(app.screen.query_one("#form-error").render())
        assert isinstance(app.screen, PainForm)
    assert tracker_of(data_dir).pain(MONDAY) is None


async def test_pause_and_resume_a_hold_without_losing_time(make_app, clock, bells):
    app = make_app(routine="morning-mobility")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n", "n")  # straight to the 30-second piriformis stretch
        await pilot.press("space")
        await advance(pilot, clock, 10)
        assert countdown(app) == "0:20"
        await pilot.press("p")
        assert "Paused" in screen_text(app)
        await advance(pilot, clock, 300)  # a long pause: nothing runs
        assert countdown(app) == "0:20" and not app.screen.player.finished and bells == []
        await pilot.press("p")
        await advance(pilot, clock, 19.9)
        assert countdown(app) == "0:01" and not app.screen.player.finished
        await advance(pilot, clock, 0.1)
        assert app.screen.player.finished and bells == [1]


async def test_the_end_of_a_hold_flashes_and_rings_then_the_rest_runs_by_itself(make_app, clock, bells):
    app = make_app(routine="push-pull")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space")
        await advance(pilot, clock, 5)
        counter = app.screen.query_one("#counter")
        assert counter.has_class("-cue") and bells == [1]
        assert "rest, then hold 2 of 3" in screen_text(app) and countdown(app) == "0:05"
        await advance(pilot, clock, 5)  # no key: the second contraction starts when the rest ends
        assert "hold 2 of 3" in screen_text(app) and "rest, then" not in screen_text(app)
        assert app.screen.player.mode == "running" and bells == [1, 1]
        await advance(pilot, clock, 2)
        assert countdown(app) == "0:03"


async def test_skip_and_back_move_between_steps(make_app):
    app = make_app(routine="morning-mobility")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")  # nothing to skip before the routine begins
        assert "Before you begin" in screen_text(app)
        await pilot.press("space", "space", "n")
        assert "step 2 of 3" in screen_text(app)
        await pilot.press("n")
        assert "step 3 of 3" in screen_text(app)
        await pilot.press("b", "b")
        assert "step 1 of 3" in screen_text(app) and app.screen.player.reps_done == 0


async def test_skipping_every_step_checks_nothing(make_app, data_dir):
    app = make_app(routine="towel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n")
        await pilot.pause()
        assert "nothing was checked" in screen_text(app)
    assert stored_entry(tracker_of(data_dir).store, "towel-mobilization", MONDAY) is None


async def test_escape_asks_before_leaving_and_checks_nothing(make_app, data_dir):
    app = make_app(routine="towel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, RoutinePlayerScreen) and app.screen.player.reps_done == 1
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert stored_entry(tracker_of(data_dir).store, "towel-mobilization", MONDAY) is None


@pytest.mark.parametrize(
    ("habit", "routine"),
    [("towel-mobilization", "towel"), ("core-work", "core-and-glute"), ("knee-pillow", "morning-mobility")],
)
async def test_r_on_today_highlights_the_habits_routine_and_enter_plays_it(make_app, habit, routine):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ChecklistView).highlight_habit(habit)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RoutineChooser)
        assert app.screen.query_one(OptionList).highlighted_option.id == routine  # no routine: the first
        assert "Stop at once" in str(app.screen.query_one("#routine-about").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoutinePlayerScreen) and app.screen.routine.id == routine


async def test_a_bad_routine_file_is_reported_and_the_rest_are_offered(make_app, data_dir):
    folder = data_dir / "routines"
    folder.mkdir()
    (folder / "mine.toml").write_text('id = "mine"\nname = "Mine"\n[[steps]]\nname = "Lean back"\nhow = "x"\n')
    (folder / "tricky.toml").write_text(
        'id = "tricky"\nname = "[b]Tricky[/b]"\n[[steps]]\nname = "[i]a[/i]"\nhow = "[red]b"\nreps = 1\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        ids = [o.id for o in app.screen.query_one(OptionList).options]
        assert "mine" not in ids and {"morning-mobility", "towel", "tricky"} <= set(ids)
        warning = next(n.message for n in app._notifications if "mine.toml" in n.message)
        assert "step 1 'Lean back'" in warning and "hold" in warning
        assert "[b]Tricky[/b]" in screen_text(app)  # a user's text is shown as typed, never as markup
        app.screen.query_one(OptionList).highlighted = ids.index("tricky")
        await pilot.press("enter", "space")
        await pilot.pause()
        assert "[i]a[/i]" in screen_text(app) and "[red]b" in screen_text(app)


async def test_first_start_on_a_routine_shows_the_safety_notice_first(make_app):
    app = make_app(notice_seen=False, routine="push-pull")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNotice)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoutinePlayerScreen)
        assert not app.screen.begun  # the notice's enter did not begin the routine


async def test_finishing_a_routine_whose_habit_is_archived_says_so(make_app, data_dir):
    tracker_of(data_dir).set_archived("towel-mobilization", True)
    app = make_app(routine="towel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["space"] * 11)
        await pilot.pause()
        assert "Not checked" in screen_text(app) and "archived" in screen_text(app)



async def test_q_in_the_middle_of_a_routine_asks_before_quitting(make_app, data_dir):
    app = make_app(routine="morning-mobility")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: back to the routine, still going
        await pilot.pause()
        assert isinstance(app.screen, RoutinePlayerScreen) and not app.screen.player.stopped
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running
    assert stored_entry(tracker_of(data_dir).store, "gentle-mobility", MONDAY) is None


async def test_a_routine_that_hurts_again_within_two_weeks_suggests_pausing_it(make_app, clock, data_dir):
    import datetime as dt

    for days_later, expect_again in ((0, False), (5, True), (5 + 15, False)):
        clock.now = dt.datetime(2026, 11, 23, 9, 0) + dt.timedelta(days=days_later)
        app = make_app(routine="towel")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "space", "x")
            await pilot.pause()
            assert isinstance(app.screen, PainForm)
            again = app.screen.query("#hurt-again")
            assert bool(again) is expect_again, days_later
            if expect_again:
                text = str(again.first().render())
                assert "Towel sacral mobilization hurt on Monday 23 November too" in text
                assert "physical therapist" in text and "plumbline's own threshold" in text
            await pilot.press("escape")  # not logging pain: the stop is kept all the same
            await pilot.pause()
    stops = tracker_of(data_dir).store.routine_stops()
    assert [(s.day.isoformat(), s.routine) for s in stops] == [
        ("2026-11-23", "towel"), ("2026-11-28", "towel"), ("2026-12-13", "towel")]
    assert stops[0].step == "Stopped Towel sacral mobilization at step 1: Lean back, fold forward"
