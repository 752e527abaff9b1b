"""week, streaks and pain through real subprocesses."""

import json

import pytest

from plumbline.app.tracker import Tracker
from tests.cli.test_cli import one_error_line
from tests.conftest import BUILTIN_HABITS


def test_week_json_has_the_contract_shape(cli):
    cli("check", "knee-pillow", "--date", "2026-11-23")
    cli("skip", "knee-pillow", "--date", "2026-11-24")
    cli("check", "core-work", "--date", "2026-11-24", now="2026-11-24T20:00:00")  # a record needs its day to have come
    cli("pain", "3", "--date", "2026-11-24", "--note", "after a long drive", now="2026-11-24T20:00:00")
    result = cli("week", "--json", "--date", "2026-11-25", now="2026-11-25T20:00:00")
    assert result.code == 0, result.err
    week = json.loads(result.out)
    assert (week["start"], week["end"]) == ("2026-11-23", "2026-11-29")
    pillow = next(h for h in week["habits"] if h["id"] == "knee-pillow")
    assert [d["status"] for d in pillow["days"]] == ["done", "skipped", "pending", "future", "future", "future", "future"]
    assert [d["date"] for d in pillow["days"]][0] == "2026-11-23" and len(pillow["days"]) == 7
    assert {"id", "name", "days", "done", "target"} <= set(pillow)
    core = next(h for h in week["habits"] if h["id"] == "core-work")
    assert (core["done"], core["target"]) == (1, 3)
    assert [p["level"] for p in week["pain"]] == [None, 3, None, None, None, None, None]


def test_week_of_a_past_date_shows_what_was_recorded(cli):
    cli("check", "knees-uncrossed", "--date", "2026-11-16")
    week = json.loads(cli("week", "--json", "--date", "2026-11-18").out)
    days = next(h for h in week["habits"] if h["id"] == "knees-uncrossed")["days"]
    assert days[0]["status"] == "done" and days[1]["status"] == "missed"
    assert "future" not in {d["status"] for d in days}


def test_streaks_json(cli):
    for day in ("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"):
        cli("check", "gentle-mobility", "--date", day)
    data = json.loads(cli("streaks", "--json").out)
    mobility = next(h for h in data["habits"] if h["id"] == "gentle-mobility")
    assert (mobility["current"], mobility["best"]) == (4, 4)
    assert 0 < mobility["strength"] < 1
    assert {"id", "name", "current", "best", "strength"} <= set(mobility)


def test_several_pain_readings_a_day_are_kept_with_their_times_and_notes(cli):
    assert cli("pain", "6", now="2026-11-23T08:05:00").out.strip() == "Pain 6/10 logged for 2026-11-23 at 08:05"
    result = cli("pain", "4", "--time", "14:30", "--note", "better after the towel", "--trigger", "sitting",
                 "--trigger", "bending")
    assert result.out.strip() == "Pain 4/10 logged for 2026-11-23 at 14:30 (2 readings that day, the highest 6)"
    cli("pain", "2", "--date", "2026-11-24", now="2026-11-25T09:00:00")  # a past day: no time unless given
    week = json.loads(cli("week", "--json", now="2026-11-25T09:00:00").out)
    monday, tuesday = week["pain"][0], week["pain"][1]
    assert monday["level"] == 6  # the day's figure is its highest reading
    assert monday["readings"] == [{"time": "08:05", "level": 6, "note": "", "triggers": []},
                                  {"time": "14:30", "level": 4, "note": "better after the towel",
                                   "triggers": ["sitting", "bending"]}]
    assert tuesday["readings"] == [{"time": None, "level": 2, "note": "", "triggers": []}]
    exported = json.loads(cli("export").out)["pain"]
    assert [(p["date"], p["time"], p["level"]) for p in exported] == [
        ("2026-11-23", "08:05", 6), ("2026-11-23", "14:30", 4), ("2026-11-24", None, 2)]


def test_a_trigger_that_is_not_one_of_the_articles_is_bad_input(cli):
    result = cli("pain", "3", "--trigger", "skiing")
    assert result.code == 2
    one_error_line(result, "skiing", "sitting")


def test_a_pain_time_that_is_no_time_is_bad_input(cli):
    result = cli("pain", "3", "--time", "25:00")
    assert result.code == 2
    one_error_line(result, "--time", "25:00", "HH:MM")


@pytest.mark.parametrize("level", ["11", "-1", "high"])
def test_pain_outside_the_scale_is_bad_input(cli, level):
    result = cli("pain", level) if not level.startswith("-") else cli("pain", "--", level)
    assert result.code == 2
    one_error_line(result, level)


def test_week_bad_date(cli):
    result = cli("week", "--date", "next week")
    assert result.code == 2
    one_error_line(result, "next week")


def test_day_start_hour_counts_a_late_night_for_the_evening_before(cli, data_dir):
    state = {"schema": 2, "reminder_settings": {"day_starts_at": "03:00"}}
    (data_dir / "plumbline.json").write_text(json.dumps({"meta": {"1": state}}))
    cli("check", "knee-pillow", now="2026-11-24T01:30:00")
    data = json.loads(cli("today", "--json", now="2026-11-24T01:45:00").out)
    assert data["date"] == "2026-11-23"
    assert next(h for h in data["habits"] if h["id"] == "knee-pillow")["status"] == "done"


def week_total(week: dict) -> tuple[int, int]:
    """Done against target over the week, as `week --json` gives each habit's (the app's rule:
    more check-ins than a habit asks add nothing)."""
    return sum(min(h["done"], h["target"]) for h in week["habits"]), sum(h["target"] for h in week["habits"])


def test_week_text_counts_done_against_target_as_the_app_and_the_json_do(cli, data_dir):
    Tracker(data_dir, builtin_dir=BUILTIN_HABITS).store.update_meta(lambda meta: meta.update(created="2026-11-01"))
    for habit in ("knee-pillow", "knees-uncrossed", "core-work"):
        cli("check", habit, "--date", "2026-11-17", now="2026-11-24T20:00:00")
    cli("check", "knee-pillow", "--date", "2026-11-23", now="2026-11-24T20:00:00")
    for date, tail in (("2026-11-24", " so far"), ("2026-11-17", "")):
        head = cli("week", "--date", date, now="2026-11-24T20:00:00").out.splitlines()[0]
        done, target = week_total(json.loads(cli("week", "--json", "--date", date, now="2026-11-24T20:00:00").out))
        assert done > 0 and target >= 10, (date, done, target)
        assert f" - {done} of {target} done{tail}" in head, head
    assert head.endswith(f"({done / target:.0%})")  # a week that is over, and asked for ten or more
    this_week = cli("week", now="2026-11-24T20:00:00").out.splitlines()[0]
    assert "%" not in this_week  # the week in progress: counts only
