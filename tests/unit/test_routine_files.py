"""Routine files: the built-in ones load and carry the guidance's cautions; bad ones are named."""

import pytest

from plumbline.domain.routine import TWO_SIDES
from plumbline.errors import RoutineFileError
from plumbline.storage.habit_files import load_library
from plumbline.storage.routine_files import load_routine_file, load_routines
from tests.conftest import BUILTIN_HABITS

BUILTIN_ROUTINES = BUILTIN_HABITS / "routines"
HABIT_IDS = set(load_library([BUILTIN_HABITS]).by_id())

GOOD = """\
id = "{id}"
name = "Evening"
cautions = ["Stop at once if it makes your pain worse."]

[[steps]]
name = "Tilt"
how = "Rock the pelvis slowly."
reps = 5
"""


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text)
    return path


def test_the_builtin_routines_load_without_errors_and_link_real_habits():
    library = load_routines([BUILTIN_ROUTINES], habit_ids=HABIT_IDS)
    assert library.errors == []
    routines = library.by_id()
    assert {"morning-mobility", "push-pull", "towel", "core-and-glute"} <= set(routines)
    assert routines["morning-mobility"].habit == "gentle-mobility"
    assert routines["towel"].habit == "towel-mobilization"
    assert routines["core-and-glute"].habit == "core-work"
    assert routines["push-pull"].habit is None


def test_every_builtin_routine_says_stop_if_it_hurts_and_see_a_professional():
    for routine in load_routines([BUILTIN_ROUTINES]).routines:
        cautions = " ".join(routine.cautions).lower()
        assert "stop" in cautions and "pain" in cautions, routine.id
        assert "physical therapist" in cautions, routine.id


def test_the_builtin_numbers_follow_the_guidance():
    routines = load_routines([BUILTIN_ROUTINES]).by_id()
    morning = {s.name: s for s in routines["morning-mobility"].steps}
    assert list(morning) == ["Modified pelvic tilt", "Lower-trunk rotation", "Piriformis stretch"]
    assert morning["Piriformis stretch"].hold == 30  # "approximately 30 seconds"
    assert morning["Lower-trunk rotation"].sides == TWO_SIDES
    push_pull = routines["push-pull"].steps
    assert [s.name for s in push_pull] == ["Push-pull contraction", "Piriformis stretch"]
    assert push_pull[0].hold is not None and push_pull[1].hold == 30
    assert routines["towel"].steps[0].reps == 10  # "about ten times"
    assert "5 cm" in routines["towel"].steps[0].how and "15 cm" in routines["towel"].steps[0].how


@pytest.mark.parametrize(
    ("steps", "step", "field"),
    [
        ('[[steps]]\nname = "Lean back"\nhow = "x"\n', 1, "hold"),
        ('[[steps]]\nname = "A"\nhow = "x"\nreps = 3\n[[steps]]\nname = "Lean back"\nhow = "x"\nhold = "ten"\n', 2, "hold"),
        ('[[steps]]\nname = "Lean back"\nhow = "x"\nhold = 5\nreps = 3\n', 1, "reps"),
        ('[[steps]]\nname = "Lean back"\nhow = "x"\nhold = 0\n', 1, "hold"),
        ('[[steps]]\nname = "Lean back"\nhow = "x"\nhold = 9000\n', 1, "hold"),
        ('[[steps]]\nname = "Lean back"\nhow = "x"\nreps = 3\nsides = 3\n', 1, "sides"),
        ('[[steps]]\nname = "Lean back"\nhow = "x"\nreps = 3\ntimes = 2\n', 1, "times"),
        ('[[steps]]\nname = "Lean back"\nhow = "x"\nreps = 3\nrest = -1\n', 1, "rest"),
        ('[[steps]]\nname = "Lean back"\nreps = 3\n', 1, "how"),
        ('[[steps]]\nname = "Lean back"\nhow = "x"\nreps = 3\nholdd = 2\n', 1, "holdd"),
        ('[[steps]]\nhow = "x"\nreps = 3\n', 1, "name"),
    ],
)
def test_a_bad_step_names_the_file_the_step_and_the_field(tmp_path, steps, step, field):
    path = write(tmp_path, "towel", 'id = "towel"\nname = "Towel"\n' + steps)
    with pytest.raises(RoutineFileError) as caught:
        load_routine_file(path)
    error = caught.value
    assert (error.step, error.field) == (step, field)
    message = str(error)
    assert message.startswith(f"{path}: step {step}")
    assert f"field '{field}'" in message
    if field != "name":
        assert "'Lean back'" in message


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('id = "other"\nname = "x"\nsteps = []\n', "id"),
        ('id = "broken"\nname = "x"\n', "steps"),
        ('id = "broken"\nname = "x"\nsteps = []\n', "steps"),
        ('id = "broken"\nname = "x"\nhabit = "flying"\n[[steps]]\nname = "a"\nhow = "b"\nreps = 1\n', "habit"),
        ('id = "broken"\nname = "x"\ncolour = "red"\n', "colour"),
        ('id = "broken"\nname = = "x"\n', "-"),
    ],
)
def test_a_bad_routine_names_the_file_and_the_field(tmp_path, body, field):
    path = write(tmp_path, "broken", body)
    with pytest.raises(RoutineFileError) as caught:
        load_routine_file(path, habit_ids=HABIT_IDS)
    assert caught.value.field == field and caught.value.step is None
    # "-" is the file as a whole (it does not parse): no field is named then.
    assert str(caught.value).startswith(f"{path}: field '{field}'" if field != "-" else f"{path}: is not valid TOML")


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    mine = tmp_path / "routines"
    write(mine, "evening", GOOD.format(id="evening"))
    write(mine, "broken", 'id = "broken"\nname = "x"\n[[steps]]\nname = "Lean back"\nhow = "x"\n')
    library = load_routines([BUILTIN_ROUTINES, mine], habit_ids=HABIT_IDS)
    assert {"evening", "morning-mobility", "towel"} <= set(library.by_id())
    assert [(e.path.name, e.step, e.field) for e in library.errors] == [("broken.toml", 1, "hold")]


def test_a_users_routine_replaces_the_builtin_of_the_same_id(tmp_path):
    mine = tmp_path / "routines"
    write(mine, "towel", GOOD.format(id="towel"))
    towel = load_routines([BUILTIN_ROUTINES, mine]).by_id()["towel"]
    assert (towel.name, towel.custom, towel.habit) == ("Evening", True, None)


def test_sides_as_a_count_or_as_names(tmp_path):
    body = GOOD.format(id="evening")
    assert load_routine_file(write(tmp_path, "evening", body + "sides = 2\n")).steps[0].sides == ("left", "right")
    named = load_routine_file(write(tmp_path, "evening", body + 'sides = ["sore side", "other side"]\n'))
    assert named.steps[0].sides == ("sore side", "other side")


def test_routines_list_in_their_order():
    ids = [r.id for r in load_routines([BUILTIN_ROUTINES]).routines]
    assert ids[0] == "morning-mobility"
