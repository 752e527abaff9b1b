"""A guided routine: a named sequence of exercise steps, each held for a time or counted in reps.

The expected duration is an estimate for planning, not a target. For each step it adds a short
set-up (reading the step and getting into position), every hold on every side, a few seconds for
each slow repetition, and the rests between one hold or set and the next. The total is rounded up
to whole minutes.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

SETUP_SECONDS = 15  # reading the step and getting into position
SECONDS_PER_REP = 5  # one slow, controlled repetition and the way back
TWO_SIDES = ("left", "right")


class _StepFields(NamedTuple):
    name: str
    how: str
    hold: int | None = None  # seconds to hold, or
    reps: int | None = None  # slow repetitions to count; exactly one of the two is set
    sides: tuple[str, ...] = ()  # empty: done once; else once on each named side
    times: int = 1  # a hold done again on the same side, e.g. three contractions
    rest: int = 0  # seconds to relax between one hold or set and the next within the step
    caution: str = ""


class Step(_StepFields):
    """One exercise of a routine: held for seconds, or done for a count of slow repetitions."""

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> Step:
        step = super().__new__(cls, *args, **kwargs)
        if (step.hold is None) == (step.reps is None):
            raise ValueError(f"step '{step.name}' needs exactly one of hold and reps")
        return step

    @property
    def is_hold(self) -> bool:
        return self.hold is not None

    @property
    def rounds(self) -> list[str | None]:
        """The side of each hold or set in order: left, left, right, right for two sides, twice."""
        return [side for side in (self.sides or (None,)) for _ in range(self.times)]

    def seconds(self) -> int:
        rounds = len(self.rounds)
        work = self.hold if self.hold is not None else (self.reps or 0) * SECONDS_PER_REP
        return SETUP_SECONDS + rounds * work + (rounds - 1) * self.rest


class Routine(NamedTuple):
    id: str
    name: str
    steps: tuple[Step, ...]
    habit: str | None = None  # finishing the routine checks this habit
    about: str = ""
    cautions: tuple[str, ...] = ()
    order: int = 1000
    custom: bool = False

    def seconds(self) -> int:
        return sum(step.seconds() for step in self.steps)

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.seconds() / 60))

    def describe(self) -> str:
        """Its size as a person reads it: "3 steps, about 4 min"."""
        steps = "1 step" if len(self.steps) == 1 else f"{len(self.steps)} steps"
        return f"{steps}, about {self.minutes} min"
