"""Numeric habits with decimals: at least a target (count) or at most one (limit), as Loop has."""

import json

from tests.cli.test_cli import one_error_line

LIMIT = '''id = "cigarettes"
name = "Cigarettes"
category = "other"
kind = "limit"
target = 5
unit = "cigarettes"
'''
WALK = '''id = "walk"
name = "Walk"
category = "movement"
kind = "count"
target = 2.5
unit = "km"
'''


def write_habits(data_dir):
    folder = data_dir / "habits"
    folder.mkdir()
    (folder / "cigarettes.toml").write_text(LIMIT)
    (folder / "walk.toml").write_text(WALK)


def statuses(cli, habit_id):
    week = json.loads(cli("week", "--json", "--date", "2026-11-23", now="2026-11-26T20:00:00").out)
    return [d["status"] for d in next(h for h in week["habits"] if h["id"] == habit_id)["days"][:3]]


def test_a_limit_habit_is_met_at_or_under_its_target(cli, data_dir):
    write_habits(data_dir)
    assert cli("check", "cigarettes", "--date", "2026-11-23", "--count", "0", now="2026-11-26T20:00:00").code == 0
    cli("check", "cigarettes", "--date", "2026-11-24", "--count", "5", now="2026-11-26T20:00:00")
    result = cli("check", "cigarettes", "--date", "2026-11-25", "--count", "6", now="2026-11-26T20:00:00")
    assert result.out.strip() == "Cigarettes: 6 (at most 5) cigarettes on 2026-11-25"
    assert statuses(cli, "cigarettes") == ["done", "done", "missed"]
    listed = next(h for h in json.loads(cli("habits", "--json").out) if h["id"] == "cigarettes")
    assert (listed["kind"], listed["target"], listed["unit"]) == ("limit", 5, "cigarettes")


def test_decimals_add_up_and_reach_a_decimal_target(cli, data_dir):
    write_habits(data_dir)
    cli("check", "walk", "--date", "2026-11-23", "--count", "1.2", now="2026-11-26T20:00:00")
    result = cli("check", "walk", "--date", "2026-11-23", "--count", "1.3", now="2026-11-26T20:00:00")
    assert result.out.strip() == "Walk: 2.5 (2.5) km on 2026-11-23"  # 1.2 + 1.3 is 2.5, not 2.5000000000000004
    cli("check", "walk", "--date", "2026-11-24", "--count", "2.4", now="2026-11-26T20:00:00")
    assert statuses(cli, "walk") == ["done", "missed", "missed"]
    export = json.loads(cli("export").out)
    assert [(e["date"], e["count"]) for e in export["entries"] if e["habit"] == "walk"] == [
        ("2026-11-23", 2.5), ("2026-11-24", 2.4)]
    listed = next(h for h in json.loads(cli("habits", "--json").out) if h["id"] == "walk")
    assert listed["target"] == 2.5


def test_a_count_below_zero_above_the_most_or_not_a_number_is_refused(cli, data_dir):
    write_habits(data_dir)
    for bad in ("-1", "100001", "nan", "inf", "two"):
        result = cli("check", "walk", "--count", bad)
        assert result.code == 2, bad
        one_error_line(result, f"bad count '{bad}'", "from 0 to 100000")
    assert json.loads(cli("export").out)["entries"] == []
