"""What each file in a shared data dir is, by its name: ours, another device's, from before
devices, or a sync engine's conflict copy of one of those.

The conflict names are the engines' own (issue 18 measured them):
- Syncthing: `<stem>.sync-conflict-YYYYMMDD-HHMMSS-<7-char device id><ext>`
- Nextcloud: `<stem> (conflicted copy YYYY-MM-DD hhmmss)<ext>`
- Dropbox: `<stem> (<name>'s conflicted copy YYYY-MM-DD)<ext>`, maybe with " (1)" and so on
A conflict copy of a conflict copy is possible (the same file conflicting twice); the names nest.
"""

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from plumbline.storage.locations import is_device_id

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


# Annotations evaluated, not strings: see the note above domain/habit.py's Schedule.
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
    """A file in entries/: one device's month (`YYYY-MM.<device>.json`), a month from before
    devices (`YYYY-MM.json`), or a copy of one."""
    return _classify(name, _is_month)


def state_file(name: str) -> DataFile | None:
    """A file in the data dir itself: one device's state (`plumbline.<device>.json`), the state
    from before devices (`plumbline.json`), or a copy."""
    return _classify(name, lambda stem: stem == "plumbline")


# Plain string tests rather than patterns: every command classifies the data dir's names, and
# compiling two patterns was 2 ms of `today`.
def _classify(name: str, stem_is: Callable[[str], bool]) -> DataFile | None:
    original = original_name(name)
    plain = original or name  # a conflict copy is what it is a copy of
    if not plain.endswith(".json"):
        return None
    parts = plain.removesuffix(".json").split(".")
    if len(parts) > 2 or not stem_is(parts[0]):
        return None
    device = parts[1] if len(parts) == 2 else None
    if device is not None and not is_device_id(device):
        return None
    return DataFile(name, parts[0] if _is_month(parts[0]) else None, device, original is not None)


def _is_month(stem: str) -> bool:
    """YYYY-MM, in ASCII digits."""
    return len(stem) == 7 and stem[4] == "-" and stem.isascii() and (stem[:4] + stem[5:]).isdigit()


def conflict_copy_problem(name: str) -> str | None:
    """What to tell the user of a file the user edits by hand (a habit or routine file) when it is
    a conflict copy: such files are never merged by plumbline, nor dropped."""
    original = original_name(name)
    if original is None:
        return None
    return (f"is a sync engine's conflict copy of {original} (two devices changed it): compare the two, "
            f"keep what you want in {original}, and delete this copy")
