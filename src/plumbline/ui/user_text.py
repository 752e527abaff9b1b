"""The app's one way to put text from data on screen: habit names, notes, routine texts, and
file names inside error messages.

Such text is never markup (a habit named "[x] core" shows as typed), and each control character
in it shows as its escape (ESC as \\x1b): Rich and Textual drop only a few controls (BEL, CR) and
pass ESC through, so a name could otherwise set the terminal's title or write its clipboard.
Notifications pass here in PlumblineApp.notify; everything else calls one of these two.
"""

from __future__ import annotations

from rich.text import Text

from plumbline.domain.printable import printable


def shown(text: str) -> str:
    """For the widgets that take a plain string (an Input's value, a notification, a Label)."""
    return printable(text)


def user_text(text: str, style: str = "", **options) -> Text:
    """A Text of `text` as shown; `options` are Text's own (overflow, no_wrap, ...)."""
    return Text(printable(text), style=style, **options)
