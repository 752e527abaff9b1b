"""What every dialog shares: it fills a narrow terminal's width, and it has the key bar.

The screen beneath shows through a dialog's backdrop. Beside a 76-column dialog on an 80-column
terminal that left two columns of it at each edge: the tail of a border (`──`), a scroll bar, a
stray comma, which read as the dialog's own broken edge. Below NARROW columns the dialog is as
wide as the terminal (`.-narrow .dialog` in app.tcss); wider, the margins show enough of the
screen beneath to read as that screen.
"""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType

NARROW = 90


class Dialog(ModalScreen[ScreenResultType]):
    """A ModalScreen that yields a KeyBar (ui/widgets/key_bar.py) after its box, as every screen does."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-roomy")]
