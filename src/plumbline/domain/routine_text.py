"""A routine's steps as lines a person types in the app, one step a line:

    Bridge: 10 reps - lie on your back, knees bent, and lift the hips slowly
    Side plank: hold 20 s, 3 times, rest 10 s, each side - on your forearm, body straight

NAME: AMOUNT[, each side][, N times][, rest N s] - HOW. The amount is `N reps` or `hold N s`.
What comes back is a routine file's step table; the routine file rules (storage/routine_files.py)
then check the numbers, so a routine typed here and one written as a file obey the same limits.
"""

import re
from typing import Any

from plumbline.domain.routine import TWO_SIDES, Step

FORMAT = "Name: 10 reps - how   or   Name: hold 20 s, 3 times, rest 10 s, each side - how"
EXAMPLES = ("  Bridge: 10 reps - lift the hips slowly, then lower them\n"
            "  Plank: hold 20 s, 3 times, rest 10 s, each side - on the forearm")
_REPS = re.compile(r"(\d+)\s*(?:reps?|repetitions?)", re.I)
_HOLD = re.compile(r"(?:hold\s*)?(\d+)\s*(?:s|sec|secs|seconds?)(?:\s*hold)?", re.I)
_TIMES = re.compile(r"(?:(\d+)\s*times|x\s*(\d+))", re.I)
_REST = re.compile(r"rest\s*(\d+)\s*(?:s|sec|secs|seconds?)?", re.I)
_SIDES = re.compile(r"(?:each|both|per)\s*sides?|on each side", re.I)


def step_line(step: Step) -> str:
    """The line that reads back as `step` (a routine file's sides other than left and right
    come back as "each side")."""
    parts = [f"{step.reps} reps"] if step.reps is not None else [f"hold {step.hold} s"]
    if step.times > 1:
        parts.append(f"{step.times} times")
    if step.rest:
        parts.append(f"rest {step.rest} s")
    if step.sides:
        parts.append("each side")
    return f"{_one_line(step.name)}: {', '.join(parts)} - {_one_line(step.how)}"


def steps_from_lines(text: str) -> list[dict[str, Any]]:
    """The step tables of the non-empty lines; ValueError naming the line and what to write."""
    steps = [_step(line.strip(), number) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not steps:
        raise ValueError(f"steps: write one step a line, e.g. {FORMAT}")
    return steps


def _step(line: str, number: int) -> dict[str, Any]:
    name, colon, rest = line.partition(":")
    spec, dash, how = rest.partition(" - ")
    if not colon or not dash or not name.strip() or not how.strip():
        raise ValueError(f"steps, line {number}: write it as {FORMAT}")
    step: dict[str, Any] = {"name": name.strip(), "how": how.strip()}
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        if not _read_part(part, step):
            raise ValueError(f"steps, line {number}: '{part}' is not understood; use N reps, hold N s, "
                             "N times, rest N s or each side")
    if "reps" not in step and "hold" not in step:
        raise ValueError(f"steps, line {number}: give the amount, '10 reps' or 'hold 20 s'")
    return step


def _read_part(part: str, step: dict[str, Any]) -> bool:
    """Put what `part` says into `step`; False if it says nothing known."""
    for pattern, field in ((_REPS, "reps"), (_REST, "rest"), (_TIMES, "times"), (_HOLD, "hold")):
        found = pattern.fullmatch(part)
        if found:
            step[field] = int(next(g for g in found.groups() if g is not None))
            return True
    if _SIDES.fullmatch(part):
        step["sides"] = len(TWO_SIDES)  # the routine file's `sides = 2`: left, then right
        return True
    return False


def _one_line(text: str) -> str:
    """A step's text as one line: its own line breaks would start a new step."""
    return " ".join(text.split())
