"""What the app's watcher takes for another process's write (ui/app.py, check_external_changes).

It compares the data folders' times, which this process's own writes move too. The store reads
them before and after each write under the lock, and Tracker.past_own_writes moves a seen
signature over its own writes only: never over another process's write that came first.
"""

from __future__ import annotations

from plumbline.app.tracker import Tracker
from tests.conftest import BUILTIN_HABITS, MONDAY


def test_own_writes_are_passed_over(data_dir):
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    seen = tracker.outside_signature()
    tracker.toggle("knee-pillow", MONDAY, today=MONDAY)  # a month file (and the first use's state)
    tracker.log_pain(MONDAY, 3, today=MONDAY)
    assert tracker.outside_signature() != seen  # the folders' times did move
    assert tracker.past_own_writes(seen) == tracker.outside_signature()


def test_another_processs_write_just_before_an_own_write_is_not(data_dir):
    ours, theirs = Tracker(data_dir, BUILTIN_HABITS), Tracker(data_dir, BUILTIN_HABITS)
    ours.toggle("knee-pillow", MONDAY, today=MONDAY)  # the first use noted, before the watcher looks
    seen = ours.past_own_writes(ours.outside_signature())
    theirs.toggle("both-feet", MONDAY, today=MONDAY)  # a store of its own: another process, to ours
    ours.log_pain(MONDAY, 2, today=MONDAY)
    assert ours.past_own_writes(seen) != ours.outside_signature()  # so the watcher shows theirs


def test_a_process_nobody_asks_keeps_only_the_last_few(data_dir):
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    for _ in range(100):
        tracker.toggle("knee-pillow", MONDAY, today=MONDAY)
    assert len(tracker.store.own_writes) == tracker.store.own_writes.maxlen
