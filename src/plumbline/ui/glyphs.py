"""How each day status looks: a mark that reads without colour, and a colour that helps.

Two sets of marks: the Unicode ones, and plain ASCII for screen readers and for terminals whose
character set lacks the others (`plumbline --ascii`, or found at start: cli/launch.py).
"""

from __future__ import annotations

from rich.text import Text
from textual.scrollbar import ScrollBar, ScrollBarRender

from plumbline.domain.entries import Status

UNICODE_MARKS = {
    Status.DONE: "✓",
    Status.SKIPPED: "~",
    Status.MISSED: "✗",
    Status.PENDING: "•",
    Status.NOT_DUE: "·",
    Status.FUTURE: " ",
}
ASCII_MARKS = {
    Status.DONE: "x",
    Status.SKIPPED: "~",
    Status.MISSED: "!",  # as the CLI's [!]
    Status.PENDING: "-",
    Status.NOT_DUE: ".",
    Status.FUTURE: " ",
}
STYLES = {
    Status.DONE: "bold green",
    Status.SKIPPED: "cyan",
    Status.MISSED: "red",
    Status.PENDING: "yellow",
    Status.NOT_DUE: "grey50",
    Status.FUTURE: "",
}

WORDS = {
    Status.DONE: "done",
    Status.SKIPPED: "rest day",
    Status.MISSED: "missed",
    Status.PENDING: "to do",
    Status.NOT_DUE: "not due",
    Status.FUTURE: "",
}

# The other characters beyond ASCII that the app draws (separators, dashes, signs, arrow keys).
PLAIN_PUNCTUATION = str.maketrans({"·": ".", "–": "-", "−": "-", "±": "+-", "←": "<", "→": ">", "↑": "^", "↓": "v",
                                   "⏎": "enter", "⌫": "backspace"})  # key names in the key bar

# One terminal per process: the app chooses the set once, as it starts (PlumblineApp).
_marks = UNICODE_MARKS


class PlainScrollBarRender(ScrollBarRender):
    """A scrollbar whose thumb is whole cells of colour: no block characters at its ends."""

    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8


def use_ascii(plain: bool) -> None:
    global _marks
    _marks = ASCII_MARKS if plain else UNICODE_MARKS
    ScrollBar.renderer = PlainScrollBarRender if plain else ScrollBarRender


def plain() -> bool:
    return _marks is ASCII_MARKS


def punctuated(text: str) -> str:
    """`text` as the chosen marks spell it: with the plain marks, its punctuation in ASCII."""
    return text.translate(PLAIN_PUNCTUATION) if plain() else text


def mark(status: Status) -> str:
    return _marks[status]


def glyph(status: Status) -> Text:
    return Text(_marks[status], style=STYLES[status])


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
