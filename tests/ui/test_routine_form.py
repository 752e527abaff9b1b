"""Typing a therapist's routine into the app (r, then n or e in the routine chooser)."""

import tomllib

from textual.widgets import Input, Select, Static, TextArea

from plumbline.ui.screens.routine_chooser import RoutineChooser
from plumbline.ui.screens.routine_form import RoutineForm
from plumbline.ui.screens.routine_player import RoutinePlayerScreen
from tests.ui.conftest import screen_text

SIZE = (80, 24)
PROGRAMME = ("Clamshell: 12 reps, each side - lie on your side, knees bent, open the top knee\n"
             "Plank: hold 20 s, 3 times, rest 10 s - on the forearms, body straight")


async def new_routine_form(pilot, app) -> RoutineForm:
    await pilot.press("r")
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, RoutineForm)
    return app.screen


async def fill(pilot, form: RoutineForm, name: str, steps: str, habit: str | None = None) -> None:
    form.query_one("#name", Input).value = name
    form.query_one("#steps", TextArea).text = steps
    if habit:
        form.query_one("#habit", Select).value = habit
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_new_routine_is_saved_as_a_file_offered_and_played(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await new_routine_form(pilot, app)
        cautions = form.query_one("#cautions", TextArea).text
        assert "Stop an exercise at once if it increases your pain." in cautions  # there from the start
        await fill(pilot, form, "My PT's programme", PROGRAMME, habit="glute-work")
        chooser = app.screen
        assert isinstance(chooser, RoutineChooser)
        saved = tomllib.loads((data_dir / "routines" / "my-pt-s-programme.toml").read_text())
        assert saved["habit"] == "glute-work"
        assert saved["steps"][0] == {"name": "Clamshell", "how": "lie on your side, knees bent, open the top knee",
                                     "reps": 12, "sides": 2}
        assert saved["steps"][1] == {"name": "Plank", "how": "on the forearms, body straight", "hold": 20,
                                     "times": 3, "rest": 10}
        assert "My PT's programme" in screen_text(app)
        await pilot.press("enter")  # the new routine is the highlighted one
        await pilot.pause()
        assert isinstance(app.screen, RoutinePlayerScreen) and app.screen.routine.name == "My PT's programme"


async def test_a_bad_step_is_named_under_the_form_and_nothing_is_written(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await new_routine_form(pilot, app)
        await fill(pilot, form, "Too much", "Bridge: 500 reps - lift")
        assert app.screen is form  # still open, with what was typed
        error = str(form.query_one("#form-error", Static).render())
        assert "step 1 'Bridge'" in error and "500 is more than 100" in error
        await fill(pilot, form, "Too much", "Bridge 10 reps")
        assert "line 1: write it as" in str(form.query_one("#form-error", Static).render())
        assert not (data_dir / "routines").exists()


async def test_editing_a_built_in_routine_makes_your_copy_which_replaces_it(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        chooser = app.screen
        first = chooser.library.routines[0]
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert "Your copy of" in screen_text(app)
        assert form.query_one("#name", Input).value == first.name
        steps = form.query_one("#steps", TextArea).text
        assert len(steps.splitlines()) == len(first.steps)  # every step, one a line, ready to change
        await fill(pilot, form, first.name, steps.replace("10 reps", "15 reps"))
        mine = app.screen.library.by_id()[first.id]
        assert mine.custom and (data_dir / "routines" / f"{first.id}.toml").exists()
        assert [s.reps for s in mine.steps] == [15 if s.reps == 10 else s.reps for s in first.steps]
        assert mine.cautions == first.cautions  # the article's cautions come along
