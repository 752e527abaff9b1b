"""The merge is a join: any order, duplication and split of the records gives the same state.

Hypothesis makes the records as devices write them (checks with tags, unchecks that remove the
tags they saw, stamped field changes, pain readings added and removed, state paths), then joins
them in two different orders, with duplicates, and split over several files.
"""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from plumbline.storage.month_merge import JoinedMonth
from plumbline.storage.record_merge import join_entries, join_pain, make_record, plain_entry, plain_pain
from plumbline.storage.stamps import make
from plumbline.storage.state_merge import join_state

DEVICES = ["aaaaaaaa", "bbbbbbbb", "cccccccc"]
stamps = st.builds(make, st.integers(0, 50), st.integers(0, 3), st.sampled_from(DEVICES))


@st.composite
def entry_records(draw):
    """One device's record of a day, as device_writes makes them (or one from before devices)."""
    if draw(st.integers(0, 5)) == 0:
        return {"c": draw(st.integers(0, 5)), **({"n": "old"} if draw(st.booleans()) else {})}
    fields = {}
    for field, values in (("c", st.integers(0, 5)), ("s", st.booleans()), ("n", st.sampled_from(["", "sore", "fine"]))):
        if draw(st.booleans()):
            fields[field] = (draw(stamps), draw(values))
    tags = set(draw(st.lists(stamps, max_size=2)))
    return make_record(fields, tags, set(draw(st.lists(stamps, max_size=2))))


@st.composite
def pain_records(draw):
    readings = []
    for reading_id in draw(st.lists(st.sampled_from(["r1", "r2", "r3", "r4"]), min_size=1, max_size=3, unique=True)):
        level = int(reading_id[1]) + 2  # a reading never changes: its id decides its content
        reading = {"i": reading_id, "t": f"0{reading_id[1]}:00", "l": level}
        if draw(st.booleans()):
            reading["d"] = draw(stamps)
        readings.append(reading)
    return {"r": readings}


def joined(join, records):
    return functools.reduce(join, records)


def shuffled_twice(data, records):
    order = data.draw(st.permutations(records))
    doubled = data.draw(st.permutations([*records, *data.draw(st.lists(st.sampled_from(records), max_size=3))]))
    return order, doubled


@settings(max_examples=300, deadline=None)
@given(st.lists(entry_records(), min_size=1, max_size=6), st.data())
def test_a_day_joins_to_the_same_record_in_any_order_with_any_duplicates(records, data):
    order, doubled = shuffled_twice(data, records)
    first, second, third = joined(join_entries, records), joined(join_entries, order), joined(join_entries, doubled)
    assert plain_entry(first) == plain_entry(second) == plain_entry(third)
    assert plain_entry(join_entries(first, first)) == plain_entry(first)
    assert join_entries(join_entries(first, first), first) == join_entries(first, first)


@settings(max_examples=200, deadline=None)
@given(st.lists(pain_records(), min_size=1, max_size=5), st.data())
def test_a_pain_day_joins_to_the_same_readings_in_any_order(records, data):
    order, doubled = shuffled_twice(data, records)
    first = joined(join_pain, records)
    assert plain_pain(first) == plain_pain(joined(join_pain, order)) == plain_pain(joined(join_pain, doubled))
    assert join_pain(first, first) == join_pain(first, {"r": []})
    shown = plain_pain(joined(join_pain, records))
    removed = {r["i"] for record in records for r in record["r"] if r.get("d")}
    kept = {r["i"] for record in records for r in record["r"]} - removed
    assert len(shown["r"] if shown else []) == len(kept)


state_records = st.dictionaries(st.sampled_from(["theme", "created", '["archived","knee-pillow"]']),
                                st.tuples(stamps, st.sampled_from(["2026-01-02", "2026-03-04", True, None])),
                                max_size=3)


@settings(max_examples=200, deadline=None)
@given(st.lists(state_records, min_size=1, max_size=5), st.data())
def test_the_state_joins_to_the_same_settings_in_any_order(records, data):
    order, doubled = shuffled_twice(data, records)
    assert joined(join_state, records) == joined(join_state, order) == joined(join_state, doubled)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["core-work", "knee-pillow"]), st.sampled_from(["01", "02"]),
                          entry_records()), min_size=1, max_size=8),
       st.integers(1, 4), st.data())
def test_a_month_split_over_any_files_reads_the_same(records, files, data):
    """The records of a month, dealt out over 1 to 4 files (devices, conflict copies) in any way."""
    def month_of(deal):
        datas = [{"months": {}} for _ in range(files)]
        for (habit, slot, record), where in zip(records, deal):
            docs = datas[where]["months"]
            docs[str(len(docs) + 1)] = {"key": f"{habit}|2026-11", "habit": habit, "month": "2026-11",
                                        "days": {slot: record}}
        return JoinedMonth("2026-11", data.draw(st.permutations(datas))).plain()

    one = month_of([0] * len(records))
    dealt = month_of(data.draw(st.lists(st.integers(0, files - 1), min_size=len(records), max_size=len(records))))
    assert _days(one) == _days(dealt)


def _days(month):
    return {doc["habit"]: doc["days"] for doc in month["months"].values()}


def test_an_uncheck_removes_only_the_checks_it_saw():
    """Add wins: device B unchecks what it saw (A's first check) while A checks again elsewhere."""
    first_check = {"c": 1, "h": make(1, 0, "aaaaaaaa")}
    uncheck_on_b = {"x": [make(1, 0, "aaaaaaaa")]}
    assert plain_entry(join_entries(first_check, uncheck_on_b)) is None
    check_on_c = {"c": 1, "h": make(2, 0, "cccccccc")}
    assert plain_entry(joined(join_entries, [first_check, uncheck_on_b, check_on_c])) == {"c": 1}


@given(st.lists(st.text(), min_size=2, max_size=4), st.sampled_from(["", " ", "  ", "\n"]))
def test_a_state_path_reads_back_as_json_reads_it_however_it_is_spelled(parts, spacing):
    """_parts splits the paths path_of writes without json.loads; any other spelling (escapes,
    quotes, brackets or separators inside the parts, other spacing) must read as json.loads reads it."""
    import json

    from plumbline.storage.state_merge import _parts, path_of

    written = path_of(*parts)
    assert _parts(written) == tuple(parts)
    respaced = "[" + f",{spacing}".join(json.dumps(part, ensure_ascii=False) for part in parts) + "]"
    assert _parts(respaced) == tuple(json.loads(respaced))
