"""Habits as TOML files: the built-in library and the user's own, validated on load.

A bad file never stops the others from loading: it is reported with its path and field.
"""

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from plumbline.domain.days import clock_time
from plumbline.domain.entries import MAX_COUNT, checked_count, whole
from plumbline.domain.habit import CATEGORIES, WEEKDAY_NAMES, Habit, Kind, Schedule
from plumbline.errors import HabitFileError, PlumblineError
from plumbline.storage.atomic import read_regular
from plumbline.storage.sync_names import conflict_copy_problem

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")
# Makes the error for a field: (field, problem) -> the habit's or routine's own error type.
Fail = Callable[[str, str], PlumblineError]
# Reads a habit file: (path, parse) -> its content, where parse() reads and parses the file.
# The tracker passes a cache's reader (toml_cache.py); the default parses every time.
Reader = Callable[[Path, Callable[[], dict[str, Any]]], dict[str, Any]]


def parse_every_time(path: Path, parse: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    return parse()


KNOWN_KEYS = {
    "id", "name", "done_label", "category", "kind", "schedule", "target", "unit",
    "time", "order", "why", "how", "cautions",
}


class Library(NamedTuple):
    habits: list[Habit]
    errors: list[HabitFileError]

    def by_id(self) -> dict[str, Habit]:
        return {h.id: h for h in self.habits}


def load_library(folders: Iterable[Path], read: Reader = parse_every_time) -> Library:
    """Habits from each folder in turn; a later folder's habit replaces an earlier one of the same id."""
    found: dict[str, Habit] = {}
    errors: list[HabitFileError] = []
    for path, custom in toml_files(folders):
        conflict = conflict_copy_problem(path.name)
        if conflict:
            errors.append(HabitFileError(path, "-", conflict))
            continue
        try:
            habit = load_habit_file(path, custom=custom, read=read)
        except HabitFileError as error:
            errors.append(error)
            continue
        found[habit.id] = habit
    return Library(list(found.values()), errors)


def toml_files(folders: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """Each folder's TOML files in turn, with whether they are the user's own (any folder but the first)."""
    for index, folder in enumerate(folders):
        try:
            names = os.listdir(folder)  # not Path.glob, which compiles a pattern for "*.toml"
        except OSError:  # not there, not a folder, not readable: no habits from it, as Path.glob gave
            continue
        for name in sorted(names):
            if name.endswith(".toml"):
                yield folder / name, index > 0


def read_toml(path: Path, fail: Fail) -> dict[str, Any]:
    import tomllib  # here: with the habit files cached (toml_cache.py), most runs never parse TOML

    try:
        return tomllib.loads((read_regular(path) or b"").decode("utf-8"))
    except OSError as error:
        raise fail("-", f"cannot be read ({error.strerror or error}); fix or remove the file") from None
    except UnicodeDecodeError as error:
        raise fail("-", f"cannot be read ({error}); fix or remove the file") from None
    except tomllib.TOMLDecodeError as error:
        raise fail("-", f"is not valid TOML ({error}); fix the syntax") from None


def checked_id(data: dict[str, Any], known: set[str], what: str, fail: Fail, expected_id: str | None) -> str:
    """The file's id, once its fields are all known ones and the id fits its file name."""
    unknown = sorted(set(data) - known)
    if unknown:
        raise fail(unknown[0], f"is not a {what} field; known fields: {', '.join(sorted(known))}")
    value = _text(data, "id", fail, required=True)
    if not ID_PATTERN.match(value):
        raise fail("id", f"'{value}' must be lowercase letters, digits and hyphens")
    if expected_id is not None and value != expected_id:
        raise fail("id", f"'{value}' must match the file name '{expected_id}.toml'")
    return value


def load_habit_file(path: Path, custom: bool = False, read: Reader = parse_every_time) -> Habit:
    data = read(path, lambda: read_toml(path, lambda name, problem: HabitFileError(path, name, problem)))
    return parse_habit(data, path, expected_id=path.stem, custom=custom)


def parse_habit(data: dict[str, Any], source: object, expected_id: str | None = None, custom: bool = True) -> Habit:
    def fail(name: str, problem: str) -> HabitFileError:
        return HabitFileError(source, name, problem)

    habit_id = checked_id(data, KNOWN_KEYS, "habit", fail, expected_id)
    kind_text = _text(data, "kind", fail, required=True)
    try:
        kind = Kind(kind_text)
    except ValueError:
        raise fail("kind", f"'{kind_text}' must be one of: do, avoid, count, limit") from None
    category = _text(data, "category", fail, required=True)
    if category not in CATEGORIES:
        raise fail("category", f"'{category}' must be one of: {', '.join(CATEGORIES)}")
    target = _target(data, fail)
    if not kind.numeric and "target" in data:
        raise fail("target", "is only for habits of kind 'count' or 'limit'")
    if kind.numeric and "target" not in data:
        raise fail("target", "is required for a count habit (the daily number to reach) or a limit habit "
                             "(the daily number to stay at or under)")
    return Habit(
        id=habit_id,
        name=_text(data, "name", fail, required=True, limit=40),
        category=category,
        kind=kind,
        schedule=parse_schedule(data.get("schedule", "daily"), fail),
        target=target,
        unit=_text(data, "unit", fail, limit=20),
        done_label=_text(data, "done_label", fail, limit=40),
        time=_time(data, fail),
        why=_text(data, "why", fail),
        how=_text(data, "how", fail),
        cautions=_cautions(data, fail),
        order=_integer(data, "order", fail, default=1000, minimum=0),
        custom=custom,
    )


# The schedules a file may give as a table of one number: (key, lowest, highest).
COUNTED_SCHEDULES = {"per_week": (1, 7), "per_month": (1, 28), "every_days": (2, 365)}


def parse_schedule(value: Any, fail) -> Schedule:
    if value == "daily":
        return Schedule.daily()
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in COUNTED_SCHEDULES:
        key, n = next(iter(value.items()))
        low, high = COUNTED_SCHEDULES[key]
        if not isinstance(n, int) or isinstance(n, bool) or not low <= n <= high:
            raise fail("schedule", f"{key} {n!r} must be a whole number from {low} to {high}")
        return Schedule(**{key: n})  # type: ignore[arg-type]  # key is one of the counted fields
    if isinstance(value, dict) and set(value) == {"weekdays"}:
        names = value["weekdays"]
        if not isinstance(names, list) or not names or any(d not in WEEKDAY_NAMES for d in names):
            raise fail("schedule", f"weekdays {names!r} must be a list of: {', '.join(WEEKDAY_NAMES)}")
        return Schedule(weekdays=frozenset(WEEKDAY_NAMES.index(d) for d in names))
    raise fail("schedule", f"{value!r} must be \"daily\", {{ per_week = N }}, {{ per_month = N }}, "
                           "{ every_days = N } or { weekdays = [\"mon\", ...] }")


def _text(data, name, fail, required=False, limit=2000) -> str:
    value = data.get(name)
    if value is None:
        if required:
            raise fail(name, "is missing")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise fail(name, f"{value!r} must be a non-empty text")
    if len(value) > limit:
        raise fail(name, f"is longer than {limit} characters")
    return value.strip()


def _target(data, fail) -> float:
    value = data.get("target", 1)
    target = checked_count(value)
    if target is None:
        raise fail("target", f"{value!r} must be a number from 0 to {MAX_COUNT} (decimals allowed, e.g. 2.5)")
    return target


def _integer(data, name, fail, default: int, minimum: int = 1) -> int:
    value = data.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise fail(name, f"{value!r} must be a whole number of at least {minimum}")
    return value


def _time(data, fail) -> dt.time | None:
    value = data.get("time")
    if value is None:
        return None
    try:
        return clock_time(value)
    except (TypeError, ValueError):
        raise fail("time", f"{value!r} must be a time of day as HH:MM, e.g. \"22:00\"") from None


def _cautions(data, fail) -> tuple[str, ...]:
    value = data.get("cautions", [])
    if not isinstance(value, list) or not all(isinstance(c, str) and c.strip() for c in value):
        raise fail("cautions", "must be a list of texts")
    return tuple(c.strip() for c in value)


def schedule_data(schedule: Schedule) -> str | dict[str, Any]:
    """The schedule as a file gives it: "daily", { per_week = N }, ... or { weekdays = [...] }."""
    for key in COUNTED_SCHEDULES:
        if getattr(schedule, key) is not None:
            return {key: getattr(schedule, key)}
    if schedule.weekdays is not None:
        return {"weekdays": [WEEKDAY_NAMES[d] for d in sorted(schedule.weekdays)]}
    return "daily"


def habit_data(habit: Habit) -> dict[str, Any]:
    """The habit's fields as its file holds them, in the order a person reads them; empty
    optional texts left out. Also the habit's shape in an export (transfer.py)."""
    optional = {
        "unit": habit.unit,
        "done_label": habit.done_label,
        "time": f"{habit.time:%H:%M}" if habit.time is not None else "",
        "order": habit.order,
        "why": habit.why,
        "how": habit.how,
    }
    return {
        "id": habit.id,
        "name": habit.name,
        "category": habit.category,
        "kind": habit.kind.value,
        **({"target": whole(habit.target)} if habit.kind.numeric else {}),
        **{key: value for key, value in optional.items() if value != ""},
        "cautions": list(habit.cautions),
        # Last: tomli-w writes a table as a [schedule] section, after which no plain key may come.
        "schedule": schedule_data(habit.schedule),
    }
