"""Plain-text and JSON views of the domain for the terminal and for scripts.

The text views are lists of lines that fit `width` columns: names give way first, shortened
with an ellipsis, so that no row wraps on a narrow terminal (down to 40 columns)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from plumbline.cli.terminal import cells, clip, pad
from plumbline.domain.checklist import ChecklistRow, progress
from plumbline.domain.entries import Status
from plumbline.domain.habit import Habit, Kind
from plumbline.domain.wording import row_detail, row_label

if TYPE_CHECKING:  # the weekly review is not loaded by the daily commands
    from plumbline.domain.review import WeekReview
    from plumbline.domain.streaks import Streaks

MARKS = {
    Status.DONE: "[x]",
    Status.SKIPPED: "[-]",
    Status.MISSED: "[!]",
    Status.PENDING: "[ ]",
    Status.NOT_DUE: " . ",
    Status.FUTURE: "   ",
}
# A week on a narrow terminal: one character a day, the marks above without their brackets.
NARROW_MARKS = {
    Status.DONE: "x",
    Status.SKIPPED: "-",
    Status.MISSED: "!",
    Status.PENDING: "_",
    Status.NOT_DUE: ".",
    Status.FUTURE: " ",
}
# A name is not shortened below this many columns while the detail beside it can give way.
NAME_ROOM = 16


def to_json(value: Any) -> str:
    """JSON for stdout, which terminal.say_json makes safe to print. Indented for a person at a
    terminal; one line for a program reading a pipe or a file, as gh and jq do. That line comes
    from json's C encoder, where the indented text comes from its Python one: 2.6 million
    instructions, 1% of `plumbline today --json`."""
    indent = 2 if sys.stdout is not None and sys.stdout.isatty() else None
    return json.dumps(value, indent=indent, ensure_ascii=False)


def habit_json(habit: Habit) -> dict[str, Any]:
    return {
        "id": habit.id,
        "name": habit.name,
        "category": habit.category,
        "kind": habit.kind.value,
        "schedule": habit.schedule.describe(),
        "archived": habit.archived,
        "target": habit.target,
        "unit": habit.unit,
        "time": habit.time.strftime("%H:%M") if habit.time else None,
        "custom": habit.custom,
    }


def habits_text(habits: Sequence[Habit]) -> list[str]:
    if not habits:
        return ["No habits. Add one in the app (a), or drop a TOML file into the data dir's habits/ folder."]
    rows = []
    for h in habits:
        target = f" ({'at most ' if h.kind is Kind.LIMIT else ''}{h.target:g} {h.unit})".rstrip() if h.kind.numeric else ""
        archived = "  [archived]" if h.archived else ""
        rows.append((h.id, f"{h.name}{target}  - {h.category}, {h.kind.value}, {h.schedule.describe()}{archived}"))
    return id_column(rows)


def id_column(rows: Sequence[tuple[str, str]]) -> list[str]:
    """One line per item: its id, padded so the descriptions line up, then the description (a
    listing: a long one wraps rather than lose its end)."""
    id_width = max(cells(item_id) for item_id, _ in rows)
    return [f"{pad(item_id, id_width)}  {text}" for item_id, text in rows]


def today_json(day: dt.date, rows: Sequence[ChecklistRow]) -> dict[str, Any]:
    return {
        "date": day.isoformat(),
        "habits": [
            {
                "id": r.habit.id,
                "name": r.habit.name,
                "status": r.status.value,
                "streak": r.streak.length,
                "streak_unit": r.streak.unit,
                "count": r.entry.count if r.entry else 0,
                "target": r.habit.target,
                "week_done": r.period_done,
                "category": r.habit.category,
                "kind": r.habit.kind.value,
            }
            for r in rows
        ],
    }


def today_text(day: dt.date, rows: Sequence[ChecklistRow], width: int) -> list[str]:
    if not rows:
        return [f"{day:%A %d %B %Y}: no active habits. Add one in the app, or restore an archived one."]
    done, due = progress(rows)
    head = f"{day:%A %d %B %Y} - {done} of {due} done"
    lines = [head if len(head) <= width else f"{day:%a %d %b %Y} - {done} of {due} done"]
    category = None
    for row in rows:
        if row.habit.category != category:
            category = row.habit.category
            lines.append(clip(f"  {category}", width))
        detail = row_detail(row)
        mark = f"    {MARKS[row.status]} "
        lines.append(mark + _name_then_detail(row_label(row), f"  ({detail})" if detail else "", width - len(mark)))
    return lines


def _name_then_detail(name: str, detail: str, room: int) -> str:
    """The name and its detail in `room` columns: the name keeps NAME_ROOM of them (or all it
    needs) and the detail is cut first; then the name gives way."""
    if cells(name) + cells(detail) <= room:
        return clip(name, room) + detail
    name = clip(name, max(room - cells(detail), min(cells(name), NAME_ROOM)))
    return name + clip(detail, room - cells(name))


def week_json(review: WeekReview) -> dict[str, Any]:
    return {
        "start": review.start.isoformat(),
        "end": review.end.isoformat(),
        "completion": review.completion,
        "habits": [
            {
                "id": r.habit.id,
                "name": r.habit.name,
                "days": [{"date": d.isoformat(), "status": s.value} for d, s in r.days],
                "done": r.done,
                "target": r.target,
                "current": r.streaks.current,
                "best": r.streaks.best,
            }
            for r in review.rows
        ],
        "pain": [
            {"date": d.isoformat(), "level": level,
             "readings": [{"time": f"{r.time:%H:%M}" if r.time else None, "level": r.level, "note": r.note,
                           "triggers": list(r.triggers)} for r in readings]}
            for (d, level), readings in zip(review.pain, review.readings, strict=True)
        ],
    }


def week_text(review: WeekReview, width: int) -> list[str]:
    from plumbline.domain.review import describe_total  # loaded already by the week command

    tallies = [f"{r.done}/{r.target}" for r in review.rows]
    tally = max(map(len, tallies), default=3)
    longest = max((cells(r.habit.name) for r in review.rows), default=4)
    # Four columns a day ("[x] ") while the names keep NAME_ROOM columns; then one mark in three.
    day = 4 if min(longest, NAME_ROOM) + 2 + 7 * 4 + tally <= width else 3
    marks = MARKS if day == 4 else NARROW_MARKS
    name_width = max(4, min(longest, width - 2 - 7 * day - tally))
    total, start, end = describe_total(review), review.start, review.end
    # The counts matter more than the year: a narrow terminal gets the shorter dates, not "do…".
    heads = (f"Week of {start:%d %b} to {end:%d %b %Y} - {total}", f"{start:%d %b} to {end:%d %b %Y} - {total}",
             f"{start:%d %b}-{end:%d %b}: {total}")
    lines = [next((head for head in heads if len(head) <= width), heads[-1]),
             " " * (name_width + 2) + "".join(f"{d:<{day}}" for d in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")).rstrip()]
    for r, done in zip(review.rows, tallies):
        days = "".join(f"{marks[s]:<{day}}" for _, s in r.days)
        lines.append(f"{pad(clip(r.habit.name, name_width), name_width)}  {days}{done}")
    pain = "".join(f"{'-' if level is None else level:<{day}}" for _, level in review.pain)
    lines.append(f"{'pain':<{name_width}}  {pain}".rstrip())
    return lines


def streaks_json(standings: Sequence[tuple[Habit, Streaks, float]]) -> dict[str, Any]:
    return {
        "habits": [
            {"id": h.id, "name": h.name, "current": s.current, "best": s.best,
             "unit": s.unit, "strength": round(score, 4)}
            for h, s, score in standings
        ]
    }


def streaks_text(standings: Sequence[tuple[Habit, Streaks, float]], width: int) -> list[str]:
    columns = "  current  best  strength"
    longest = max((cells(h.name) for h, _, _ in standings), default=10)
    name_width = max(5, min(longest, width - len(columns)))
    lines = [pad("habit", name_width) + columns]
    for h, s, score in standings:
        unit = s.short_unit
        lines.append(f"{pad(clip(h.name, name_width), name_width)}  {s.current:>6}{unit}  {s.best:>3}{unit}  {score:>7.0%}")
    return lines
