"""Routines as TOML files under `routines/`: the built-in ones beside the habit library, and the user's.

Like habit files, a bad routine file never stops the others from loading. Its error names the
file, the step (counted from 1, with its name) and the field, and says what to write instead.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plumbline.domain.routine import TWO_SIDES, Routine, Step
from plumbline.errors import RoutineFileError
from plumbline.storage.habit_files import _cautions, _integer, _text, checked_id, read_toml, toml_files
from plumbline.storage.sync_names import conflict_copy_problem

FOLDER = "routines"
ROUTINE_KEYS = {"id", "name", "habit", "about", "order", "cautions", "steps"}
STEP_KEYS = {"name", "how", "hold", "reps", "sides", "times", "rest", "caution"}
MAX_STEPS = 30
MAX_HOLD = 600  # ten minutes: longer than that is not a hold but a session
MAX_REPS = 100
MAX_TIMES = 20
MAX_REST = 300

Fail = Callable[[str, str], RoutineFileError]


@dataclass
class RoutineLibrary:
    routines: list[Routine] = field(default_factory=list)
    errors: list[RoutineFileError] = field(default_factory=list)

    def by_id(self) -> dict[str, Routine]:
        return {r.id: r for r in self.routines}

    def for_habit(self, habit_id: str | None) -> Routine | None:
        return next((r for r in self.routines if habit_id and r.habit == habit_id), None)


def load_routines(folders: Iterable[Path], habit_ids: Collection[str] | None = None) -> RoutineLibrary:
    """Routines from each folder in turn; a later folder's routine replaces an earlier one of the same id.

    With `habit_ids`, a routine linked to a habit that is not there is an error in its file.
    """
    found: dict[str, Routine] = {}
    library = RoutineLibrary()
    for path, custom in toml_files(folders):
        conflict = conflict_copy_problem(path.name)
        if conflict:
            library.errors.append(RoutineFileError(path, "-", conflict))
            continue
        try:
            routine = load_routine_file(path, custom=custom, habit_ids=habit_ids)
        except RoutineFileError as error:
            library.errors.append(error)
            continue
        found[routine.id] = routine
    library.routines = sorted(found.values(), key=lambda r: (r.order, r.name.lower()))
    return library


def load_routine_file(path: Path, custom: bool = False, habit_ids: Collection[str] | None = None) -> Routine:
    data = read_toml(path, lambda name, problem: RoutineFileError(path, name, problem))
    return parse_routine(data, path, expected_id=path.stem, custom=custom, habit_ids=habit_ids)


def parse_routine(
    data: dict[str, Any],
    source: object,
    expected_id: str | None = None,
    custom: bool = True,
    habit_ids: Collection[str] | None = None,
) -> Routine:
    def fail(name: str, problem: str) -> RoutineFileError:
        return RoutineFileError(source, name, problem)

    routine_id = checked_id(data, ROUTINE_KEYS, "routine", fail, expected_id)
    habit = _text(data, "habit", fail) or None
    if habit is not None and habit_ids is not None and habit not in habit_ids:
        raise fail("habit", f"'{habit}' is not a habit id: run 'plumbline habits' to see them, or leave habit out")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps or not all(isinstance(s, dict) for s in steps):
        raise fail("steps", "must be one or more [[steps]] tables, each with a name, how, and hold or reps")
    if len(steps) > MAX_STEPS:
        raise fail("steps", f"has {len(steps)} steps; a routine takes at most {MAX_STEPS}")
    return Routine(
        id=routine_id,
        name=_text(data, "name", fail, required=True, limit=40),
        steps=tuple(parse_step(step, source, number) for number, step in enumerate(steps, start=1)),
        habit=habit,
        about=_text(data, "about", fail, limit=300),
        cautions=_cautions(data, fail),
        order=_integer(data, "order", fail, default=1000, minimum=0),
        custom=custom,
    )


def parse_step(data: dict[str, Any], source: object, number: int) -> Step:
    named = data.get("name")
    step_name = named if isinstance(named, str) else ""

    def fail(name: str, problem: str) -> RoutineFileError:
        return RoutineFileError(source, name, problem, step=number, step_name=step_name)

    unknown = sorted(set(data) - STEP_KEYS)
    if unknown:
        raise fail(unknown[0], f"is not a step field; known fields: {', '.join(sorted(STEP_KEYS))}")
    if ("hold" in data) == ("reps" in data):
        if "hold" in data:
            raise fail("reps", "cannot go with hold: a step is either held (hold = seconds) or counted (reps = N)")
        raise fail("hold", "is missing: give hold = seconds to hold, or reps = repetitions to count")
    hold = _bounded(data, "hold", fail, maximum=MAX_HOLD) if "hold" in data else None
    if "times" in data and hold is None:
        raise fail("times", "repeats a hold; a counted step sets its count with reps alone")
    return Step(
        name=_text(data, "name", fail, required=True, limit=40),
        how=_text(data, "how", fail, required=True),
        hold=hold,
        reps=_bounded(data, "reps", fail, maximum=MAX_REPS) if "reps" in data else None,
        sides=_sides(data.get("sides"), fail),
        times=_bounded(data, "times", fail, maximum=MAX_TIMES),
        rest=_bounded(data, "rest", fail, default=0, minimum=0, maximum=MAX_REST),
        caution=_text(data, "caution", fail, limit=300),
    )


def _sides(value: Any, fail: Fail) -> tuple[str, ...]:
    if value is None:
        return ()
    if value == 2 and not isinstance(value, bool):
        return TWO_SIDES
    if (
        isinstance(value, list)
        and 2 <= len(value) <= 4
        and all(isinstance(s, str) and s.strip() and len(s) <= 20 for s in value)
        and len(set(value)) == len(value)
    ):
        return tuple(s.strip() for s in value)
    raise fail("sides", f"{value!r} must be 2 (left, then right) or a list of 2 to 4 side names, e.g. [\"left\", \"right\"]")


def _bounded(data: dict[str, Any], name: str, fail: Fail, default: int = 1, minimum: int = 1, maximum: int = 1000) -> int:
    value = _integer(data, name, fail, default=default, minimum=minimum)
    if value > maximum:
        raise fail(name, f"{value} is more than {maximum}; give a whole number from {minimum} to {maximum}")
    return value


def routine_toml(routine: Routine) -> str:
    """A routine file that loads back as `routine` (the app's routine form writes these)."""
    import tomli_w

    data: dict[str, Any] = {"id": routine.id, "name": routine.name}
    if routine.habit:
        data["habit"] = routine.habit
    data.update(order=routine.order, about=routine.about, cautions=list(routine.cautions))
    data["steps"] = [_step_table(step) for step in routine.steps]
    return tomli_w.dumps(data)


def _step_table(step: Step) -> dict[str, Any]:
    table: dict[str, Any] = {"name": step.name, "how": step.how}
    table.update({"hold": step.hold} if step.hold is not None else {"reps": step.reps})
    if step.sides:
        table["sides"] = len(step.sides) if step.sides == TWO_SIDES else list(step.sides)
    if step.times > 1:
        table["times"] = step.times
    if step.rest:
        table["rest"] = step.rest
    if step.caution:
        table["caution"] = step.caution
    return table
