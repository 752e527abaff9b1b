"""Small text charts: a multi-row bar chart, a one-line pain sparkline, a year heat map."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import groupby
from operator import itemgetter

from rich.text import Text

from plumbline.domain.entries import Status
from plumbline.ui import glyphs

EIGHTHS = " ▁▂▃▄▅▆▇█"
SPARK = "▁▂▃▄▅▆▇█"
# The same steps in ASCII, for the plain marks (glyphs.py).
ASCII_EIGHTHS = " .,:;=+*#"
ASCII_SPARK = "_.-=+*#@"


def bar_chart(values: Sequence[float], height: int = 5, style: str = "green") -> Text:
    """Values in 0..1, one column each, drawn `height` rows high with eighth-block tops."""
    steps = ASCII_EIGHTHS if glyphs.plain() else EIGHTHS
    text = Text()
    for row in range(height, 0, -1):
        tops = (max(0.0, min(1.0, value)) * height - (row - 1) for value in values)
        text.append("".join(steps[8 if filled >= 1 else max(0, int(filled * 8))] for filled in tops), style=style)
        label = {height: " 100%", 1: " 0%"}.get(row, "")
        text.append(label + "\n", style="dim")
    text.rstrip()
    return text


def styled_runs(text: Text, cells: Iterable[tuple[str, str]]) -> None:
    """Append (character, style) cells, one span for each run of a style: Textual renders a
    span at a time, and a year of cells one span each was most of the cost of drawing it."""
    for style, run in groupby(cells, key=itemgetter(1)):
        text.append("".join(char for char, _ in run), style=style)


def pain_sparkline(levels: Sequence[int | None]) -> Text:
    """One glyph per day, higher for more pain; a dot where nothing was logged."""
    text = Text()
    for level in levels:
        if level is None:
            text.append(glyphs.mark(Status.NOT_DUE), style="grey50")
        else:
            colour = "green" if level <= 3 else "yellow" if level <= 6 else "red"
            text.append((ASCII_SPARK if glyphs.plain() else SPARK)[min(7, level * 8 // 11)], style=colour)
    return text


# The heat map's glyphs: squares read as a calendar; colours are the checklist's. Today while
# still to do keeps the checklist's own mark: an empty square would read as missed.
HEAT_CHARS = {Status.DONE: "■", Status.MISSED: "□"}


def heat_cell(status: Status) -> tuple[str, str]:
    square = None if glyphs.plain() else HEAT_CHARS.get(status)
    return square or glyphs.mark(status), glyphs.STYLES[status]


def heat_map(statuses: dict[dt.date, Status], last_day: dt.date, weeks: int = 52,
             cursor: dt.date | None = None) -> Text:
    """A calendar year as weeks across and weekdays down, like a contributions graph; the
    `cursor` day is drawn in reverse."""
    first_monday = last_day - dt.timedelta(days=last_day.weekday()) - dt.timedelta(weeks=weeks - 1)
    labels = [" "] * weeks
    month = None
    for week in range(weeks):
        monday = first_monday + dt.timedelta(weeks=week)
        if monday.month != month and week + 3 <= weeks:
            labels[week : week + 3] = f"{monday:%b}"
        month = monday.month
    text = Text("    " + "".join(labels), style="dim")
    text.append("\n")
    for weekday, name in enumerate(("Mo", "", "We", "", "Fr", "", "Su")):
        text.append(f"{name:<4}", style="dim")
        days = (first_monday + dt.timedelta(weeks=week, days=weekday) for week in range(weeks))
        styled_runs(text, (_heat_day(statuses, day, last_day, cursor) for day in days))
        text.append("\n")
    text.append("    ")
    for status in (Status.DONE, Status.PENDING, Status.MISSED, Status.SKIPPED, Status.NOT_DUE):
        char, style = heat_cell(status)
        text.append(char, style=style)
        text.append(f" {glyphs.WORDS[status]}  ", style="dim")
    return text


def _heat_day(statuses: dict[dt.date, Status], day: dt.date, last_day: dt.date, cursor: dt.date | None) -> tuple[str, str]:
    char, style = heat_cell(statuses.get(day, Status.FUTURE if day > last_day else Status.NOT_DUE))
    if day == cursor:
        return char if char.strip() else "_", f"{style} reverse".strip()
    return char, style
