"""Days, times of day and habit ids as a user writes them: one rule each, for the CLI, the app,
the habit files and the imports alike."""

import datetime as dt

import pytest

from plumbline.domain.days import clock_time, named_day
from plumbline.domain.habit import new_id
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


@pytest.mark.parametrize(("text", "time"), [("22:00", dt.time(22)), ("7:30", dt.time(7, 30)), (" 07:05 ", dt.time(7, 5)),
                                            ("00:00", dt.time(0)), ("23:59", dt.time(23, 59))])
def test_a_time_of_day_is_hh_mm(text, time):
    assert clock_time(text) == time


@pytest.mark.parametrize("text", ["24:00", "12:60", "7:5", "007:30", "22", "22:00:00", "22.00", "", ":30",
                                  "\u0662\u0662:00", "-1:30"])
def test_anything_else_is_not_a_time(text):
    with pytest.raises(ValueError):
        clock_time(text)


def test_a_number_where_a_time_should_be_is_no_text():
    with pytest.raises(TypeError):
        clock_time(2200)  # type: ignore[arg-type]


def test_a_new_id_comes_from_the_name_and_is_never_taken():
    assert new_id("Hip stretch, both sides!", set()) == "hip-stretch-both-sides"
    assert new_id("Hip stretch", {"hip-stretch", "hip-stretch-2"}) == "hip-stretch-3"
    assert new_id("体操", set()) == "habit"
    assert new_id("体操", {"loop-habit-003"}, fallback="loop-habit-003") == "loop-habit-003-2"
