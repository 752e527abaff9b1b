"""The report's arithmetic (domain/report.py), with no file and no clock."""

from __future__ import annotations

import datetime as dt

import pytest

from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit, Kind, Schedule
from plumbline.domain.pain import PainEntry, PainReading
from plumbline.domain.report import (
    MAX_WEEKS,
    Period,
    ReportSource,
    build_report,
    default_period,
    period_between,
)
from plumbline.domain.routine import Routine, Step
from plumbline.domain.routine_stops import RoutineStop

MONDAY = dt.date(2026, 11, 23)
DAILY = Habit("daily", "Daily", "posture", Kind.DO)
MONTHLY = Habit("monthly", "Monthly", "movement", Kind.DO, Schedule(per_month=4))
D = dt.timedelta(days=1)


def test_the_default_is_the_last_eight_whole_weeks():
    for today in (MONDAY, MONDAY + 6 * D):  # a Monday, and the Sunday of the same week (not over yet)
        assert default_period(today) == Period(dt.date(2026, 9, 28), dt.date(2026, 11, 22))


def test_a_period_is_widened_to_whole_weeks_and_kept_to_half_a_year():
    period = period_between(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert (period.start, period.end) == (dt.date(2026, 9, 28), dt.date(2026, 11, 1))
    assert len(period.mondays) == 5
    with pytest.raises(ValueError, match="after --to"):
        period_between(dt.date(2026, 10, 2), dt.date(2026, 10, 1))
    with pytest.raises(ValueError, match=f"at most {MAX_WEEKS}"):
        period_between(dt.date(2025, 1, 1), dt.date(2026, 10, 1))


def _source(**parts) -> ReportSource:
    base = {"habits": [DAILY], "history": {}, "pain_log": {}, "start": dt.date(2026, 1, 1)}
    return ReportSource(**{**base, **parts})


def test_overall_counts_only_what_was_asked_and_a_month_once():
    days = [MONDAY - back * D for back in range(1, 57)]
    history = {"daily": {d: Entry(d, 1) for d in days[::2]},
               "monthly": {d: Entry(d, 1) for d in days if d.day in (3, 9, 12, 20, 25, 27)}}
    report = build_report(_source(habits=[DAILY, MONTHLY], history=history), default_period(MONDAY), MONDAY)
    daily, monthly = report.habits
    assert (daily.done, daily.target) == (28, 56)
    assert daily.adherence == 0.5
    # October asked 4 and got 6 (4 count), November up to the 22nd asked 4 and got 4.
    assert (monthly.done, monthly.target) == (8, 8)


def test_pain_weeks_take_every_reading_and_the_median():
    monday = dt.date(2026, 11, 16)
    pain = {monday: PainEntry(monday, (PainReading(dt.time(8), 6), PainReading(dt.time(20), 2))),
            monday + D: PainEntry(monday + D, (PainReading(None, 3),))}
    report = build_report(_source(pain_log=pain), default_period(MONDAY), MONDAY)
    last = report.pain_weeks[-1]
    assert (last.levels, last.highest, last.median) == ((6, 2, 3), 6, 3)
    assert report.pain_weeks[0].highest is None and report.pain_weeks[0].median is None
    assert len(report.readings) == 3


def test_a_stop_takes_the_reading_logged_right_after_it_and_the_routine_name():
    day = dt.date(2026, 11, 10)
    stop = RoutineStop(day, dt.time(7, 20), "towel", "Stopped Towel at step 2: Hold, left side")
    pain = {day: PainEntry(day, (PainReading(dt.time(7, 0), 1), PainReading(dt.time(7, 22), 6, "sharp")))}
    routine = Routine("towel", "Towel", (Step("Hold", "Hold it.", hold=30),), habit="daily")
    report = build_report(_source(pain_log=pain, stops=[stop], routines=[routine]), default_period(MONDAY), MONDAY)
    (line,) = report.stops
    assert line.routine == "Towel" and line.reading == PainReading(dt.time(7, 22), 6, "sharp")


def test_notes_in_date_order_timed_pain_notes_first_on_a_day():
    day = dt.date(2026, 11, 3)
    history = {"daily": {day: Entry(day, 1, note="felt fine"), day - D: Entry(day - D, 1, note="earlier")}}
    pain = {day: PainEntry(day, (PainReading(dt.time(9), 4, "morning"),))}
    report = build_report(_source(history=history, pain_log=pain), default_period(MONDAY), MONDAY)
    assert [(n.day, n.about, n.text) for n in report.notes] == [
        (day - D, "Daily", "earlier"), (day, "Pain 4/10", "morning"), (day, "Daily", "felt fine")]


def test_changes_name_habits_added_and_archived_in_the_period():
    added = DAILY._replace(id="new", name="New", started=dt.date(2026, 10, 20))
    gone = DAILY._replace(id="gone", name="Gone", archived=True)
    long_gone = DAILY._replace(id="old", name="Old", archived=True)
    report = build_report(_source(habits=[DAILY, added, gone, long_gone], archived_on={"gone": dt.date(2026, 11, 2)}),
                          default_period(MONDAY), MONDAY)
    assert [(c.habit.id, c.what, c.day) for c in report.changes] == [
        ("new", "added", dt.date(2026, 10, 20)), ("gone", "archived", dt.date(2026, 11, 2))]
    assert [h.habit.id for h in report.habits] == ["daily", "gone", "new"]  # as Today orders them; "old" is left out


def test_a_period_before_any_use_is_empty():
    report = build_report(_source(start=MONDAY), default_period(MONDAY), MONDAY)
    assert report.empty and report.target == 0
