"""The state document (settings, archived habits, habit edits...) as records that devices merge.

A device's state file holds one flat map, path -> [stamp, value]. A path is one setting, or one
entry of a map-like setting (one habit's archived flag, one habit edit's field), so that two
devices changing different entries never overwrite each other; for each path the latest stamp
wins. Removing an entry writes the value null: a deletion is a record, not a missing line.
The first day of use is the one exception: the earliest any device recorded wins.

`flatten` and `unflatten` turn the document the application layer reads and changes (the one
`plumbline.json` held before devices) into paths and back.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from plumbline.storage import state_keys as key
from plumbline.storage.record_merge import content_id, tie_key

FlatState = dict[str, tuple[str, Any]]  # path -> (stamp, value)
# Map-like settings, and how deep their entries go: one path per entry, or per entry's field.
DEPTH = {key.ARCHIVED_ON: 1, key.HABIT_STARTS: 1, key.HABIT_SNOOZES: 1, key.LOOP_LINKS: 1, key.HABIT_EDITS: 2}
SETS = {key.ARCHIVED}  # lists of ids: one path per id, true while it is in the set
APPEND_ONLY = {key.ROUTINE_STOPS}  # lists that only grow: one path per item
EARLIEST = {key.CREATED}
NOT_STATE = {key.SCHEMA}


def path_of(*parts: str) -> str:
    return json.dumps(list(parts), ensure_ascii=False) if len(parts) > 1 else parts[0]


def flatten(document: dict[str, Any]) -> dict[str, Any]:
    """Path -> value for every entry of the document (not stamped)."""
    flat: dict[str, Any] = {}
    for name, value in document.items():
        if name in NOT_STATE:
            continue
        if name in SETS and isinstance(value, list):
            flat.update({path_of(name, str(item)): True for item in value})
        elif name in APPEND_ONLY and isinstance(value, list):
            flat.update({path_of(name, _item_id(item)): item for item in value})
        elif name in DEPTH and isinstance(value, dict):
            _flatten_map(flat, [name], value, DEPTH[name])
        else:
            flat[name] = value
    return flat


def _flatten_map(flat: dict[str, Any], parts: list[str], value: dict[str, Any], depth: int) -> None:
    for sub, inner in value.items():
        if depth > 1 and isinstance(inner, dict):
            _flatten_map(flat, [*parts, str(sub)], inner, depth - 1)
        else:
            flat[path_of(*parts, str(sub))] = inner


def unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    """The document again; entries whose value is null (removed) are left out."""
    document: dict[str, Any] = {}
    for path, value in sorted(flat.items()):
        if value is None:
            continue
        if not path.startswith("["):
            document[path] = value
            continue
        name, *subs = _parts(path)
        if name in SETS:
            document.setdefault(name, []).append(subs[0])
        elif name in APPEND_ONLY:
            document.setdefault(name, []).append(value)
        else:
            place = document.setdefault(name, {})
            for sub in subs[:-1]:
                place = place.setdefault(sub, {})
            place[subs[-1]] = value
    for name in APPEND_ONLY & document.keys():
        document[name].sort(key=tie_key)
    return document


@functools.lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, ...]:
    """A path's parts, parsed once a process: every read of the state goes through them.

    A path as path_of writes it, without an escape, splits at its separators: the same parts as
    json.loads gives, in a quarter of the time (300 paths of habit edits were 2 M instructions
    of `plumbline today`). Any other spelling (escapes, other spacing) goes to json.loads."""
    if len(path) >= 4 and "\\" not in path and path.startswith('["') and path.endswith('"]'):
        parts = tuple(path[2:-2].split('", "'))
        if not any('"' in part for part in parts):
            return parts
    return tuple(json.loads(path))


def _item_id(item: Any) -> str:
    return content_id(tie_key(item))


def join_state(first: FlatState, second: FlatState) -> FlatState:
    joined = dict(first)
    for path, (stamp, value) in second.items():
        known = joined.get(path)
        if known is None:
            joined[path] = (stamp, value)
        elif path in EARLIEST:
            joined[path] = min(known, (stamp, value), key=lambda c: (c[1] is None, tie_key(c[1]), c[0]))
        else:
            joined[path] = max(known, (stamp, value), key=lambda c: (c[0], tie_key(c[1])))
    return joined


def stamped(document: dict[str, Any], stamp: str) -> FlatState:
    """A document from before devices as records, all with `stamp`."""
    return {path: (stamp, value) for path, value in flatten(document).items()}


def values(state: FlatState) -> dict[str, Any]:
    return {path: value for path, (_, value) in state.items()}
