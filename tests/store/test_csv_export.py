"""Issue 16: the CSV export, written from records by day number, says for every habit and day
what day_status says, as the export did when it decoded every record into an Entry."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plumbline.app.csv_export import CSV_HEADER, export_csv
from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry, day_status
from plumbline.domain.streaks import first_day
from tests.conftest import BUILTIN_HABITS, MONDAY
from tests.store.test_standings import filled, settled


def decoded_export(tracker, today: dt.date) -> str:
    """The export as it was: every record an Entry, every day through day_status."""
    history, start = tracker.store.history(), tracker.store.started(today)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for habit in tracker.habits(include_archived=True):
        entries = history.get(habit.id, {})
        begin = day = first_day(habit, entries, start)
        while day <= today:
            entry = entries.get(day)
            name, note = habit.name, entry.note if entry else ""
            writer.writerow([day.isoformat(), habit.id, "'" + name if name[:1] in "=+-@" else name,
                             day_status(habit, entry, day, today, begin, entries).value, entry.count if entry else 0,
                             "'" + note if note[:1] in ("=", "+", "-", "@") else note])
            day += dt.timedelta(days=1)
    return out.getvalue()


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 2**32))
def test_the_export_says_what_day_status_says(tmp_path_factory, seed):
    tracker = filled(tmp_path_factory.mktemp("data"), seed)
    tracker.check("gen-1", MONDAY - dt.timedelta(days=3), amount=2.5, note='=1+2, "quoted"\nand a line', today=MONDAY)
    tracker.skip("gen-0", MONDAY + dt.timedelta(days=2), today=MONDAY)  # planned ahead: not a row
    # A count of 1.0 (as Loop's decimal habits import) among counts of 1: equal, written apart.
    days = [MONDAY - dt.timedelta(days=n) for n in (1, 2, 3)]
    for day, count in zip(days, (1.0, 1, 1.0)):  # yesterday's too: the last line before today's
        tracker.store.change_entry("core-work", day, lambda _: None)  # else 1.0 over a 1 is no change
        tracker.store.change_entry("core-work", day, lambda _, day=day, count=count: Entry(day, count=count))
    exported = export_csv(tracker, MONDAY)
    assert exported == decoded_export(tracker, MONDAY)
    # Again from the month digests the first export saved, as the next command reads them.
    again = settled(Tracker(tracker.locations.data_dir, BUILTIN_HABITS))
    assert all(again.store.digests.load(m, s, again.locations.month_file(m), lambda: pytest.fail("read from files"))
               for m, s in again.store.month_stamps().items())
    assert export_csv(again, MONDAY) == exported
    row = "core-work,Core and pelvic floor,done,1"
    assert f"{days[0]},{row}.0," in exported and f"{days[1]},{row}," in exported
