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
