"""Text from data as HTML: escaped, with control characters shown rather than passed on."""

from __future__ import annotations

import html

from plumbline.domain.printable import printable


def esc(text: str) -> str:
    """`text` safe in HTML text and in a quoted attribute: <, >, &, quotes escaped, and each
    control character written out (ESC as \\x1b), as the terminal and the app show them."""
    return html.escape(printable(text, keep_newlines=True), quote=True)


def short(text: str, most: int) -> str:
    """At most `most` characters, cut with an ellipsis (an SVG label does not wrap or clip)."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"
