"""`week`, `today` and `streaks` fit the width they are given (COLUMNS): names give way, with
an ellipsis, before any row wraps (issue 17)."""

import pytest

from tests.conftest import write_habits

LONG = "Stand up and walk to the window and back"  # 40 characters
WIDE = "\u81c0\u90e8\u30b9\u30c8\u30ec\u30c3\u30c1\u3068\u9aa8\u76e4\u306e\u904b\u52d5"  # 13 CJK characters: 26 columns


@pytest.fixture
def long_names(cli, data_dir):
    write_habits(data_dir, {"window-walk": LONG, "wide": WIDE})
    cli("check", "window-walk", "--date", "2026-11-23")
    cli("check", "posture-breaks", "--count", "3")
    cli("pain", "10", "--date", "2026-11-24", now="2026-11-25T10:00:00")
    return cli


def columns(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("command", ["week", "today", "streaks"])
def test_every_line_fits(long_names, command, width):
    result = long_names(command, env={"COLUMNS": str(width)}, now="2026-11-25T10:00:00")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) > 10
    assert max(map(columns, lines)) <= width, result.out
    row = next(line for line in lines if "Stand up" in line)
    if width == 40:
        assert LONG not in row and "\u2026" in row  # shortened, and says so
    else:
        assert LONG in row
    assert any(WIDE[:4] in line for line in lines)


def test_a_narrow_week_keeps_every_day_and_tally(long_names):
    lines = long_names("week", env={"COLUMNS": "40"}, now="2026-11-25T10:00:00").out.splitlines()
    assert lines[1].split() == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    walk = next(line for line in lines if line.startswith("Stand up"))
    assert walk.split()[-4:] == ["x", "!", "_", "1/7"]  # done Monday, missed Tuesday, Wednesday to do
    assert walk.index("x") == lines[1].index("Mo")
    assert lines[-1].split() == ["pain", "-", "10", "-", "-", "-", "-", "-"]


def test_today_keeps_the_detail_readable_at_40(long_names):
    lines = long_names("today", env={"COLUMNS": "40"}).out.splitlines()
    breaks = next(line for line in lines if "Posture breaks" in line)
    assert breaks.endswith("(3/6 breaks)")
