"""The pain/habit comparison's words (issue 14, item 2b): together, not cause; the bias; no double negatives."""

from plumbline.domain.habit import Habit, Kind
from plumbline.domain.review import COMPARISON_CAVEAT, PainComparison, describe_comparison, describe_too_few_days

AVOID = Habit("knees-uncrossed", "No crossing the knees", "posture", Kind.AVOID, done_label="Kept knees uncrossed")


def test_an_avoid_habit_is_named_by_its_done_label_and_the_rest_are_other_days():
    sentence = describe_comparison(PainComparison(AVOID, 2.0, 5.0, 15, 15))
    assert sentence == 'On "Kept knees uncrossed" days your pain averaged 2.0 (15 days); on other days, 5.0 (15 days).'
    assert "without" not in sentence and "no crossing" not in sentence.lower()


def test_too_few_days_reads_without_a_double_negative():
    line = describe_too_few_days(AVOID)
    assert '"Kept knees uncrossed" days with other days' in line and "without" not in line


def test_the_caveat_says_together_not_cause_and_names_the_bias():
    assert "came together, not what caused what" in COMPARISON_CAVEAT
    assert "told to stop" in COMPARISON_CAVEAT and "look worse" in COMPARISON_CAVEAT


def test_a_habit_without_a_done_label_is_named_by_its_name():
    plain = Habit("walk", "Walk", "movement", Kind.DO)
    assert describe_comparison(PainComparison(plain, 1.0, 2.0, 7, 7)).startswith('On "Walk" days')
