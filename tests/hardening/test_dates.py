"""Issue 12, item 6: what the program accepts it can always show.

A check-in dated in the year 500 used to be accepted, and from then on `today` and the app died
with `unexpected ValueError: year -704`; dates near 0001-01-01 and 9999-12-31 overflowed.
"""

import pytest

from tests.conftest import MONDAY

# (command, why it is refused) - each with exit 2 and nothing written.
REFUSED = [
    ("check", "knee-pillow", "--date", "0500-06-01"),
    ("check", "knee-pillow", "--date", "1899-12-31"),
    ("check", "knee-pillow", "--date", "0001-01-01"),
    ("check", "knee-pillow", "--date", "9999-12-31"),
    ("check", "knee-pillow", "--date", "2026-11-24"),  # tomorrow
    ("uncheck", "knee-pillow", "--date", "0001-01-01"),
    ("pain", "3", "--date", "9999-12-31"),
    ("pain", "3", "--date", "0001-01-01"),
    ("skip", "knee-pillow", "--date", "0001-01-01"),
    ("skip", "knee-pillow", "--date", "9999-12-31"),
    ("today", "--date", "0001-01-01"),
    ("today", "--date", "9999-12-31"),
    ("week", "--date", "0001-01-01"),
    ("week", "--date", "9999-12-31"),
    ("remind", "--list", "--from", "9999-12-31T23:59"),
    ("remind", "--list", "--from", "0001-01-01T00:00"),
]


@pytest.mark.parametrize("args", REFUSED, ids=lambda a: " ".join(a))
def test_a_date_out_of_range_is_bad_input_and_writes_nothing(cli, data_dir, args):
    result = cli(*args)
    assert result.code == 2, result.err
    assert result.err.startswith("plumbline: error:") and result.err.count("\n") == 1
    assert "unexpected" not in result.err
    assert not (data_dir / "entries").exists()


def test_the_edges_of_the_range_are_accepted_and_shown(cli):
    assert cli("check", "knee-pillow", "--date", "1900-01-01").code == 0
    assert cli("pain", "2", "--date", "1900-01-01").code == 0
    for args in (("today",), ("today", "--date", "1900-01-01"), ("week", "--date", "1900-01-01"),
                 ("week", "--date", "9998-12-31"), ("today", "--date", "9998-12-31"), ("streaks",),
                 ("export",), ("export", "--format", "csv")):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    assert cli("remind", "--list", "--from", "9998-12-31T23:00").code == 0


def test_a_record_from_before_the_range_already_stored_is_reported_not_a_crash(cli, data_dir):
    """A data dir written by a plumbline that still took the year 500: one line naming the file."""
    assert cli("check", "knee-pillow", "--date", MONDAY.isoformat()).code == 0
    bad = data_dir / "entries" / "0500-06.json"
    bad.write_text('{"_meta": {"1": {"schema": 2, "month": "0500-06"}}, "months": {"1": {"key": "knee-pillow|0500-06",'
                   ' "habit": "knee-pillow", "month": "0500-06", "days": {"01": {"c": 1}}}}}')
    before = bad.read_bytes()
    for args in (("today",), ("week",), ("streaks",), ("export",)):
        result = cli(*args)
        assert result.code == 1 and str(bad) in result.err and "unexpected" not in result.err, result.err
    assert cli("check", "core-work").code == 0  # a change to another month's file still works
    assert bad.read_bytes() == before
