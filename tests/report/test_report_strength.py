"""The report's strength comes from the month summaries (app/standings.py), not from a walk over
every day: it must be the number the domain works out from the whole history."""

import datetime as dt
import random

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.domain.report import default_period
from plumbline.domain.strength import strength
from plumbline.report.write import make_report
from tests.conftest import BUILTIN_HABITS

TODAY = dt.date(2026, 11, 25)


def test_each_habits_strength_in_the_report_is_the_domains(data_dir):
    tracker = Tracker(data_dir, builtin_dir=BUILTIN_HABITS)
    shuffle = random.Random(7)
    first = TODAY - dt.timedelta(days=500)
    tracker.store.ensure_created(first)
    entries = [(habit.id, Entry(first + dt.timedelta(days=n), 1, skipped=shuffle.random() < 0.05))
               for habit in tracker.habits() for n in range(500) if shuffle.random() < 0.7]
    tracker.store.put_many(entries, [])
    report = make_report(Tracker(data_dir, builtin_dir=BUILTIN_HABITS), TODAY)
    history = tracker.store.history()
    as_of = default_period(TODAY).end
    for line in report.habits:
        expected = strength(line.habit, history.get(line.habit.id, {}), as_of, first)
        assert abs(line.strength - expected) < 1e-12, line.habit.id
    assert len(report.habits) == len(tracker.habits())
