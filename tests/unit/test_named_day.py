"""The days a user names, in the CLI and in the app alike."""

import datetime as dt

from plumbline.domain.days import named_day
from tests.conftest import MONDAY


def test_named_day_is_the_one_parser_of_cli_and_app():
    assert named_day("today", MONDAY) == MONDAY
    assert named_day("yesterday", MONDAY) == MONDAY - dt.timedelta(days=1)
    assert named_day("2026-01-05", MONDAY) == dt.date(2026, 1, 5)
    for bad in ("20260105", "Today", "", "5 Jan"):
        try:
            named_day(bad, MONDAY)
        except ValueError:
            continue
        raise AssertionError(bad)
