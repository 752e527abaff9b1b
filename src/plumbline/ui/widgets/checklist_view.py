"""The day's habits as a keyboard list, grouped under category headings."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.terminal_theme import TerminalTheme
from textual.binding import Binding
from textual.content import Content, Span
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from plumbline.domain.checklist import ChecklistRow
from plumbline.domain.entries import Status
from plumbline.domain.printable import printable
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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._styles: dict[tuple[str, int], Style] = {}
        self._theme: TerminalTheme | None = None

    def show(self, rows: Sequence[ChecklistRow]) -> None:
        self.rows = rows
        self._theme = self.app.ansi_theme  # once: asking the app for it costs as much as a line
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

    def _prompt(self, row: ChecklistRow, width: int) -> Content:
        """One line: mark, name, then the detail and the week's strip against the right edge.

        Built as a single line of Content, not a table: the list measures and paints every
        option several times while it lays out, and a table costs many times more each time.
        Content rather than Rich Text: converting thirty Texts was half of a day step (holding
        left on Today), and the styles are worked out once, not per row."""
        done = row.status is Status.DONE
        label = printable(row_label(row))
        detail = printable(row_detail(row))
        strip = "".join(glyphs.mark(status) for status in row.strip)
        right_len = cell_len(detail) + 1 + len(strip)
        room = max(4, width - right_len - 3)
        if cell_len(label) > room:
            label = set_cell_size(label, room - 1) + "…"
        mark = glyphs.mark(row.status)
        head = f"{mark} {label}"
        head_len = cell_len(head)
        gap = max(0, width - head_len - right_len)
        text = f"{head}{' ' * gap}{detail} {strip}"
        style = self._style
        spans = [Span(0, len(mark), style(glyphs.STYLES[row.status]))]
        label_style = "green" if done else "dim" if row.status is Status.NOT_DUE else ""
        if label_style:
            spans.append(Span(len(mark) + 1, len(head), style(label_style)))
        detail_at = len(head) + gap
        spans.append(Span(detail_at, detail_at + len(detail), style("dim")))
        strip_at = detail_at + len(detail) + 1
        spans.extend(Span(strip_at + i, strip_at + i + 1, style(glyphs.STYLES[status]))
                     for i, status in enumerate(row.strip) if glyphs.STYLES[status])
        # Its width in cells is known here (each mark of the strip is one cell): told, Content
        # does not measure the line character by character each time the list lays it out.
        return Content(text, [span for span in spans if span.style], cell_length=head_len + gap + right_len)

    def _style(self, name: str) -> Style | str:
        """A Rich style name as Textual's Style, as Content.from_rich_text would make it."""
        if not name:
            return ""
        theme = self._theme
        key = (name, id(theme))  # a change of theme brings other colours
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = Style.from_rich_style(self.app.console.get_style(name), theme)
        return style
