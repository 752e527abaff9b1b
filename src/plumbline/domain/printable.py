"""Text from data as a terminal may show it: every control character as a visible escape.

A habit name, a note or a file name can hold anything a TOML file or a command line can: an
ESC that starts a sequence (one that sets the window title, or writes the clipboard with OSC 52),
a bell, a carriage return that draws over a line, a newline that splits an error in two. The CLI
and the app both pass such text through here, at the point where it leaves for the terminal; the
data itself keeps what was typed (JSON output escapes it the JSON way).
"""

from __future__ import annotations

import re

# Unicode's control characters (category Cc): C0, DEL and C1 (where 0x9b is a one-byte CSI).
_CONTROLS = r"[\x00-\x1f\x7f-\x9f]"
_CONTROLS_BUT_NEWLINE = r"[\x00-\x09\x0b-\x1f\x7f-\x9f]"
_ASCII_CONTROLS = bytes([*range(0x20), 0x7F])
_ASCII_CONTROLS_BUT_NEWLINE = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")  # \n, \r, \t, \x1b, \x9b


def printable(text: str, keep_newlines: bool = False) -> str:
    """`text` with each control character written out as Python writes it (ESC as \\x1b, a
    newline as \\n), so it shows and cannot act; `keep_newlines` for text made of lines."""
    if len(text) > 65536 and text.isascii():
        # A whole export: deleting the controls from the bytes and comparing lengths finds
        # whether there are any several times faster than the pattern's scan.
        raw = text.encode("ascii")
        if len(raw.translate(None, _ASCII_CONTROLS_BUT_NEWLINE if keep_newlines else _ASCII_CONTROLS)) == len(raw):
            return text
    # A pattern's text, compiled (and kept by re) when first used: compiling both as the module
    # loaded was half a millisecond of every command.
    return re.sub(_CONTROLS_BUT_NEWLINE if keep_newlines else _CONTROLS, _escape, text)
