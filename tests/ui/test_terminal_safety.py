"""Text from data never acts on the terminal from the app either (issue 12, item 11): a habit
and a routine whose texts set the title, write the clipboard (OSC 52), hold a newline and a \\r,
and a broken habit file whose name does the same, shown on every screen that shows them."""

import re

from plumbline.ui.widgets.checklist_view import ChecklistView
from plumbline.ui.widgets.week_table import WeekTable
from tests.conftest import write_habits

SIZE = (120, 40)
TITLE = r"\u001b]0;pwned\u0007"  # as a TOML file spells it
CLIPBOARD = r"\u001b]52;c;YQ==\u0007"
EVIL = rf"E{TITLE} {CLIPBOARD} a\nb\rc"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def rendered_lines(app) -> list[str]:
    """The text of each line of the screen, from the strips the driver writes to the terminal."""
    update = app.screen._compositor.render_full_update()
    return ["".join(segment.text for strip in line for segment in strip) for line in update.strips]


def assert_safe(app) -> str:
    lines = rendered_lines(app)
    for line in lines:
        assert not CONTROL.search(line), repr(line)
    return "\n".join(lines)


def evil_files(data_dir) -> None:
    write_habits(data_dir, {"evil": EVIL})
    habit = data_dir / "habits" / "evil.toml"
    habit.write_text(habit.read_text() + f'why = "{EVIL}"\nhow = "{EVIL}"\ndone_label = "{EVIL}"\ncautions = ["{EVIL}"]\n')
    (data_dir / "habits" / "bad\x1b]0;file\x07.toml").write_text("id = ")
    routines = data_dir / "routines"
    routines.mkdir()
    (routines / "evil.toml").write_text(
        f'id = "evil"\nname = "{EVIL}"\nhabit = "evil"\nabout = "{EVIL}"\ncautions = ["{EVIL}"]\n'
        f'[[steps]]\nname = "{EVIL}"\nhow = "{EVIL}"\nreps = 2\ncaution = "{EVIL}"\n')


async def test_every_screen_shows_control_characters_as_escapes(make_app, data_dir):
    evil_files(data_dir)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts drawn too
        app.screen.query_one(ChecklistView).highlight_habit("evil")
        await pilot.pause()
        today = assert_safe(app)
        assert r"E\x1b]0;pwned\x07 \x1b]52;c;YQ==\x07 a\nb\rc" in today  # the name, as typed
        assert r"bad\x1b]0;file\x07.toml" in today  # the notification of the broken file

        for key in ("e", "x"):  # the edit form, the question before archiving
            await pilot.press(key)
            await pilot.pause()
            assert "E\\x1b" in assert_safe(app)
            await pilot.press("escape")

        await pilot.press("w")  # the week, with the comparison line of the highlighted habit
        await pilot.pause()
        table = app.screen.query_one(WeekTable)
        table.move_cursor(row=[r.habit.id for r in app.screen.review.rows].index("evil"))
        await pilot.pause()
        assert "E\\x1b" in assert_safe(app)
        await pilot.press("h")  # its year
        await pilot.pause()
        assert "E\\x1b" in assert_safe(app)
        await pilot.press("escape", "escape")

        await pilot.press("o")  # settings list each habit's reminder times by name
        await pilot.pause()
        assert_safe(app)
        await pilot.press("escape")

        await pilot.press("r")  # the chooser highlights the habit's routine
        await pilot.pause()
        assert "E\\x1b" in assert_safe(app)
        await pilot.press("enter")  # the player's intro: about and cautions
        await pilot.pause()
        assert_safe(app)
        await pilot.press("space")  # step 1: name, how, caution
        await pilot.pause()
        assert "E\\x1b" in assert_safe(app)
        await pilot.press("x")  # "this hurts": the note names the routine and the step
        await pilot.pause()
        assert "E\\x1b" in assert_safe(app)
        await pilot.press("escape")
        await pilot.pause()

        app.screen.query_one(ChecklistView).highlight_habit("evil")
        await pilot.press("x", "y", "u")  # archived: the list to restore it from
        await pilot.pause()
        assert "E\\x1b" in assert_safe(app)
