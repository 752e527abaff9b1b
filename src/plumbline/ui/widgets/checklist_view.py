"""The day's habits as a keyboard list, grouped under category headings."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from plumbline.domain.checklist import ChecklistRow
from plumbline.domain.entries import Status
from plumbline.domain.wording import row_detail, row_label
from plumbline.ui import glyphs
from plumbline.ui.user_text import user_text


class ChecklistView(OptionList):
    """Options are habits (id = habit id); category headings are disabled options."""

    # j and k as well as the arrows: what vim (and dijo) users reach for first.
    BINDINGS = [
        Binding("j", "cursor_down", "Down", id="checklist.down", show=False),
        Binding("k", "cursor_up", "Up", id="checklist.up", show=False),
    ]

    rows: Sequence[ChecklistRow] = ()
    built_width = 0  # the line width the options were built for

    def show(self, rows: Sequence[ChecklistRow]) -> None:
        self.rows = rows
        keep = self.highlighted_habit
        width = self.built_width = self._line_width()
        options: list[Option] = []
        category = None
        for row in rows:
            if row.habit.category != category:
                category = row.habit.category
                options.append(Option(user_text(category.upper(), "bold dim"), id=f"category:{category}", disabled=True))
            options.append(Option(self._prompt(row, width), id=row.habit.id))
        self.set_options(options)
        self.highlight_habit(keep)

    def on_resize(self) -> None:
        # The first layout usually confirms the width guessed before it: building and painting
        # every option again for the same width was a tenth of the time to the first paint.
        if self.rows and self._line_width() != self.built_width:
            self.show(self.rows)

    def _line_width(self) -> int:
        # Before the first layout the widget has no size yet: the terminal's width is close.
        width = self.scrollable_content_region.width or self.app.size.width - 4
        return max(30, width)

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
    def _prompt(row: ChecklistRow, width: int) -> Text:
        """One line: mark, name, then the detail and the week's strip against the right edge.

        Built as a single Text, not a table: the list measures and paints every option several
        times while it lays out, and a table costs many times more each time."""
        done = row.status is Status.DONE
        label = user_text(row_label(row), "green" if done else "dim" if row.status is Status.NOT_DUE else "")
        right = Text.assemble(user_text(row_detail(row), "dim"), " ", glyphs.strip(row.strip))
        room = max(4, width - right.cell_len - 3)
        label.truncate(room, overflow="ellipsis")
        line = Text.assemble(glyphs.glyph(row.status), " ", label)
        line.pad_right(width - line.cell_len - right.cell_len)
        line.append_text(right)
        return line
