"""Four processes checking in at once through the real Tracker lose nothing.

The writers are spawned processes held at a barrier until all four are ready, so their check-ins
contend for the lock; each reports the time of every check-in it made, which shows they overlapped.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import queue
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.storage.locations import Locations
from plumbline.storage.store import Store
from tests.conftest import BUILTIN_HABITS, MONDAY, stored_entry

WRITERS = 4
CHECKS = 50
TIME_LIMIT = 60.0
FIRST_DAY = dt.date(2026, 12, 15)  # the days run into 2027: two year files
HABITS = ("knee-pillow", "gentle-mobility", "both-feet", "core-work")
COUNT_HABIT = "posture-breaks"


@dataclass
class Report:
    pid: int
    checked: list[tuple[float, dt.date, Entry]]  # (when, day, the entry check returned)
    error: str | None = None


def check_in(data_dir: str, habit_id: str, days: list[dt.date], barrier, results) -> None:
    """One writer: check `habit_id` once on each of `days`, in order, through the Tracker."""
    checked: list[tuple[float, dt.date, Entry]] = []
    try:
        tracker = Tracker(Path(data_dir), BUILTIN_HABITS)
        barrier.wait(TIME_LIMIT)
        for day in days:
            entry = tracker.check(habit_id, day)
            checked.append((time.monotonic(), day, entry))
        results.put(Report(os.getpid(), checked))
    except BaseException:
        results.put(Report(os.getpid(), checked, traceback.format_exc()))


def run_together(data_dir: Path, plans: list[tuple[str, list[dt.date]]]) -> list[Report]:
    """Start one writer per plan, release them together, and collect their reports in time."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(plans)), context.Queue()
    writers = [
        context.Process(target=check_in, args=(str(data_dir), habit, days, barrier, results), daemon=True)
        for habit, days in plans
    ]
    deadline = time.monotonic() + TIME_LIMIT
    reports: list[Report] = []
    try:
        for writer in writers:
            writer.start()
        while len(reports) < len(writers):
            try:
                reports.append(results.get(timeout=0.2))
            except queue.Empty:
                dead = [w.exitcode for w in writers if w.exitcode not in (None, 0)]
                if dead:
                    pytest.fail(f"a writer died without reporting (exit codes {dead})")
                if time.monotonic() > deadline:
                    pytest.fail(f"only {len(reports)} of {len(writers)} writers finished within {TIME_LIMIT} s")
        for writer in writers:
            writer.join(max(0.1, deadline - time.monotonic()))
            assert writer.exitcode == 0, f"writer {writer.pid} ended with {writer.exitcode}"
    finally:
        for writer in writers:
            if writer.is_alive():
                writer.kill()
                writer.join(5)
    failed = [r.error for r in reports if r.error]
    assert not failed, f"a writer failed:\n{failed[0]}"
    return reports


def switches(reports: list[Report]) -> int:
    """How often the next check-in in time came from another writer: WRITERS - 1 if they ran one
    after the other, far more when they really overlapped."""
    order = sorted((when, r.pid) for r in reports for when, _, _ in r.checked)
    return sum(a[1] != b[1] for a, b in zip(order, order[1:]))


def assert_files_whole(data_dir: Path) -> None:
    for path in sorted(data_dir.rglob("*.json")):
        assert isinstance(json.loads(path.read_bytes()), dict), path
    assert not list(data_dir.rglob(".tmp-*"))


def days_of(first: dt.date, count: int, step: int = 1, offset: int = 0) -> list[dt.date]:
    return [first + dt.timedelta(days=offset + step * k) for k in range(count)]


LAYOUTS = {
    # Each writer its own habit on the same 50 days: month documents created side by side.
    "own-habit": [(habit, days_of(FIRST_DAY, CHECKS)) for habit in HABITS],
    # One habit, the writers' days interleaved: every check-in rewrites a document the others touch.
    "shared-habit": [("knee-pillow", days_of(FIRST_DAY, CHECKS, WRITERS, n)) for n in range(WRITERS)],
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_four_writers_checking_in_on_distinct_days_keep_all_200(data_dir, layout):
    plans = LAYOUTS[layout]
    began = time.monotonic()
    reports = run_together(data_dir, plans)
    elapsed = time.monotonic() - began

    assert sorted(len(r.checked) for r in reports) == [CHECKS] * WRITERS
    for report in reports:
        assert all(entry == Entry(day, 1) for _, day, entry in report.checked)
    history = Store(Locations(data_dir)).history()
    expected = {(habit, day) for habit, days in plans for day in days}
    found = {(habit, day) for habit, entries in history.items() for day in entries}
    assert len(expected) == WRITERS * CHECKS
    assert found == expected, f"{len(expected - found)} check-ins lost"
    assert all(e == Entry(e.day, 1) for entries in history.values() for e in entries.values())
    assert {m[:4] for m in Store(Locations(data_dir)).months()} == {"2026", "2027"}
    assert_files_whole(data_dir)
    overlap = switches(reports)
    assert overlap > WRITERS - 1, "the writers ran one after another: the test shows nothing"
    print(f"\n{layout}: {len(found)} check-ins by {WRITERS} writers in {elapsed:.1f} s, {overlap} switches")


def test_four_writers_adding_to_one_count_reach_exactly_200(data_dir):
    plans = [(COUNT_HABIT, [MONDAY] * CHECKS) for _ in range(WRITERS)]
    began = time.monotonic()
    reports = run_together(data_dir, plans)
    elapsed = time.monotonic() - began

    # Each read-modify-write saw every earlier one: the counts returned are 1..200, each once.
    returned = sorted(entry.count for r in reports for _, _, entry in r.checked)
    assert returned == list(range(1, WRITERS * CHECKS + 1))
    assert stored_entry(Store(Locations(data_dir)), COUNT_HABIT, MONDAY) == Entry(MONDAY, WRITERS * CHECKS)
    assert Store(Locations(data_dir)).history() == {COUNT_HABIT: {MONDAY: Entry(MONDAY, WRITERS * CHECKS)}}
    assert_files_whole(data_dir)
    overlap = switches(reports)
    assert overlap > WRITERS - 1, "the writers ran one after another: the test shows nothing"
    print(f"\ncount: {WRITERS} x {CHECKS} increments in {elapsed:.1f} s, {overlap} switches")
