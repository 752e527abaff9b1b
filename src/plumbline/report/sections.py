"""The report's lists after the chart: "this hurts" stops, routines, notes, and what changed."""

from __future__ import annotations

import datetime as dt

from plumbline.domain.report import Report
from plumbline.report.text import esc

ROUTINES_UNRECORDED = "The days its habit was done: finishing a routine checks its habit, and nothing else is kept."
CHANGES_UNKNOWN = (
    "Only each habit's present schedule is kept: a schedule changed in the period is not shown, and its "
    "earlier weeks are counted by the present one."
)


def details(report: Report) -> str:
    """The stops and the notes across the page (where there are any), the short lists side by side."""
    small = [_routines(report), _changes(report)]
    wide = [_stops(report)] if report.stops else []
    if not report.stops:
        small.insert(0, _stops(report))
    if report.notes:
        wide.append(_notes(report))
    else:
        small.append(_notes(report))
    return "\n".join([*wide[:1], f'<div class="details">{"".join(small)}</div>', *wide[1:]])


def _stops(report: Report) -> str:
    if not report.stops:
        return '<section><h2>"This hurts" stops</h2><p class="note">No routine was stopped because it hurt.</p></section>'
    rows = []
    for line in report.stops:
        reading = line.reading
        level = f"{reading.level}/10" if reading else "–"
        note = esc(reading.note) if reading and reading.note else ""
        # The step is kept as the player said it: "Stopped <routine> at step 3: ..."; the routine has its column.
        step = line.stop.step.removeprefix(f"Stopped {line.routine} at ")
        rows.append(f"<tr><td>{_when(line.stop.day, line.stop.time)}</td><td>{esc(line.routine)}</td>"
                    f'<td>{esc(step)}</td><td>{level}</td><td class="text">{note}</td></tr>')
    return ('<section><h2>"This hurts" stops</h2><table class="list"><thead><tr><th>When</th><th>Routine</th>'
            "<th>Where it stopped</th><th>Pain</th><th>Note</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></section>")


def _routines(report: Report) -> str:
    if not report.routines:
        return ""
    items = "".join(f'<li title="{esc(r.habit.name)}">{esc(r.routine.name)}: {r.days_done} '
                    f'day{"s" if r.days_done != 1 else ""}</li>' for r in report.routines)
    return (f'<section><h2>Routines</h2><ul class="plain">{items}</ul>'
            f'<p class="note">{ROUTINES_UNRECORDED}</p></section>')


def _changes(report: Report) -> str:
    items = []
    for change in report.changes:
        when = _day(change.day) if change.day else "on a day not recorded"
        items.append(f"<li>{esc(change.habit.name)}: {change.what} {'on ' if change.day else ''}{when}</li>")
    listed = f'<ul class="plain">{"".join(items)}</ul>' if items else \
        '<p class="note">No habit was added or archived in this period.</p>'
    return f'<section><h2>What changed</h2>{listed}<p class="note">{CHANGES_UNKNOWN}</p></section>'


def _notes(report: Report) -> str:
    if not report.notes:
        return '<section><h2>Notes</h2><p class="note">No notes were written on check-ins or pain readings.</p></section>'
    rows = "".join(f"<tr><td>{_when(n.day, n.time)}</td><td>{esc(n.about)}</td>"
                   f'<td class="text">{esc(n.text)}</td></tr>' for n in report.notes)
    return ('<section><h2>Notes</h2><table class="list"><thead><tr><th>When</th><th>About</th>'
            f"<th>Note</th></tr></thead><tbody>{rows}</tbody></table></section>")


def _when(day: dt.date, time: dt.time | None) -> str:
    return f"{day:%a %-d %b}" + (f" {time:%H:%M}" if time else "")


def _day(day: dt.date) -> str:
    return f"{day:%-d %b %Y}"
