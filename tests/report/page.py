"""Reading a written report back, as a script or a person would: its numbers and its text."""

from __future__ import annotations

from html.parser import HTMLParser


class _Numbers(HTMLParser):
    """The habit table's cells: {habit id: {Monday: "done/target"}}, by data-habit and data-week."""

    def __init__(self) -> None:
        super().__init__()
        self.table: dict[str, dict[str, str]] = {}
        self.habit: str | None = None
        self.week: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "tr":
            self.habit = named.get("data-habit")
            if self.habit:
                self.table[self.habit] = {}
        elif tag == "td" and self.habit and named.get("data-week"):
            self.week = named["data-week"]
            self.table[self.habit][self.week] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self.week = None

    def handle_data(self, data: str) -> None:
        if self.habit and self.week:
            self.table[self.habit][self.week] += data


def week_cells(html: str) -> dict[str, dict[str, str]]:
    parser = _Numbers()
    parser.feed(html)
    return parser.table


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_and_tags(html: str) -> tuple[str, list[str]]:
    """What a reader sees (entities decoded), and every element the page holds."""
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts), parser.tags
