"""The stream the CLI installs over stdout and stderr, for writes that do not come through say()."""

import io
import sys

from plumbline.cli import terminal


def test_installed_streams_show_controls_and_replace_what_the_encoding_lacks(monkeypatch):
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="latin-1"))
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    terminal.install()
    terminal.install()  # a second main() in the same process wraps nothing twice
    print("\aPillow \x1b]0;t\x07\r\u2600: time for bed")  # the reminder service's line, with its bell
    print("usage: plumbline \x9b2J")
    sys.stdout.flush()
    assert raw.getvalue().decode("latin-1") == "\aPillow \\x1b]0;t\\x07\\r?: time for bed\nusage: plumbline \\x9b2J\n"
    assert isinstance(sys.stdout, terminal._PrintableStream) and not isinstance(sys.stdout._stream, terminal._PrintableStream)
