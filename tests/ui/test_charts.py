"""The text charts: what each cell shows, and few enough spans to draw quickly."""

from __future__ import annotations

import datetime as dt

from plumbline.domain.entries import Status
from plumbline.ui import glyphs
from plumbline.ui.widgets.charts import bar_chart, heat_map

LAST = dt.date(2026, 11, 23)  # a Monday


def cells(text) -> list[tuple[str, str]]:
    """Each character with the style it is drawn in."""
    styles = [""] * len(text.plain)
    for span in text.spans:
        for index in range(span.start, span.end):
            styles[index] = str(span.style)
    return list(zip(text.plain, styles, strict=True))


def test_a_heat_map_draws_each_day_in_its_status_and_the_cursor_reversed():
    statuses = {LAST - dt.timedelta(days=n): (Status.DONE if n % 3 else Status.MISSED) for n in range(364)}
    cursor = LAST - dt.timedelta(days=7)
    rows = cells(heat_map(statuses, LAST, cursor=cursor))
    lines = heat_map(statuses, LAST, cursor=cursor).plain.split("\n")
    monday_row = lines[1]
    assert monday_row.startswith("Mo  ") and len(monday_row) == 4 + 52
    # Mondays, oldest first: this Monday (n = 0) is missed, the one before (n = 7) done.
    assert monday_row[-1] == "□" and monday_row[-2] == "■"
    start = len(lines[0]) + 1
    assert rows[start + 4 + 51][1] == glyphs.STYLES[Status.MISSED]
    assert "reverse" in rows[start + 4 + 50][1] and "reverse" not in rows[start + 4 + 49][1]


def test_a_year_of_done_days_is_a_span_a_row_not_a_span_a_day():
    sunday = LAST + dt.timedelta(days=6)  # the map's last day: a whole year of whole weeks
    statuses = {sunday - dt.timedelta(days=n): Status.DONE for n in range(364)}
    text = heat_map(statuses, sunday)
    assert len(text.spans) < 40  # 7 rows of 52 days each: 364 spans were a frame of drawing
    assert text.plain.count("■") == 364 + 1  # and the legend's


def test_a_bar_chart_is_a_span_a_row():
    text = bar_chart([0.0, 0.5, 1.0, 0.25], height=4)
    rows = text.plain.split("\n")
    assert [row[:4] for row in rows] == ["  █ ", "  █ ", " ██ ", " ███"]
    assert len(text.spans) <= 2 * 4
