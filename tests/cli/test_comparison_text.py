"""`plumbline week` says "together, not cause" and the bias once, under its comparisons (issue 14, item 2b)."""

import datetime as dt

from plumbline.app.tracker import Tracker
from tests.conftest import BUILTIN_HABITS


def test_week_text_compares_by_done_label_and_says_the_caveat_once(cli, data_dir):
    tracker = Tracker(data_dir, BUILTIN_HABITS)
    for back in range(1, 31):
        day = dt.date(2026, 10, back)
        if back % 2:
            tracker.check("knees-uncrossed", day)
            tracker.check("knee-pillow", day)
        tracker.log_pain(day, 2 if back % 2 else 5)
    result = cli("week", "--date", "2026-10-31", env={"COLUMNS": "80"})
    assert result.code == 0, result.err
    text = " ".join(result.out.split())  # the sentences are wrapped at 80 columns
    assert 'On "Kept knees uncrossed" days your pain averaged 2.0 (15 days); on other days, 5.0 (15 days).' in text
    assert 'On "Slept with a knee pillow" days' in text
    assert text.count("not what caused what") == 1 and "told to stop" in text
    assert "without no crossing" not in text


def test_week_without_comparisons_has_no_caveat(cli):
    result = cli("week")
    assert result.code == 0 and "caused" not in result.out
