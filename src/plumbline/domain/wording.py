"""How a checklist row reads in words, the same in the terminal output and in the app."""

from __future__ import annotations

from plumbline.domain.checklist import ChecklistRow
from plumbline.domain.entries import Status
from plumbline.domain.habit import Kind


def row_label(row: ChecklistRow) -> str:
    habit = row.habit
    if row.status is Status.DONE and habit.kind is Kind.AVOID:
        return habit.label_done
    return habit.name


def row_detail(row: ChecklistRow) -> str:
    habit = row.habit
    parts = []
    if habit.kind.numeric:
        count = row.entry.count if row.entry and not row.entry.skipped else 0
        limit = "at most " if habit.kind is Kind.LIMIT else ""
        parts.append(f"{count:g}/{limit}{habit.target:g} {habit.unit}".strip())
    if habit.schedule.period:
        this = "this week" if habit.schedule.period == "weeks" else "this month"
        parts.append(f"{row.period_done}/{habit.schedule.per_period} {this}")
    streak = row.streak
    if streak.length:
        parts.append(f"streak {streak.length} {streak.unit[:-1] if streak.length == 1 else streak.unit}")
    return ", ".join(parts)


def amount(count: int, unit: str) -> str:
    """"1 day", "3 days": `unit` is given in the plural, as Streaks carry it."""
    return f"{count} {unit[:-1] if count == 1 and unit.endswith('s') else unit}"
