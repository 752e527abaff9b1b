"""The CSV export: one row per habit and day, from each habit's first day to today.

Ten years of fifty habits are 180,000 rows. They are written from each habit's days as the
month digests code them (MonthRecords.coded: a character a day for a day without a record, a
rest day or a count without a note, the other records in full), so most lines are a day's date
joined to one of a few endings worked out once per habit, with the status `day_status` would
give it; tests/store/test_csv_export.py checks the two agree. The collector is paused while the
rows pile up: they are all kept until the end, and its passes over them were a fifth of the time.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
from itertools import chain

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Status
from plumbline.domain.habit import Habit, Kind, Schedule
from plumbline.storage.month_records import CODES, MonthRecords

CSV_HEADER = ("date", "habit", "name", "status", "count", "note")
Record = tuple[float, bool, str]  # count, skipped, note
# Plain strings: an enum member's .value is a descriptor call, 180,000 times.
SKIPPED, DONE, NOT_DUE, PENDING, MISSED = (s.value for s in (Status.SKIPPED, Status.DONE, Status.NOT_DUE,
                                                             Status.PENDING, Status.MISSED))
NO_RECORD: Record = (0, False, "")  # how a day without one is written: count 0, never done


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
            codes, full = _coded(habit.id, months, first, last)
            recorded = len(codes) - len(codes.lstrip("."))  # the first record (a rest day ahead too)
            begin = min(first + recorded if recorded < len(codes) else last + 1, (habit.started or start).toordinal())
            if begin <= last:
                _habit_rows(_Endings(habit), codes, full, begin - first, last - first, first, days, lines)
    finally:
        if enabled:
            gc.enable()
    return "".join(lines)


def _coded(habit_id: str, months: list[MonthRecords], first: int, last: int) -> tuple[str, dict[int, Record]]:
    """The habit's days from `first` through `last` at least, a character each (see
    MonthRecords.coded; "." for a month without a file), and its records given in full by day
    number - first."""
    parts: list[str] = []
    full: dict[int, Record] = {}
    length = 0
    for month in months:
        if month.first > last:
            break
        parts.append("." * (month.first - first - length))
        length = month.first - first
        code, given = month.coded(habit_id)
        for index, record in given.items():
            full[length + index] = record
        parts.append(code)
        length += len(code)
    parts.append("." * (last - first + 1 - length))
    return "".join(parts), full


class _Endings:
    """What follows the date on a habit's line: by a day's character when that is done or
    skipped whatever the day, else by whether the day was due."""

    def __init__(self, habit: Habit) -> None:
        self.habit = habit
        self.prefix = f",{habit.id},{_field(_cell(habit.name))},"
        self.target, self.at_most = habit.target, habit.kind is Kind.LIMIT
        self.fixed: dict[str, str] = {}  # done or skipped
        self.done: set[str] = set()
        self.due: dict[str, str] = {".": self.line(MISSED, NO_RECORD)}  # not met on a due day: missed
        self.not_due: dict[str, str] = {".": self.line(NOT_DUE, NO_RECORD)}
        for char, record in CODES.items():
            if record is None:
                continue  # ".", above; "o", given in full
            if record[1]:
                self.fixed[char] = self.line(SKIPPED, record)
            elif self.met(record):
                self.fixed[char] = self.line(DONE, record)
                self.done.add(char)
            else:
                self.due[char], self.not_due[char] = self.line(MISSED, record), self.line(NOT_DUE, record)

    def met(self, record: Record) -> bool:
        return record[0] <= self.target if self.at_most else record[0] >= self.target

    def line(self, status: str, record: Record) -> str:
        count, _, note = record
        return f"{self.prefix}{status},{count},{_field(_cell(note)) if note else ''}\n"

    def given(self, record: Record, due: bool) -> tuple[str, bool]:
        """The ending of a record given in full, and whether it is done."""
        if record[1]:
            return self.line(SKIPPED, record), False
        if self.met(record):
            return self.line(DONE, record), True
        return self.line(MISSED if due else NOT_DUE, record), False


def _habit_rows(endings: _Endings, codes: str, full: dict[int, Record], begin: int, today: int, first: int,
                days: list[str], lines: list[str]) -> None:
    """The rules of day_status over day indexes (day number - first; day 1 of the calendar is a
    Monday), then today's row, pending or not."""
    schedule = endings.habit.schedule
    every, weekdays = schedule.every_days, schedule.weekdays
    last_done = begin - (every or 1)
    ends: list[str] = []
    if every is not None:  # due by the days since the last done one: day by day
        for index in range(begin, today):
            char = codes[index]
            if char == "o":
                ending, done = endings.given(full[index], index - last_done >= every)
            elif char in endings.fixed:
                ending, done = endings.fixed[char], char in endings.done
            else:
                ending, done = (endings.due if index - last_done >= every else endings.not_due)[char], False
            ends.append(ending)
            if done:
                last_done = index
    else:
        # Due every day, never (a number a week or month is judged by the period), or on some
        # weekdays: each day's ending is its character's, in the table of its weekday.
        tables = [{**(endings.due if _due_on(schedule, w + 1) else endings.not_due), **endings.fixed, "o": ""}
                  for w in range(7)]  # day number n is weekday (n - 1) % 7
        if weekdays is None:
            ends = list(map(tables[0].__getitem__, codes[begin:today]))
        else:
            ends = [tables[(first + i - 1) % 7][c] for i, c in zip(range(begin, today), codes[begin:today])]
        for index, given in full.items():
            if begin <= index < today:
                ends[index - begin] = endings.given(given, _due_on(schedule, first + index))[0]
    # Each line as its date and its ending, side by side in `lines`: joined once, at the end.
    lines.extend(chain.from_iterable(zip(days[begin:today], ends)))
    record: Record | None = full.get(today) if codes[today] == "o" else CODES[codes[today]]
    lines.append(_today_row(endings, record, days[today], first + today, first + last_done))


def _due_on(schedule: Schedule, number: int) -> bool:
    """Whether a habit not judged by the days since its last done one was due on day `number`."""
    return schedule.period is None and (schedule.weekdays is None or (number - 1) % 7 in schedule.weekdays)


def _today_row(endings: _Endings, record: Record | None, day: str, number: int, last_done: int) -> str:
    schedule = endings.habit.schedule
    if record is not None and record[1]:
        status = SKIPPED
    elif record is not None and endings.met(record):
        status = DONE
    elif not _due_on(schedule, number) or (schedule.every_days is not None and number - last_done < schedule.every_days):
        status = NOT_DUE
    else:
        status = PENDING
    return day + endings.line(status, record or NO_RECORD)


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
