"""A routine's steps typed one a line (the app's routine form)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plumbline.domain.routine import TWO_SIDES, Step
from plumbline.domain.routine_text import step_line, steps_from_lines
from plumbline.storage.routine_files import parse_step


def test_reps_holds_times_rests_and_sides_read_as_a_routine_file_would_say_them():
    text = "Bridge: 10 reps - lift the hips slowly\n\n  Plank: hold 20 s, 3 times, rest 10 s, each side - on the forearm\n"
    assert steps_from_lines(text) == [
        {"name": "Bridge", "how": "lift the hips slowly", "reps": 10},
        {"name": "Plank", "how": "on the forearm", "hold": 20, "times": 3, "rest": 10, "sides": 2},
    ]


@pytest.mark.parametrize(("line", "says"), [
    ("Bridge 10 reps - lift", "line 2: write it as"),
    ("Bridge: 10 reps", "line 2: write it as"),
    ("Bridge: - lift", "line 2: give the amount"),
    ("Bridge: ten reps - lift", "line 2: 'ten reps' is not understood"),
])
def test_a_line_that_does_not_read_is_named_with_what_to_write(line, says):
    with pytest.raises(ValueError, match=says):
        steps_from_lines("Tilt: 5 reps - rock\n" + line)


def test_no_steps_at_all_asks_for_one():
    with pytest.raises(ValueError, match="one step a line"):
        steps_from_lines("\n  \n")


NAMES = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=":"), min_size=1,
                max_size=30).filter(lambda s: s.strip() and " - " not in s)


@given(name=NAMES, how=NAMES, hold=st.one_of(st.none(), st.integers(1, 600)), reps=st.integers(1, 100),
       times=st.integers(1, 20), rest=st.integers(0, 300), sided=st.booleans())
def test_a_step_written_as_a_line_reads_back_the_same(name, how, hold, reps, times, rest, sided):
    step = Step(" ".join(name.split()), " ".join(how.split()), hold=hold, reps=None if hold else reps,
                times=times if hold else 1, rest=rest, sides=TWO_SIDES if sided else ())
    [table] = steps_from_lines(step_line(step))
    assert parse_step(table, "test", 1) == step
