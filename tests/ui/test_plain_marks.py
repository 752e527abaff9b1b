"""The plain marks (issue 17): asked for with --ascii, or chosen when the terminal's character set
cannot show the Unicode ones, which the app then says."""

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

from plumbline.ui import glyphs
from tests.ui.conftest import screen_text

SIZE = (80, 24)


def beyond_ascii(text: str) -> set[str]:
    return {char for char in text if ord(char) > 0x7E}


async def test_plain_marks_on_every_screen_that_shows_marks(make_app):
    app = make_app(ascii_marks=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = screen_text(app)
        assert "- No crossing the knees" in today  # to do
        assert "!!!!!!-" in today  # the week's strip: missed days, then today
        assert "<> Day" in today  # the arrow keys in the key bar
        assert not beyond_ascii(today)
        await pilot.press("space")
        assert "!!!!!!x" in screen_text(app)  # today done
        for key in ("w", "h"):  # the week's table and pain row; a habit's year and strength
            await pilot.press(key)
            await pilot.pause()
            assert not beyond_ascii(screen_text(app)), key
        await pilot.press("escape", "escape", "question_mark")
        await pilot.pause()
        # Help; a scroll bar's thumb is Textual's own drawing, in eighth blocks.
        assert not beyond_ascii(screen_text(app)) - set("▁▂▃▄▅▆▇█")
        assert glyphs.legend().plain.startswith("x done  - to do  ! missed  ~ rest day  . not due")


async def test_the_unicode_marks_are_the_default(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "• No crossing the knees" in screen_text(pilot.app)


def read_for(fd: int, seconds: float, until: bytes = b"") -> bytes:
    """What the app draws in `seconds`, or until it has drawn `until` (on a busy machine the
    app may take long to start: the test waits for what it needs, not a fixed time)."""
    got, deadline = b"", time.monotonic() + seconds
    while time.monotonic() < deadline and not (until and until in got):
        if select.select([fd], [], [], 0.1)[0]:
            try:
                got += os.read(fd, 65536)
            except OSError:  # the app has gone and closed its side
                break
    return got


def test_a_latin_1_terminal_gets_plain_marks_and_is_told_why(tmp_path):
    """The real app, in a pseudo-terminal whose encoding is ISO-8859-1."""
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(tmp_path / "data"), "PLUMBLINE_STATE_DIR": str(tmp_path / "state"),
           "PLUMBLINE_NOW": "2026-11-23T10:00:00", "PYTHONIOENCODING": "latin-1", "TERM": "xterm-256color"}
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    app = subprocess.Popen([sys.executable, "-m", "plumbline"], stdin=child, stdout=child, stderr=child,
                           env=env, start_new_session=True)
    os.close(child)
    try:
        drawn = read_for(main, 60, until=b"character set")
        drawn += read_for(main, 1)
        os.write(main, b"\r")  # past the first-start notice
        drawn += read_for(main, 1)
        os.write(main, b"q")
        drawn += read_for(main, 3)
        assert app.wait(timeout=15) == 0
    finally:
        if app.poll() is None:
            app.kill()
        os.close(main)
    # What a person sees: the text without the terminal's control sequences.
    text = re.sub(r"\x1b\[[0-9;?<>=$]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[=>()][0-9A-Z]?",
                  "", drawn.decode("latin-1"))
    assert "This terminal's character set (iso8859-1)" in text
    assert "- No crossing the knees" in text
    assert "\\u" not in text  # no character drawn as its escape (the stream's default for stderr)
    assert "?" not in text.replace("? Help", "")  # nothing left that latin-1 had to replace
