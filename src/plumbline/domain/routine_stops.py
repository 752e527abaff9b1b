""""This hurts" stops of a routine: kept, so that a routine that hurts again is noticed.

A routine stopped because it hurt a second time within REPEAT_DAYS days gets a suggestion to
pause it and ask the therapist. The 14 days are plumbline's own threshold: the articles say to
stop when an exercise hurts and to see a professional if pain keeps coming back, without a number.
"""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

REPEAT_DAYS = 14


class RoutineStop(NamedTuple):
    day: dt.date
    time: dt.time
    routine: str  # the routine's id
    step: str  # the step's name, with its side


def hurt_before(stops: Iterable[RoutineStop], routine: str, day: dt.date) -> RoutineStop | None:
    """The latest earlier stop of the same routine in the REPEAT_DAYS days up to `day`, if any."""
    since = day - dt.timedelta(days=REPEAT_DAYS)
    earlier = [s for s in stops if s.routine == routine and since <= s.day <= day]
    return max(earlier, default=None)
