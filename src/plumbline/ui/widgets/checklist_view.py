"""The day's habits as a keyboard list, grouped under category headings."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from plumbline.domain.checklist import ChecklistRow
from plumbline.domain.entries import Status
from plumbline.domain.wording import row_detail, row_label
from plumbline.ui import glyphs


class ChecklistView(OptionList):
    """Options are habits (id = habit id); category headings are disabled options."""

    def show(self, rows: Sequence[ChecklistRow]) -> None:
        keep = self.highlighted_habit
        options: list[Option] = []
        category = None
        for row in rows:
            if row.habit.category != category:
                category = row.habit.category
                options.append(Option(Text(category.upper(), style="bold dim"), id=f"category:{category}", disabled=True))
            options.append(Option(self._prompt(row), id=row.habit.id))
        self.set_options(options)
        self.highlight_habit(keep)

    @property
    def highlighted_habit(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def highlight_habit(self, habit_id: str | None) -> None:
        """Highlight that habit, or the first habit when it is gone (or none was given)."""
        ids = [o.id for o in self.options]
        if habit_id in ids:
            self.highlighted = ids.index(habit_id)
            return
        for index, option in enumerate(self.options):
            if not option.disabled:
                self.highlighted = index
                return

    @staticmethod
    def _prompt(row: ChecklistRow) -> Table:
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(width=1)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(width=7, no_wrap=True)
        done = row.status is Status.DONE
        label = Text(row_label(row), style="green" if done else "dim" if row.status is Status.NOT_DUE else "")
        # User text is never markup: Text() shows "[x] core" exactly as typed.
        grid.add_row(glyphs.glyph(row.status), label, Text(row_detail(row), style="dim"), glyphs.strip(row.strip))
        return grid
