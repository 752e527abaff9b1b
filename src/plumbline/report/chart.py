"""The report's chart as inline SVG: every pain reading over the period, each week's highest and
median, and under it, on the same days, a strip per habit showing the days it was done.

Plain SVG written by hand: the chart is a few hundred shapes of four kinds, and a plotting
library would bring more code than the chart has (docs/report.md says which were weighed).
Text from data goes through `esc`; numbers are formatted here, never taken as text from data.
"""

from __future__ import annotations

import datetime as dt

from plumbline.domain.entries import Status
from plumbline.domain.report import HabitReport, Report
from plumbline.report.text import esc, short

WIDTH = 720
LEFT = 170  # room for the habit names of the strips
RIGHT = WIDTH - 12
TOP = 10
BOTTOM = 124  # the pain axis: 0 at BOTTOM, 10 at TOP
ROW = 11  # one habit strip
MARK = 7  # a day's square in a strip
# Colours that hold in greyscale print too: the dark ones are dark, the light ones light.
READING = "#1f4e79"
HIGHEST = "#b3261e"
MEDIAN = "#e08a00"
DONE = "#2e7d32"
MISSED = "#f2b8b5"
SKIPPED = "#9e9e9e"
WEEK_BAND = "#f1f4f8"
GRID = "#d0d4da"


def pain_chart(report: Report) -> str:
    days = report.days()
    scale = _Scale(days[0], (RIGHT - LEFT) / len(days))
    strips_top = BOTTOM + 20
    height = strips_top + ROW * len(report.habits) + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="chart-title">',
             '<title id="chart-title">Pain readings over the period, with each week\'s highest and median, '
             'and the days each habit was done</title>']
    parts += _weeks(report, scale, height)
    parts += _axis()
    parts += _readings(report, scale)
    parts += _week_lines(report, scale)
    for row, habit in enumerate(report.habits):
        parts += _strip(habit, scale, strips_top + row * ROW)
    parts.append("</svg>")
    return "\n".join(parts)


class _Scale:
    def __init__(self, first: dt.date, day_width: float) -> None:
        self.first = first
        self.day = day_width

    def x(self, day: dt.date, time: dt.time | None = None) -> float:
        within = 0.5 if time is None else (time.hour * 60 + time.minute) / 1440
        return LEFT + ((day - self.first).days + within) * self.day


def _y(level: float) -> float:
    return BOTTOM - level * (BOTTOM - TOP) / 10


def _weeks(report: Report, scale: _Scale, height: int) -> list[str]:
    """Every other week shaded and a date under each Monday (the week's figures are in the table)."""
    parts = []
    width = 7 * scale.day
    for index, week in enumerate(report.pain_weeks):
        x = scale.x(week.start) - scale.day / 2
        if index % 2 == 0:
            parts.append(f'<rect x="{x:.1f}" y="{TOP}" width="{width:.1f}" height="{height - TOP - 4}" fill="{WEEK_BAND}"/>')
        parts.append(f'<text x="{x + 2:.1f}" y="{BOTTOM + 11}" class="tick">{week.start:%-d %b}</text>')
    return parts


def _axis() -> list[str]:
    parts = []
    for level in range(0, 11, 2):
        y = _y(level)
        parts.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="0.6"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 3:.1f}" class="tick" text-anchor="end">{level}</text>')
    parts.append(f'<text x="{LEFT - 24}" y="{(TOP + BOTTOM) / 2:.1f}" class="axis" text-anchor="end">pain 0-10</text>')
    return parts


def _readings(report: Report, scale: _Scale) -> list[str]:
    dots = "".join(f"M{scale.x(day, r.time):.1f} {_y(r.level):.1f}h0" for day, r in report.readings)
    if not dots:
        return [f'<text x="{(LEFT + RIGHT) / 2:.0f}" y="{(TOP + BOTTOM) / 2:.0f}" class="axis" '
                'text-anchor="middle">no pain readings in this period</text>']
    # One path of zero-length segments with round caps: a dot per reading, a few bytes each.
    return [f'<path d="{dots}" stroke="{READING}" stroke-width="5" stroke-linecap="round" fill="none"/>']


def _week_lines(report: Report, scale: _Scale) -> list[str]:
    parts = []
    for week in report.pain_weeks:
        if not week.levels:
            continue
        x1, x2 = scale.x(week.start) - scale.day / 2, scale.x(week.start) + 6.5 * scale.day
        for level, colour, dash in ((week.highest, HIGHEST, ""), (week.median, MEDIAN, ' stroke-dasharray="5 3"')):
            y = _y(level or 0)
            parts.append(f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}" '
                         f'stroke-width="2"{dash}/>')
    return parts


def _strip(habit: HabitReport, scale: _Scale, top: float) -> list[str]:
    """The habit's name and a square for each day: filled when done, pale red when missed, grey
    for a rest day; a day it was not due stays empty."""
    statuses: dict[Status, list[str]] = {Status.DONE: [], Status.MISSED: [], Status.SKIPPED: []}
    for week in habit.weeks:
        for day, status in week.days if week is not None else ():
            if status in statuses:
                x = scale.x(day) - MARK / 2
                statuses[status].append(f"M{x:.1f} {top:.1f}h{MARK}v{MARK}h-{MARK}z")
    parts = [f'<text x="{LEFT - 6}" y="{top + MARK - 0.5:.1f}" class="habit" text-anchor="end">'
             f'{esc(short(habit.habit.name, 30))}</text>']
    for status, colour in ((Status.DONE, DONE), (Status.MISSED, MISSED), (Status.SKIPPED, SKIPPED)):
        if statuses[status]:
            parts.append(f'<path d="{"".join(statuses[status])}" fill="{colour}"/>')
    return parts


def legend() -> str:
    """The chart's key, in HTML beside it so it wraps on a narrow page (colours in report.css)."""
    items = [("reading", "a pain reading"), ("highest", "the week's highest"), ("median", "the week's median"),
             ("done", "habit done"), ("missed", "missed"), ("skipped", "rest day")]
    return " ".join(f'<span class="key key-{kind}"></span>{text}' for kind, text in items)


