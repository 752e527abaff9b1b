"""How each day status looks: a glyph that reads without colour, and a colour that helps."""

from __future__ import annotations

from rich.text import Text

from plumbline.domain.entries import Status

GLYPHS = {
    Status.DONE: ("✓", "bold green"),
    Status.SKIPPED: ("~", "cyan"),
    Status.MISSED: ("✗", "red"),
    Status.PENDING: ("•", "yellow"),
    Status.NOT_DUE: ("·", "grey50"),
    Status.FUTURE: (" ", ""),
}

WORDS = {
    Status.DONE: "done",
    Status.SKIPPED: "rest day",
    Status.MISSED: "missed",
    Status.PENDING: "to do",
    Status.NOT_DUE: "not due",
    Status.FUTURE: "",
}


def glyph(status: Status) -> Text:
    char, style = GLYPHS[status]
    return Text(char, style=style)


def strip(statuses: tuple[Status, ...]) -> Text:
    text = Text()
    for status in statuses:
        text.append_text(glyph(status))
    return text


def legend() -> Text:
    text = Text()
    for status in (Status.DONE, Status.PENDING, Status.MISSED, Status.SKIPPED, Status.NOT_DUE):
        text.append_text(glyph(status))
        text.append(f" {WORDS[status]}  ", style="dim")
    return text
