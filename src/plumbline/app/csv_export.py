"""The CSV export: one row per habit and day, from each habit's first day to today.

Ten years of fifty habits are 180,000 rows. Each is one formatted line from the month files'
checked records (by day number, without a date or an Entry each), with the status `day_status`
would give it; tests/cli check the two agree. The collector is paused while the rows pile up:
they are all kept until the end, and its passes over them were a fifth of the time.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Status
from plumbline.domain.habit import Habit, Kind
from plumbline.storage.month_records import MonthRecords

CSV_HEADER = ("date", "habit", "name", "status", "count", "note")
Record = tuple[float, bool, str]  # count, skipped, note
# Plain strings: an enum member's .value is a descriptor call, 180,000 times.
SKIPPED, DONE, NOT_DUE, PENDING, MISSED = (s.value for s in (Status.SKIPPED, Status.DONE, Status.NOT_DUE,
                                                             Status.PENDING, Status.MISSED))


def export_csv(tracker: Tracker, today: dt.date) -> str:
    start, last = tracker.store.started(today), today.toordinal()
    lines = [_row(CSV_HEADER)]
    enabled = gc.isenabled()
    gc.disable()
    try:
        months = [tracker.store.month_records(m) for m in tracker.store.months()]
        habits = tracker.habits(include_archived=True)
        first = min([start.toordinal(), *(m.first for m in months[:1]), *(h.started.toordinal() for h in habits
                                                                          if h.started)])
        # Each day's ISO date made once, for every habit: indexed by day number - first.
        days = [dt.date.fromordinal(n).isoformat() for n in range(first, last + 1)]
        for habit in habits:
            own = _records(habit.id, months, first, last)
            begin = next((first + i for i, r in enumerate(own) if r is not None), last + 1)
            begin = min(begin, (habit.started or start).toordinal())
            _habit_rows(habit, own, begin, last, days, first, lines)
    finally:
        if enabled:
            gc.enable()
    return "".join(lines)


def _records(habit_id: str, months: list[MonthRecords], first: int, last: int) -> list[Record | None]:
    """The habit's records by day number - first, through `last` (None: no record)."""
    own: list[Record | None] = []
    for month in months:
        if month.first > last:
            break
        own.extend([None] * (month.first - first - len(own)))  # months without a file
        own.extend(month.by_day(habit_id))
    own.extend([None] * (last - first + 1 - len(own)))
    return own


def _habit_rows(habit: Habit, own: list[Record | None], begin: int, today: int, days: list[str], first: int,
                lines: list[str]) -> None:
    """The rules of day_status, over day numbers (day 1 of the calendar is a Monday)."""
    prefix = f",{habit.id},{_field(_cell(habit.name))},"
    schedule, target, at_most = habit.schedule, habit.target, habit.kind is Kind.LIMIT
    every, weekdays = schedule.every_days, schedule.weekdays
    never_due, last_done = schedule.period is not None, begin - (every or 1)
    missed, not_due = f"{prefix}{MISSED},0,\n", f"{prefix}{NOT_DUE},0,\n"  # a day without a record
    always_due = not never_due and weekdays is None and every is None
    # The rest of the line of a record that is done or skipped, whatever its day: most records
    # are one of a few, and joining two strings is a third of the cost of formatting a line.
    # With the count's type: (1.0, False, "") is equal to (1, False, "") but is written "1.0".
    settled: dict[Record, tuple[str, bool, type]] = {}
    add = lines.append
    for number in range(begin, today):  # today, pending or not, comes after
        record = own[number - first]
        if record is None:
            if always_due:
                add(days[number - first] + missed)
            elif never_due or (weekdays is not None and (number - 1) % 7 not in weekdays) or (
                    every is not None and number - last_done < every):
                add(days[number - first] + not_due)
            else:
                add(days[number - first] + missed)
            continue
        known = settled.get(record)
        if known is not None and type(record[0]) is known[2]:
            add(days[number - first] + known[0])
            if known[1]:
                last_done = number
            continue
        count, skipped, note = record
        if skipped:
            status = SKIPPED
        elif count <= target if at_most else count >= target:
            status, last_done = DONE, number
        elif never_due or (weekdays is not None and (number - 1) % 7 not in weekdays) or (
                every is not None and number - last_done < every):
            status = NOT_DUE
        else:
            status = MISSED
        rest = f"{prefix}{status},{count},{_field(_cell(note)) if note else ''}\n"
        if status is SKIPPED or status is DONE:
            settled[record] = (rest, status is DONE, type(count))
        add(days[number - first] + rest)
    if begin <= today:
        lines.append(_today_row(habit, own[today - first], days[today - first], prefix, last_done))


def _today_row(habit: Habit, record: Record | None, day: str, prefix: str, last_done: int) -> str:
    count, skipped, note = record or (0, False, "")
    schedule, number = habit.schedule, dt.date.fromisoformat(day).toordinal()
    if skipped:
        status = SKIPPED
    elif record is not None and (count <= habit.target if habit.kind is Kind.LIMIT else count >= habit.target):
        status = DONE
    elif schedule.period is not None or (schedule.weekdays is not None and (number - 1) % 7 not in schedule.weekdays) \
            or (schedule.every_days is not None and number - last_done < schedule.every_days):
        status = NOT_DUE
    else:
        status = PENDING
    return f"{day}{prefix}{status},{count},{_field(_cell(note)) if note else ''}\n"


def _cell(text: str) -> str:
    # A note starting with = + - @ would run as a formula in a spreadsheet: make it plain text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _field(text: str) -> str:
    """One cell as csv.writer writes it (quoted only where it must be)."""
    return _row([text])[:-1] if any(c in text for c in ',"\r\n') else text


def _row(cells) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()
