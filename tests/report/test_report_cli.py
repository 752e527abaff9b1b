"""`plumbline report` through real subprocesses: its numbers against `week --json`, the file it
writes (where, how, with what mode), escaping, an empty period and archived habits."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

import pytest

from bench.history import generate
from plumbline.app.tracker import Tracker
from plumbline.domain.entries import Entry
from plumbline.domain.habit import Habit, Kind, Schedule
from tests.conftest import MONDAY
from tests.report.page import text_and_tags, week_cells

DEFAULT_FILE = "plumbline-report-2026-09-28-2026-11-22.html"  # the 8 whole weeks before MONDAY


def _more_schedules(tracker: Tracker) -> None:
    """A monthly and an every-3-days habit with history, beside generate()'s daily, weekly and weekday ones."""
    for habit in (Habit("monthly-walk", "Long walk", "movement", Kind.DO, Schedule(per_month=4), custom=True),
                  Habit("third-day", "Hip stretch", "mobility", Kind.DO, Schedule(every_days=3), custom=True)):
        tracker.save_habit(habit)
    days = [MONDAY - dt.timedelta(days=back) for back in range(1, 100)]
    tracker.store.put_many([("monthly-walk", Entry(d)) for d in days if d.day % 9 == 0]
                           + [("third-day", Entry(d)) for d in days if d.toordinal() % 4 == 0], [])


def test_report_numbers_are_week_json_numbers_for_every_week(cli, data_dir, tmp_path):
    tracker = generate(data_dir, MONDAY, days=120, habits=16)
    _more_schedules(tracker)
    result = cli("report", "--output", str(tmp_path / "r.html"))
    assert result.code == 0, result.err
    cells = week_cells((tmp_path / "r.html").read_text(encoding="utf-8"))
    mondays = [dt.date(2026, 9, 28) + dt.timedelta(weeks=i) for i in range(8)]
    compared = 0
    for monday in mondays:
        week = json.loads(cli("week", "--json", "--date", monday.isoformat()).out)
        assert {h["id"] for h in week["habits"]} == set(cells)
        for habit in week["habits"]:
            assert cells[habit["id"]][monday.isoformat()] == f"{habit['done']}/{habit['target']}", (habit["id"], monday)
            compared += 1
    assert compared == 8 * 18  # 16 generated habits and the two added


def test_the_default_file_is_named_by_its_weeks_in_the_current_folder_and_its_path_printed(cli, tmp_path,
                                                                                           monkeypatch):
    cli("check", "knee-pillow", "--date", "2026-11-20")
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)  # the child runs where the test is
    for output in ((), ("--output", "-")):
        result = cli("report", *output)
        assert result.code == 0, result.err
        assert result.out.strip() == str(folder / DEFAULT_FILE)
    assert sorted(p.name for p in folder.iterdir()) == [DEFAULT_FILE]  # written whole, no temporary left


def test_the_file_is_private_and_replaced_whole(cli, tmp_path):
    target = tmp_path / "report.html"
    target.write_text("an older report that is much longer than anything " * 5000)
    os.chmod(target, 0o644)
    old_inode = target.stat().st_ino
    old_umask = os.umask(0)  # the most permissive umask: the file must be 0600 all the same
    try:
        result = cli("report", "--output", str(target))
    finally:
        os.umask(old_umask)
    assert result.code == 0, result.err
    info = target.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600
    assert info.st_ino != old_inode  # a new file renamed over the old one, never written in place
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "older report" not in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tmp-")] == []


@pytest.mark.parametrize(("args", "named"), [
    (("--from", "2026-11-10", "--to", "2026-11-01"), "--from 2026-11-10 is after --to 2026-11-01"),
    (("--from", "2026-13-01"), "bad date '2026-13-01'"),
    (("--to", "2026-12-01"), "after today"),
    (("--from", "2024-01-01", "--to", "2026-11-01"), "at most 26"),
    (("--output", "missing/folder/r.html"), "the folder missing/folder does not exist"),
])
def test_bad_input_is_one_line_and_exit_2(cli, args, named, tmp_path):
    result = cli("report", *args)
    assert result.code == 2
    assert result.err.startswith("plumbline: error: ") and named in result.err and result.err.count("\n") == 1
    assert not list(tmp_path.glob("*.html"))


def test_hostile_names_and_notes_never_reach_the_html_raw(cli, data_dir, tmp_path):
    hostile = '<script>alert(1)</script> & "quotes" \x1b]0;title\x07 <img src=x onerror=alert(2)>'
    name = '<script>x()</script>"\x1b]0;t\x07'  # a name may have 40 characters
    habits = data_dir / "habits"
    habits.mkdir()
    (habits / "evil.toml").write_text(
        'id = "evil"\nname = ' + json.dumps(name) + '\ncategory = "movement"\nkind = "do"\n', encoding="utf-8")
    assert cli("check", "evil", "--date", "2026-11-18", "--note", hostile).code == 0
    assert cli("pain", "4", "--date", "2026-11-18", "--note", "</td></tr></table>" + hostile).code == 0
    result = cli("report", "--output", str(tmp_path / "r.html"))
    assert result.code == 0, result.err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html
    assert "\x1b" not in html and "\x07" not in html
    text, tags = text_and_tags(html)
    assert "<script>alert(1)</script>" in text and "<script>x()</script>" in text  # shown as text, to be read
    assert "\\x1b]0;title\\x07" in text  # controls written out, as the terminal shows them
    assert "script" not in tags and "img" not in tags
    assert tags.count("table") == html.count("</table>")  # the note did not close a table early


def test_an_empty_period_says_there_is_nothing_yet(cli, tmp_path):
    # A data dir begun today: the 8 weeks before it hold nothing and asked for nothing.
    cli("check", "knee-pillow")
    result = cli("report", "--output", str(tmp_path / "r.html"))
    assert result.code == 0, result.err
    text, tags = text_and_tags((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert "Nothing recorded between 28 September 2026 and 22 November 2026 yet" in text
    assert "table" not in tags and "svg" not in tags
    assert "It is not a diagnosis" in text  # the caution is there even so


def test_habits_archived_in_the_period_still_appear(cli, data_dir, tmp_path):
    tracker = Tracker(data_dir)
    tracker.store.ensure_created(dt.date(2026, 9, 1))
    for back in range(1, 60):
        day = MONDAY - dt.timedelta(days=back)
        tracker.check("core-work", day, today=MONDAY) if day.weekday() in (0, 2, 4) else None
        tracker.check("glute-work", day, today=MONDAY) if day.weekday() in (1, 3) else None
    tracker.set_archived("core-work", True, dt.date(2026, 11, 4))  # the day is kept now
    tracker.set_archived("glute-work", True)  # as older data has it: no day
    tracker.set_archived("lift-mechanics", True, dt.date(2026, 8, 1))  # before the period: left out
    result = cli("report", "--output", str(tmp_path / "r.html"))
    assert result.code == 0, result.err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    cells = week_cells(html)
    assert "lift-mechanics" not in cells
    core = cells["core-work"]
    assert core["2026-10-26"] == "3/3" and core["2026-11-02"] == "3/3"  # up to the week it was archived
    assert core["2026-11-09"] == "·" and core["2026-11-16"] == "·"  # not counted after
    assert cells["glute-work"]["2026-11-16"] == "2/3"  # its last check-ins were that week
    text, _ = text_and_tags(html)
    assert "Core and pelvic floor: archived on 4 Nov 2026" in " ".join(text.split())
    assert "Glute work: archived on a day not recorded" in " ".join(text.split())


def test_eight_weeks_of_ten_years_of_fifty_habits_stay_under_a_megabyte(cli, data_dir, tmp_path):
    generate(data_dir, MONDAY, days=3652, habits=50)
    result = cli("report", "--output", str(tmp_path / "r.html"))
    assert result.code == 0, result.err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert len(html.encode("utf-8")) < 1024 * 1024
    assert len(week_cells(html)) == 50
