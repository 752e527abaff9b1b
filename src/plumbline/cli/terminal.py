"""The CLI's one way out to the terminal: safe text, in the terminal's encoding, at its width.

`install()` puts every write to stdout and stderr through here (argparse's help and the reminder
service's lines included), so that text from data never acts on the terminal: a control
character shows as its escape (ESC as \\x1b). A character the output's encoding lacks (a ☀ under
ISO-8859-1) becomes '?': output works in any locale. Commands write lines with `say`, which also
keeps a newline inside one line of data from starting another; JSON goes through `say_json`.
"""

from __future__ import annotations

import io
import re
import sys
from typing import TextIO

from plumbline.domain.printable import printable

PROG = "plumbline"
# Characters a JSON text may hold only escaped to be safe anywhere: DEL and C1 (json.dumps leaves
# them raw), and everything outside ASCII when the encoding lacks one of them. Patterns, not
# compiled here: re compiles them on first use, and only the JSON commands use them.
_NOT_PLAIN_JSON = r"[\x7f-\x9f]"
_NOT_ASCII = r"[^\x00-\x7e]"


class _PrintableStream:
    """A text stream whose writes come out printable; everything else is the stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        # print() hands its text to write() whole: a bell that starts it is the reminder service's
        # own, rung before a reminder shown in the terminal; a bell anywhere else shows as \x07.
        bell = "\a" if text.startswith("\a") else ""
        return self._stream.write(bell + printable(text[len(bell):], keep_newlines=True))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def install() -> None:
    """From now on, stdout and stderr replace what their encoding lacks and show controls."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or isinstance(stream, _PrintableStream):
            continue
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
        setattr(sys, name, _PrintableStream(stream))


def say(*lines: str, file: TextIO | None = None) -> None:
    """Each of `lines` as one line: a newline inside one (from a habit name) shows as \\n."""
    (file or sys.stdout).write("".join(printable(line) + "\n" for line in lines))


def error(message: str) -> None:
    say(f"{PROG}: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    say(f"{PROG}: warning: {message}", file=sys.stderr)


def say_json(text: str) -> None:
    text = json_for_output(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def json_for_output(text: str) -> str:
    """A JSON text (which escapes every C0 control itself), as is where stdout can hold it and
    it has no DEL or C1 control; otherwise with every non-ASCII character as a \\u escape, which
    any JSON reader turns back into the same text."""
    if re.search(_NOT_PLAIN_JSON, text) or not encodes(text, sys.stdout):
        return re.sub(_NOT_ASCII, _json_escape, text)
    return text


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes a character beyond the BMP as a UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def encodes(text: str, stream: TextIO | None) -> bool:
    """Whether `stream`'s encoding holds every character of `text`."""
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        return False
    return True


def ellipsis() -> str:
    return "…" if encodes("…", sys.stdout) else "..."


def cells(text: str) -> int:
    """How many columns `text` takes on the terminal, as it will show (controls escaped)."""
    shown = printable(text)
    return len(shown) if shown.isascii() else sum(map(_char_cells, shown))


def _char_cells(char: str) -> int:
    import unicodedata  # only text beyond ASCII needs it

    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def clip(text: str, width: int) -> str:
    """`text` as it will show, cut to `width` columns with an ellipsis where it was cut."""
    shown = printable(text)
    if cells(shown) <= width:
        return shown
    mark = ellipsis()
    room = width - len(mark)
    if room < 1:
        return mark[:max(width, 0)]
    kept, used = [], 0
    for char in shown:
        used += _char_cells(char)
        if used > room:
            break
        kept.append(char)
    return "".join(kept).rstrip() + mark


def pad(text: str, width: int) -> str:
    """`text` (already clipped) followed by spaces up to `width` columns."""
    return text + " " * max(0, width - cells(text))
