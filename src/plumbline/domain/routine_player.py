"""Playing a routine: which step and side is current, reps counted, holds timed, pause, skip, stop.

Time comes in as a monotonic clock value (`now`, in seconds) on every call, so the same code runs
under the app's real clock and under a test's fake one. A hold's time left is worked out from the
seconds it has run, banked at each pause, so pausing and resuming never loses or adds time.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from plumbline.domain.routine import Routine, Step


class PhaseKind(StrEnum):
    HOLD = "hold"
    REPS = "reps"
    REST = "rest"


class Phase(NamedTuple):
    """One hold, one set of reps, or one rest between them."""

    step: int  # index into the routine's steps
    kind: PhaseKind
    amount: int  # seconds for a hold or rest, repetitions for reps
    side: str | None  # for a rest: the side that comes next
    round: int  # 1-based, among the step's holds or sets
    rounds: int


class Mode(StrEnum):
    WAITING = "waiting"  # a hold, ready to start when the user is in position
    RUNNING = "running"  # a hold or rest counting down
    PAUSED = "paused"
    COUNTING = "counting"  # reps, one key press each
    FINISHED = "finished"
    STOPPED = "stopped"  # ended at once, e.g. because it hurt


def plan(routine: Routine) -> tuple[Phase, ...]:
    phases: list[Phase] = []
    for index, step in enumerate(routine.steps):
        kind = PhaseKind.HOLD if step.is_hold else PhaseKind.REPS
        amount = step.hold if step.hold is not None else step.reps or 0
        rounds = step.rounds
        for number, side in enumerate(rounds, start=1):
            if number > 1 and step.rest:
                phases.append(Phase(index, PhaseKind.REST, step.rest, side, number, len(rounds)))
            phases.append(Phase(index, kind, amount, side, number, len(rounds)))
    return tuple(phases)


class RoutinePlayer:
    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self.phases = plan(routine)
        self.index = 0
        self.mode = Mode.WAITING
        self.reps_done = 0
        self.completed: set[int] = set()  # steps done to the end
        self.skipped: set[int] = set()
        self._banked = 0.0  # seconds the current timer ran before its latest start or resume
        self._since: float | None = None
        self._enter(0, now=0.0)

    # -- where we are --------------------------------------------------------------------------

    @property
    def phase(self) -> Phase | None:
        return self.phases[self.index] if self.index < len(self.phases) else None

    @property
    def step_index(self) -> int:
        return self.phase.step if self.phase else len(self.routine.steps) - 1

    @property
    def step(self) -> Step:
        return self.routine.steps[self.step_index]

    @property
    def step_number(self) -> int:
        return self.step_index + 1

    @property
    def step_count(self) -> int:
        return len(self.routine.steps)

    @property
    def finished(self) -> bool:
        return self.mode is Mode.FINISHED

    @property
    def stopped(self) -> bool:
        return self.mode is Mode.STOPPED

    @property
    def counts_as_done(self) -> bool:
        """Reached the end with at least one step done: skipping every step is not doing the routine."""
        return self.finished and bool(self.completed)

    def elapsed(self, now: float) -> float:
        running = now - self._since if self._since is not None else 0.0
        return self._banked + running

    def remaining(self, now: float) -> float:
        """Seconds left in the current hold or rest (its full length while waiting to start)."""
        phase = self.phase
        if phase is None or phase.kind is PhaseKind.REPS:
            return 0.0
        return max(0.0, phase.amount - self.elapsed(now))

    # -- what the user does --------------------------------------------------------------------

    def primary(self, now: float) -> None:
        """The main key: start a hold, pause or resume it, end a rest early, or count one rep."""
        phase = self.phase
        if phase is None or self.mode in (Mode.FINISHED, Mode.STOPPED):
            return
        if self.mode is Mode.WAITING:
            self._start(now)
        elif self.mode is Mode.COUNTING:
            self.reps_done += 1
            if self.reps_done >= phase.amount:
                self._advance(now)
        elif phase.kind is PhaseKind.REST and self.mode is Mode.RUNNING:
            self._advance(now)  # ready before the rest is over
        else:
            self.toggle_pause(now)

    def toggle_pause(self, now: float) -> bool:
        """Pause a running hold or rest, or resume a paused one; False when there is nothing to pause."""
        if self.mode is Mode.RUNNING:
            self._banked = self.elapsed(now)
            self._since = None
            self.mode = Mode.PAUSED
            return True
        if self.mode is Mode.PAUSED:
            self._start(now)
            return True
        return False

    def tick(self, now: float) -> bool:
        """Move on when a hold or rest has run out. True when one just did: time for the cue."""
        if self.mode is not Mode.RUNNING or self.remaining(now) > 0:
            return False
        self._advance(now)
        return True

    def skip(self, now: float) -> None:
        """Leave the current step undone and go to the next one (or to the end)."""
        if self.mode in (Mode.FINISHED, Mode.STOPPED):
            return
        current = self.step_index
        self.skipped.add(current)
        self._go_to_step(current + 1, now)

    def back(self, now: float) -> None:
        """Go back to the start of the previous step (the first step starts over)."""
        if self.mode in (Mode.FINISHED, Mode.STOPPED):
            return
        self._go_to_step(max(0, self.step_index - 1), now)

    def stop(self) -> None:
        """End at once; nothing more runs and nothing counts as done."""
        self._since = None
        self.mode = Mode.STOPPED

    # -- moving between phases -----------------------------------------------------------------

    def _start(self, now: float) -> None:
        self._since = now
        self.mode = Mode.RUNNING

    def _advance(self, now: float) -> None:
        step = self.phases[self.index].step
        following = self.index + 1
        if following >= len(self.phases) or self.phases[following].step != step:
            self.completed.add(step)
        self._enter(following, now)

    def _go_to_step(self, step: int, now: float) -> None:
        first = next((i for i, p in enumerate(self.phases) if p.step == step), len(self.phases))
        self._enter(first, now)

    def _enter(self, index: int, now: float) -> None:
        self.index = index
        self._banked, self._since, self.reps_done = 0.0, None, 0
        phase = self.phase
        if phase is None:
            self.mode = Mode.FINISHED
            return
        # A step begun again is neither done nor skipped until it ends again.
        self.completed.discard(phase.step)
        self.skipped.discard(phase.step)
        if phase.kind is PhaseKind.REPS:
            self.mode = Mode.COUNTING
        elif phase.kind is PhaseKind.REST or self._follows_rest_on_same_side(index):
            # After a rest on the same side the hands are still in place: the next hold starts by itself.
            self._start(now)
        else:
            self.mode = Mode.WAITING  # the user gets into position first, then starts the hold

    def _follows_rest_on_same_side(self, index: int) -> bool:
        if index < 2:
            return False
        before, work = self.phases[index - 1], self.phases[index - 2]
        return before.kind is PhaseKind.REST and work.step == self.phases[index].step and work.side == self.phases[index].side
