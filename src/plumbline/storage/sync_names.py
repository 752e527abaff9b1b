"""What each file in a shared data dir is, by its name: ours, another device's, from before
devices, or a sync engine's conflict copy of one of those.

The conflict names are the engines' own (issue 18 measured them):
- Syncthing: `<stem>.sync-conflict-YYYYMMDD-HHMMSS-<7-char device id><ext>`
- Nextcloud: `<stem> (conflicted copy YYYY-MM-DD hhmmss)<ext>`
- Dropbox: `<stem> (<name>'s conflicted copy YYYY-MM-DD)<ext>`, maybe with " (1)" and so on
A conflict copy of a conflict copy is possible (the same file conflicting twice); the names nest.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

# The marks each engine's conflict names carry: a name without any is no conflict copy, and the
# patterns (slow to compile, for a short command) are compiled only when one has a mark.
MARKS = (".sync-conflict-", " (conflicted copy ", "'s conflicted copy ")


@functools.cache
def conflict_names() -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(r"(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(?P<ext>\.[^.]*)?"),
        re.compile(r"(?P<stem>.+) \(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)(?P<ext>\.[^.]*)?"),
        re.compile(r"(?P<stem>.+) \([^()]*'s conflicted copy \d{4}-\d{2}-\d{2}(?: \(\d+\))?\)(?P<ext>\.[^.]*)?"),
    )


MONTH = re.compile(r"(?P<month>[0-9]{4}-[0-9]{2})(?:\.(?P<device>[a-z2-7]{8}))?\.json")
STATE = re.compile(r"plumbline(?:\.(?P<device>[a-z2-7]{8}))?\.json")


class DataFile(NamedTuple):
    name: str  # as found in its folder
    month: str | None  # "YYYY-MM" for a month file, None for a state file
    device: str | None  # the device that writes the original; None: a file from before devices
    conflict: bool  # a sync engine's copy of the original, kept when two versions met


def original_name(name: str) -> str | None:
    """The name a conflict copy was made from, or None if `name` is not a conflict copy."""
    if not any(mark in name for mark in MARKS):
        return None
    for pattern in conflict_names():
        found = pattern.fullmatch(name)
        if found:
            original = found["stem"] + (found["ext"] or "")
            return original_name(original) or original
    return None


def month_file(name: str) -> DataFile | None:
    """A file in entries/: one device's month, a month from before devices, or a copy of one."""
    return _classify(name, MONTH)


def state_file(name: str) -> DataFile | None:
    """A file in the data dir itself: one device's state, the state from before devices, or a copy."""
    return _classify(name, STATE)


def _classify(name: str, pattern: re.Pattern[str]) -> DataFile | None:
    original = original_name(name)
    found = pattern.fullmatch(original or name)
    if not found:
        return None
    month = found.groupdict().get("month")
    return DataFile(name, month, found["device"], original is not None)


def conflict_copy_problem(name: str) -> str | None:
    """What to tell the user of a file the user edits by hand (a habit or routine file) when it is
    a conflict copy: such files are never merged by plumbline, nor dropped."""
    original = original_name(name)
    if original is None:
        return None
    return (f"is a sync engine's conflict copy of {original} (two devices changed it): compare the two, "
            f"keep what you want in {original}, and delete this copy")
