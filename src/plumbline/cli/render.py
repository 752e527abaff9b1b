"""Plain-text and JSON views of the domain for the terminal and for scripts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

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


def to_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


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


def habits_text(habits: Sequence[Habit]) -> str:
    if not habits:
        return "No habits. Add one in the app (a), or drop a TOML file into the data dir's habits/ folder."
    rows = []
    for h in habits:
        target = f" ({'at most ' if h.kind is Kind.LIMIT else ''}{h.target:g} {h.unit})".rstrip() if h.kind.numeric else ""
        archived = "  [archived]" if h.archived else ""
        rows.append((h.id, f"{h.name}{target}  - {h.category}, {h.kind.value}, {h.schedule.describe()}{archived}"))
    return id_column(rows)


def id_column(rows: Sequence[tuple[str, str]]) -> str:
    """One line per item: its id, padded so the descriptions line up, then the description."""
    width = max(len(item_id) for item_id, _ in rows)
    return "\n".join(f"{item_id:<{width}}  {text}" for item_id, text in rows)


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


def today_text(day: dt.date, rows: Sequence[ChecklistRow]) -> str:
    if not rows:
        return f"{day:%A %d %B %Y}: no active habits. Add one in the app, or restore an archived one."
    done, due = progress(rows)
    lines = [f"{day:%A %d %B %Y} - {done} of {due} done"]
    category = None
    for row in rows:
        if row.habit.category != category:
            category = row.habit.category
            lines.append(f"  {category}")
        detail = row_detail(row)
        lines.append(f"    {MARKS[row.status]} {row_label(row)}" + (f"  ({detail})" if detail else ""))
    return "\n".join(lines)


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
        "pain": [{"date": d.isoformat(), "level": level} for d, level in review.pain],
    }


def week_text(review: WeekReview) -> str:
    width = max((len(r.habit.name) for r in review.rows), default=10)
    completion = f"{review.completion:.0%} done" if review.completion is not None else "nothing due yet"
    lines = [f"Week of {review.start:%d %b} to {review.end:%d %b %Y} - {completion}",
             f"{'':<{width}}  Mo  Tu  We  Th  Fr  Sa  Su"]
    for r in review.rows:
        marks = "".join(f"{MARKS[s]:<4}" for _, s in r.days)
        lines.append(f"{r.habit.name:<{width}}  {marks}{r.done}/{r.target}")
    pain = "".join(f"{'-' if level is None else level:<4}" for _, level in review.pain)
    lines.append(f"{'pain':<{width}}  {pain}".rstrip())
    return "\n".join(lines)


def streaks_json(standings: Sequence[tuple[Habit, Streaks, float]]) -> dict[str, Any]:
    return {
        "habits": [
            {"id": h.id, "name": h.name, "current": s.current, "best": s.best,
             "unit": s.unit, "strength": round(score, 4)}
            for h, s, score in standings
        ]
    }


def streaks_text(standings: Sequence[tuple[Habit, Streaks, float]]) -> str:
    width = max((len(h.name) for h, _, _ in standings), default=10)
    lines = [f"{'habit':<{width}}  current  best  strength"]
    for h, s, score in standings:
        unit = "w" if s.unit == "weeks" else "d"
        lines.append(f"{h.name:<{width}}  {s.current:>6}{unit}  {s.best:>3}{unit}  {score:>7.0%}")
    return "\n".join(lines)
