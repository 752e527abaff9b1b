"""The weekly review's grid: habits down, Monday to Sunday across, then Done, Streak and Best;
the pain row last, in the same day columns so a bad day lines up with its habits.

One line of Content per row in an OptionList, as Today's checklist is: Textual's DataTable
measured and drew each of its 560 cells on every paint, three quarters of the time it took to
open the review at ten years x fifty habits.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size
from textual.content import Content, Span
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from plumbline.domain.entries import Status
from plumbline.domain.printable import printable
from plumbline.domain.review import WeekReview
from plumbline.ui import glyphs

DAY_NAMES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
PAIN = "pain"  # the pain row's id
TAIL = (("Done", 7), ("Streak", 7), ("Best", 6))  # the columns after the days: title, width


class WeekHeader(Static):
    """The column titles over the grid, at the grid's widths."""


class WeekTable(OptionList):
    """Options are the habits (id = habit id), then the pain row (id = PAIN)."""

    def show(self, review: WeekReview) -> None:
        keep = self.highlighted
        name_width = self._name_width(review)
        styles = _Styles(self)
        options = [Option(self._habit_line(row, name_width, styles), id=row.habit.id) for row in review.rows]
        options.append(Option(self._pain_line(review, name_width, styles), id=PAIN))
        self.set_options(options)
        self.highlighted = min(keep or 0, max(0, len(review.rows) - 1))
        header = self.screen.query(WeekHeader)
        if header:
            days = " ".join(f"{name:<2}" for name in DAY_NAMES)
            tail = "".join(f"{title:>{width}}" for title, width in TAIL)
            text = f" {'Habit':<{name_width}}  {days} {tail}"
            # Each title in bold, the spaces between plain: one span each, as the rows' cells are.
            titles = [Span(m.start(), m.end(), "bold") for m in re.finditer(r"\S+", text)]
            header.first().update(Content(text, titles))

    def _name_width(self, review: WeekReview) -> int:
        room = (self.scrollable_content_region.width or self.app.size.width - 2) - 2 - 3 * 7 - sum(w for _, w in TAIL)
        longest = max([cell_len("Pain (0-10)"), *(cell_len(printable(r.habit.name)) for r in review.rows)])
        return max(8, min(longest, room))

    @staticmethod
    def _habit_line(row, name_width: int, styles: _Styles) -> Content:
        name = _fitted(printable(row.habit.name), name_width)
        unit = row.streaks.short_unit
        done = f"{row.done}/{row.target}"
        tail = f"{done:>{TAIL[0][1]}}{f'{row.streaks.current}{unit}':>{TAIL[1][1]}}{f'{row.streaks.best}{unit}':>{TAIL[2][1]}}"
        text = f" {name}  " + " ".join(f"{glyphs.mark(s):<2}" for _, s in row.days) + " " + tail
        at = 1 + len(name) + 2
        spans = [Span(at + 3 * i, at + 3 * i + 1, styles(glyphs.STYLES[s])) for i, (_, s) in enumerate(row.days)]
        if row.done >= row.target > 0:
            done_at = at + 3 * 7 + TAIL[0][1] - len(done)
            spans.append(Span(done_at, done_at + len(done), styles("green")))
        return Content(text, [s for s in spans if s.style])

    @staticmethod
    def _pain_line(review: WeekReview, name_width: int, styles: _Styles) -> Content:
        cells = [glyphs.mark(Status.NOT_DUE) if level is None else str(level) for _, level in review.pain]
        text = f" {'Pain (0-10)':<{name_width}}  " + " ".join(f"{c:<2}" for c in cells)
        at = 1 + name_width + 2
        spans = [Span(1, 12, styles("bold"))]
        spans.extend(Span(at + 3 * i, at + 3 * i + len(c), styles("dim" if level is None else "bold"))
                     for i, (c, (_, level)) in enumerate(zip(cells, review.pain)))
        return Content(text, [s for s in spans if s.style])

    # -- what the tests and the screen ask of a table ------------------------------------------

    @property
    def cursor_row(self) -> int:
        return self.highlighted or 0

    @property
    def row_count(self) -> int:
        return self.option_count

    def move_cursor(self, row: int) -> None:
        self.highlighted = row

    def line_of(self, row_id: str) -> str:
        return str(self.get_option(row_id).prompt)


def _fitted(text: str, width: int) -> str:
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cell_len(text))


class _Styles:
    """Rich style names as Textual Styles, worked out once a rebuild (see ChecklistView)."""

    def __init__(self, widget: OptionList) -> None:
        self.widget, self.theme = widget, widget.app.ansi_theme
        self.known: dict[str, Style | str] = {}

    def __call__(self, name: str) -> Style | str:
        if not name:
            return ""
        if name not in self.known:
            self.known[name] = Style.from_rich_style(self.widget.app.console.get_style(name), self.theme)
        return self.known[name]
