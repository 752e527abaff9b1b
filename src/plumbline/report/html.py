"""The report as one HTML page: no script, nothing to fetch, the style inline, the chart SVG.

Every text from data passes `esc`. A Content-Security-Policy forbids every fetch and script
besides, so a name that slipped past could still neither load nor run anything.
"""

from __future__ import annotations

import datetime as dt
import statistics
from importlib import resources

from plumbline.domain.report import HabitReport, Report
from plumbline.domain.review import COMPARISON_CAVEAT, MIN_DAYS_EACH_SIDE, WeekRow, describe_comparison
from plumbline.domain.safety import REPORT_CAUTION
from plumbline.report import chart, sections
from plumbline.report.text import esc

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def page(report: Report, version: str) -> str:
    css = resources.files("plumbline.report").joinpath("report.css").read_text(encoding="utf-8")
    body = [_heading(report, version)]
    if report.empty:
        body.append(f'<p class="empty">Nothing recorded between {_day(report.period.start)} and '
                    f"{_day(report.period.end)} yet: no check-ins, no pain readings. Keep using plumbline "
                    "and make the report again before the next visit.</p>")
    else:
        body += [_summary(report), _habit_table(report), _pain(report), sections.details(report)]
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>plumbline report, {_span(report)}</title>\n<style>\n{css}</style>\n</head>\n"
            f'<body>\n<main>\n{chr(10).join(body)}\n</main>\n</body>\n</html>\n')


def _heading(report: Report, version: str) -> str:
    weeks = report.period.mondays
    numbers = f"weeks {weeks[0].isocalendar().week}–{weeks[-1].isocalendar().week}" if len(weeks) > 1 \
        else f"week {weeks[0].isocalendar().week}"
    return (f"<header>\n<h1>Habits and pain: {_span(report)}</h1>\n"
            f'<p class="meta">{len(weeks)} week{"s" if len(weeks) != 1 else ""} ({numbers}, Monday to Sunday). '
            f"Made on {_day(report.made)} with plumbline {esc(version)}, from what its user recorded.</p>\n"
            f'<p class="caution">{esc(REPORT_CAUTION)}</p>\n</header>')


def _summary(report: Report) -> str:
    items = []
    if report.target:
        items.append(("Habits", f"{report.done} of {report.target} check-ins asked were done "
                                f"({report.done / report.target:.0%}), across {len(report.habits)} habits"))
    levels = [r.level for _, r in report.readings]
    if levels:
        weeks = [w for w in report.pain_weeks if w.levels]
        trend = (f"; median {_g(weeks[0].median)} in the first week with readings, {_g(weeks[-1].median)} in the last"
                 if len(weeks) > 1 else "")
        items.append(("Pain", f"{len(levels)} reading{'s' if len(levels) != 1 else ''} on "
                              f"{len({d for d, _ in report.readings})} days, highest {max(levels)}{trend}"))
    else:
        items.append(("Pain", "no readings logged in this period"))
    stops = len(report.stops)
    items.append(('"This hurts"', f"{stops} routine{'s' if stops != 1 else ''} stopped because it hurt"
                  if stops else "no routine was stopped because it hurt"))
    rows = "".join(f"<div><dt>{name}</dt><dd>{text}</dd></div>" for name, text in items)
    return f'<section class="summary"><h2 class="hidden">Summary</h2><dl>{rows}</dl></section>'


def _habit_table(report: Report) -> str:
    weeks = report.period.mondays
    head = ("<tr><th scope=\"col\" class=\"name\">Habit</th>"
            + "".join(f'<th scope="col" title="{_day(m)}">W{m.isocalendar().week}<br>'
                      f'<span class="sub">{m:%-d %b}</span></th>' for m in weeks)
            + '<th scope="col">Overall</th><th scope="col">Streak<br><span class="sub">now / best</span></th>'
            '<th scope="col">Strength</th></tr>')
    rows, category = [], None
    for line in report.habits:
        if line.habit.category != category:
            category = line.habit.category
            rows.append(f'<tr class="category"><th colspan="{len(weeks) + 4}" scope="rowgroup">'
                        f"{esc(category.capitalize())}</th></tr>")
        rows.append(_habit_row(line, weeks))
    rows.append(_pain_row(report))
    return ('<section class="habits"><h2>Habits, week by week</h2>\n<table class="weeks">\n'
            f"<thead>{head}</thead>\n<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>\n"
            '<p class="note">Each week: check-ins done of those its schedule asked for (a rest day asks one less; '
            "a monthly habit shows its month so far), as in the app's weekly review. Strength: plumbline's own "
            "score of how steadily a habit has been kept lately (after Loop Habit Tracker's).</p></section>")


def _habit_row(line: HabitReport, mondays: list[dt.date]) -> str:
    habit = line.habit
    archived = f' <span class="tag">archived{" " + _day(line.archived_on) if line.archived_on else ""}</span>' \
        if habit.archived else ""
    cells = [_week_cell(week, monday) for week, monday in zip(line.weeks, mondays)]
    cells += [f'<td class="none" data-week="{m}">–</td>' for m in mondays[len(cells):]]  # weeks still to come
    streak = line.streaks
    unit = streak.short_unit
    # data-habit and data-week name the numbers for scripts (and the tests that check them).
    return (f'<tr data-habit="{esc(habit.id)}"><th scope="row" class="name">{esc(habit.name)}{archived} '
            f'<span class="sub">· {esc(habit.schedule.describe())}</span></th>{"".join(cells)}'
            f'<td class="overall">{_share(line.done, line.target)}</td>'
            f"<td>{streak.current}{unit} / {streak.best}{unit}</td><td>{line.strength:.0%}</td></tr>")


def _pain_row(report: Report) -> str:
    """Each week's pain in the habits' week columns, so a bad week lines up with its habits."""
    cells = "".join(f'<td data-pain="{w.start}">{w.highest} · {_g(w.median)}</td>' if w.levels
                    else f'<td class="none" data-pain="{w.start}">–</td>' for w in report.pain_weeks)
    levels = [r.level for _, r in report.readings]
    overall = f"{max(levels)} · {_g(statistics.median(levels))}" if levels else "–"
    return (f'<tr class="pain-row"><th scope="row" class="name">Pain <span class="sub">· highest · median '
            f'of the readings</span></th>{cells}<td class="overall">{overall}</td><td colspan="2"></td></tr>')


def _week_cell(week: WeekRow | None, monday: dt.date) -> str:
    if week is None:
        return f'<td class="none" data-week="{monday}" title="archived">·</td>'
    if week.target == 0:
        return f'<td class="none" data-week="{monday}">{week.done}/0</td>'
    share = min(week.done, week.target) / week.target
    level = "full" if share >= 1 else "most" if share >= 0.5 else "few"
    return f'<td class="{level}" data-week="{monday}">{week.done}/{week.target}</td>'


def _share(done: int, target: int) -> str:
    return f"{done}/{target} <span class=\"sub\">{done / target:.0%}</span>" if target else "–"


def _pain(report: Report) -> str:
    if report.comparisons:
        said = "".join(f"<li>{esc(describe_comparison(c))}</li>" for c in report.comparisons)
        compared = f'<ul class="comparisons">{said}</ul><p class="note">{esc(COMPARISON_CAVEAT)}</p>'
    else:
        compared = (f'<p class="note">Too few days with pain logged to compare any habit\'s days with the other '
                    f"days (it takes {MIN_DAYS_EACH_SIDE} of each in the period).</p>")
    return (f'<section class="pain"><h2>Pain and habits, day by day</h2>\n{chart.pain_chart(report)}\n'
            f'<p class="legend">{chart.legend()}</p>\n{compared}</section>')


def _span(report: Report) -> str:
    start, end = report.period.start, report.period.end
    first = f"{start:%-d %B}" if start.year == end.year else _day(start)
    return f"{first} – {_day(end)}"


def _day(day: dt.date) -> str:
    return f"{day:%-d %B %Y}"


def _g(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"
