"""The safety texts say what the source articles say (issue 14, item 2): unit tests on the words."""

import datetime as dt

from plumbline.domain.entries import Entry, is_done
from plumbline.domain.habit import Kind
from plumbline.domain.safety import ONE_PATTERN_ONE_CORRECTION, SAFETY_NOTICE, SEE_A_PROFESSIONAL
from plumbline.storage.habit_files import load_library
from plumbline.storage.routine_files import load_routines
from tests.conftest import BUILTIN_HABITS


def routines():
    return load_routines([BUILTIN_HABITS / "routines"]).by_id()


def test_push_pull_says_each_pattern_has_its_own_correction_named_by_a_professional():
    push_pull = routines()["push-pull"]
    said = " ".join(push_pull.cautions).lower()
    assert "several ways" in said and "its own precise correction" in said
    assert "which pattern you have" in said and "physical therapist" in said
    assert "professional" in push_pull.about.lower()


def test_the_notice_says_it_too_in_short():
    assert ONE_PATTERN_ONE_CORRECTION in SAFETY_NOTICE
    assert "professional" in ONE_PATTERN_ONE_CORRECTION and "its own precise correction" in ONE_PATTERN_ONE_CORRECTION
    assert len(ONE_PATTERN_ONE_CORRECTION) < 140  # the short version: the routine has the long one


def test_the_notice_names_pregnancy_and_a_recent_birth_among_reasons_to_check_first():
    assert "pregnant" in SEE_A_PROFESSIONAL and "recently given birth" in SEE_A_PROFESSIONAL
    assert SEE_A_PROFESSIONAL in SAFETY_NOTICE


def test_gentle_mobility_counts_sessions_toward_a_target_the_user_sets():
    mobility = load_library([BUILTIN_HABITS]).by_id()["gentle-mobility"]
    assert mobility.kind is Kind.COUNT and mobility.target == 1 and mobility.unit == "sessions"
    assert "several times a day" in mobility.how and "set your own daily target" in mobility.how
    assert "reminder times" in mobility.how  # several reminders: the settings take them
    assert is_done(mobility, Entry(dt.date(2026, 11, 1), 1))  # a day logged as done before stays done
    assert "several times a day" in routines()["morning-mobility"].about


def test_numbers_the_articles_do_not_give_are_labelled_ours_where_they_show():
    habits = load_library([BUILTIN_HABITS]).by_id()
    for habit_id, number in (("core-work", "Three sessions a week"), ("glute-work", "Three sessions a week"),
                             ("posture-breaks", "6 a day and a reminder every 45 minutes")):
        assert f"{number} is our number" in habits[habit_id].how or f"{number} are our numbers" in habits[habit_id].how
    steps = {(r.id, s.name): s for r in routines().values() for s in r.steps}
    assert "5 is our number" in steps[("morning-mobility", "Modified pelvic tilt")].how
    assert "5 a side is our number" in steps[("morning-mobility", "Lower-trunk rotation")].how
    for name in ("Lower abdominals", "Pelvic floor", "Gluteus medius"):
        assert "10 reps is our placeholder" in steps[("core-and-glute", name)].how
        assert "your therapist's number goes here" in steps[("core-and-glute", name)].how
    assert "5 seconds, 3 times, is our choice" in steps[("push-pull", "Push-pull contraction")].how


def test_the_numbers_in_the_files_carry_a_comment_saying_whose_they_are():
    for name, words in (("core-work.toml", "our choice"), ("glute-work.toml", "our choice"),
                        ("posture-breaks.toml", "our choices"), ("routines/morning-mobility.toml", "our choice"),
                        ("routines/core-and-glute.toml", "our placeholder"), ("routines/push-pull.toml", "our choice")):
        assert words in (BUILTIN_HABITS / name).read_text(), name


def every_text():
    for habit in load_library([BUILTIN_HABITS]).habits:
        yield habit.id, " ".join((habit.name, habit.why, habit.how, *habit.cautions))
    for routine in routines().values():
        yield routine.id, " ".join((routine.about, *routine.cautions, *(f"{s.how} {s.caution}" for s in routine.steps)))


def test_plain_words():
    for source, text in every_text():
        for jargon in ("medius first", "above all", "lumbopelvic", "guidance", "realigned sacrum", "hydrant' style"):
            assert jargon not in text, (source, jargon)


def test_gluteus_medius_and_piriformis_are_explained_where_they_first_appear():
    habits = load_library([BUILTIN_HABITS]).by_id()
    assert "gluteus medius (the muscle on the outer side of the hip)" in habits["glute-work"].why
    assert "the piriformis, a small muscle deep in the buttock" in habits["gentle-mobility"].how
    assert "gluteus medius (on the outer side of the hip)" in routines()["core-and-glute"].about
    for routine_id in ("morning-mobility", "push-pull"):
        stretch = next(s for s in routines()[routine_id].steps if s.name == "Piriformis stretch")
        assert "small muscle deep in the buttock" in stretch.how
    assert "on hands and knees" in habits["glute-work"].cautions[-1]


def test_every_check_first_caution_names_pregnancy_and_a_recent_birth():
    habits = load_library([BUILTIN_HABITS]).by_id()
    for habit_id in ("core-work", "glute-work", "gentle-mobility", "towel-mobilization"):
        first = next(c for c in habits[habit_id].cautions if c.startswith("Check with"))
        assert "are pregnant or have recently given birth" in first, habit_id
    for routine in routines().values():
        assert any("are pregnant or have recently given birth" in c for c in routine.cautions), routine.id
