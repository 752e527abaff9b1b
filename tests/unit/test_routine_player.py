"""The routine and its player as plain Python: time is a number the test passes in."""

import pytest

from plumbline.domain.routine import SECONDS_PER_REP, SETUP_SECONDS, Routine, Step
from plumbline.domain.routine_player import Mode, PhaseKind, RoutinePlayer, plan

TILT = Step("Tilt", "rock the pelvis", reps=3)
ROTATION = Step("Rotation", "knees to one side", reps=2, sides=("left", "right"))
STRETCH = Step("Stretch", "knee to shoulder", hold=30)
PUSH_PULL = Step("Push-pull", "press against your hands", hold=5, times=3, rest=4)


def routine(*steps: Step) -> Routine:
    return Routine(id="r", name="R", steps=steps, habit="gentle-mobility")


def test_a_step_has_exactly_one_of_hold_and_reps():
    with pytest.raises(ValueError, match="exactly one"):
        Step("Both", "x", hold=5, reps=5)
    with pytest.raises(ValueError, match="exactly one"):
        Step("Neither", "x")


def test_expected_minutes_add_setup_holds_reps_and_rests():
    assert STRETCH.seconds() == SETUP_SECONDS + 30
    assert ROTATION.seconds() == SETUP_SECONDS + 2 * 2 * SECONDS_PER_REP
    assert PUSH_PULL.seconds() == SETUP_SECONDS + 3 * 5 + 2 * 4
    assert routine(STRETCH).minutes == 1  # 45 s rounds up to a whole minute
    long = routine(*[STRETCH] * 3)  # 135 s
    assert long.minutes == 3
    assert (routine(STRETCH).describe(), long.describe()) == ("1 step, about 1 min", "3 steps, about 3 min")


def test_the_plan_has_a_phase_per_side_and_rests_between_holds():
    kinds = [(p.kind, p.side, p.round) for p in plan(routine(ROTATION, PUSH_PULL))]
    assert kinds == [
        (PhaseKind.REPS, "left", 1), (PhaseKind.REPS, "right", 2),
        (PhaseKind.HOLD, None, 1), (PhaseKind.REST, None, 2), (PhaseKind.HOLD, None, 2),
        (PhaseKind.REST, None, 3), (PhaseKind.HOLD, None, 3),
    ]


def test_reps_count_on_each_press_and_move_on_at_the_count():
    player = RoutinePlayer(routine(TILT, STRETCH))
    assert player.mode is Mode.COUNTING
    player.primary(0)
    player.primary(0)
    assert (player.reps_done, player.step_number) == (2, 1)
    player.primary(0)
    assert (player.step_number, player.mode) == (2, Mode.WAITING)
    assert player.completed == {0}


def test_sides_come_one_after_the_other():
    player = RoutinePlayer(routine(ROTATION))
    assert player.phase.side == "left"
    player.primary(0)
    player.primary(0)
    assert player.phase.side == "right" and player.reps_done == 0
    player.primary(0)
    player.primary(0)
    assert player.finished and player.counts_as_done


def test_a_hold_waits_for_the_start_then_ends_on_time():
    player = RoutinePlayer(routine(STRETCH))
    assert player.mode is Mode.WAITING and player.remaining(500) == 30  # no time runs before the start
    player.primary(100)
    assert player.remaining(112.25) == pytest.approx(17.75)
    assert player.tick(129.99) is False
    assert player.tick(130) is True
    assert player.finished and player.counts_as_done


def test_pause_and_resume_keep_the_time_left_exactly():
    player = RoutinePlayer(routine(STRETCH))
    player.primary(100)
    assert player.toggle_pause(112.5)
    assert player.mode is Mode.PAUSED
    assert player.remaining(112.5) == 17.5
    assert player.tick(10_000) is False  # however long the pause, nothing runs out
    assert player.remaining(10_000) == 17.5
    assert player.toggle_pause(10_000)
    assert player.remaining(10_010) == pytest.approx(7.5)
    player.primary(10_010)  # the main key pauses a running hold too
    player.primary(20_000)
    assert player.tick(20_007.4) is False
    assert player.tick(20_007.5) is True
    assert player.finished


def test_nothing_to_pause_while_counting_or_waiting():
    player = RoutinePlayer(routine(TILT, STRETCH))
    assert player.toggle_pause(0) is False
    player.skip(0)
    assert player.mode is Mode.WAITING and player.toggle_pause(0) is False


def test_after_a_rest_the_next_contraction_starts_by_itself():
    player = RoutinePlayer(routine(PUSH_PULL))
    player.primary(0)
    assert player.tick(5) is True
    assert player.phase.kind is PhaseKind.REST and player.mode is Mode.RUNNING
    assert player.tick(9) is True
    assert (player.phase.kind, player.phase.round, player.mode) == (PhaseKind.HOLD, 2, Mode.RUNNING)
    assert player.remaining(11) == 3


def test_the_main_key_ends_a_rest_early():
    player = RoutinePlayer(routine(PUSH_PULL))
    player.primary(0)
    player.tick(5)
    player.primary(6)
    assert player.phase.kind is PhaseKind.HOLD and player.remaining(6) == 5


def test_a_new_side_waits_for_the_start_even_after_a_rest():
    sided = Step("Hold each side", "x", hold=10, sides=("left", "right"), rest=5)
    player = RoutinePlayer(routine(sided))
    player.primary(0)
    player.tick(10)
    player.tick(15)
    assert player.phase.side == "right" and player.mode is Mode.WAITING


def test_skip_and_back_move_by_whole_steps():
    player = RoutinePlayer(routine(TILT, ROTATION, STRETCH))
    player.primary(0)
    player.skip(0)
    assert player.step_number == 2 and player.skipped == {0}
    player.primary(0)
    player.skip(0)
    assert player.step_number == 3 and player.skipped == {0, 1}
    player.back(0)
    assert player.step_number == 2 and player.phase.side == "left" and player.reps_done == 0
    assert player.skipped == {0}  # a step begun again is no longer skipped
    player.back(0)
    player.back(0)
    assert player.step_number == 1
    player.skip(0)
    player.skip(0)
    player.skip(0)
    assert player.finished and not player.counts_as_done  # skipping everything is not doing it


def test_back_resets_a_running_hold():
    player = RoutinePlayer(routine(STRETCH))
    player.primary(0)
    player.back(20)
    assert player.mode is Mode.WAITING and player.remaining(40) == 30


def test_stop_ends_at_once_and_freezes_everything():
    player = RoutinePlayer(routine(STRETCH, TILT))
    player.primary(0)
    player.stop()
    assert player.stopped and not player.counts_as_done
    assert player.tick(100) is False
    player.primary(100)
    player.skip(100)
    player.back(100)
    assert player.stopped and player.step_number == 1
