"""What every dialog shares: it fills a narrow terminal's width, and it has the key bar.

The screen beneath shows through a dialog's backdrop. Beside a 76-column dialog on an 80-column
terminal that left two columns of it at each edge: the tail of a border (`──`), a scroll bar, a
stray comma, which read as the dialog's own broken edge. Below NARROW columns the dialog is as
wide as the terminal (`.-narrow .dialog` below); wider, the margins show enough of the
screen beneath to read as that screen.
"""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType

NARROW = 90


class Dialog(ModalScreen[ScreenResultType]):
    """A ModalScreen that yields a KeyBar (ui/widgets/key_bar.py) after its box, as every screen does."""

    # Here, not in app.tcss: parsed when the first dialog opens, not before Today's first paint.
    # Every dialog's box, with a title and a hint; the forms' grid of short fields, their error
    # line and buttons (widgets/form_end.py).
    DEFAULT_CSS = """
    Dialog.-narrow .dialog { width: 100%; }  /* below NARROW columns: no sliver of the screen beneath */
    .dialog {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        padding: 1 2; border: round $primary; background: $panel;
    }
    .dialog .title { text-style: bold; color: $accent; margin-bottom: 1; }
    .dialog .hint { color: $text-muted; margin-top: 1; }
    .section { margin-top: 1; }
    #fields { grid-size: 2; grid-columns: 12 1fr; grid-rows: 1; grid-gutter: 0 1; height: auto; }
    #form-error { color: $error; height: auto; }
    .buttons { height: 1; margin-top: 1; }
    .buttons Button { margin-right: 2; }
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-roomy")]
