"""A habit saved from the app or an import loads back as it was, whatever its texts hold:
the file is written by tomli-w, so a line break or a quote cannot break it."""

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plumbline.app.tracker import Tracker
from plumbline.domain.habit import Habit, Kind, Schedule
from tests.conftest import BUILTIN_HABITS, MONDAY

TRICKY = [
    "two\nlines\n\nand a paragraph",
    "windows\r\nline ends, and a lone\rreturn",
    'say "stop" \\ then \\"rest\\"',
    '"""three quotes""" and \'\'\'three more\'\'\'',
    "ends in a backslash \\",
    "Hüfte · 骨盆 · 🧘 · \u00a0no-break space",
    "bell \x07 escape \x1b[31m red \x7f delete \x9b CSI \x00 nul \ttab",
    "[x] core [/] not markup",
]


def saved_and_loaded(data_dir: Path, habit: Habit) -> Habit:
    Tracker(data_dir, builtin_dir=BUILTIN_HABITS).save_habit(habit, today=MONDAY)
    fresh = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)  # a new process's view: read from the file
    assert fresh.library.errors == []
    return fresh.habit(habit.id)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_in_every_field_load_back_as_saved(data_dir, text):
    habit = Habit("tricky", text[:40].strip(), "mobility", Kind.COUNT, Schedule(weekdays=frozenset({0, 2, 4})),
                  target=2.5, unit="sets", done_label="Did it", time=dt.time(7, 30), why=text, how=text + "\nagain",
                  cautions=(text, "Stop if it hurts."), order=5)
    assert saved_and_loaded(data_dir, habit) == habit._replace(custom=True)


# Texts as the loader keeps them: not blank, no whitespace at either end (it strips them).
texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=texts.map(lambda t: t[:40].strip()).filter(bool), why=texts, how=texts,
       cautions=st.lists(texts, max_size=3))
def test_any_texts_load_back_as_saved(name, why, how, cautions):
    habit = Habit("any-texts", name, "other", Kind.DO, why=why, how=how, cautions=tuple(cautions))
    with tempfile.TemporaryDirectory() as folder:
        assert saved_and_loaded(Path(folder), habit) == habit._replace(custom=True)
