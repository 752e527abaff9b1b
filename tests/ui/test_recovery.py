"""The offer to restore a backup when the database cannot be read."""

from pathlib import Path

from plumbline.ui.recovery import RecoveryApp
from tests.ui.conftest import screen_text


async def test_recovery_answers_restore_or_leave():
    for key, expected in (("y", True), ("n", False), ("escape", False)):
        app = RecoveryApp("database file /x/plumbline.json cannot be read (it is not valid JSON)", Path("/b/2026-11-22"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = screen_text(app)
            assert "cannot be read" in shown and "2026-11-22" in shown and "damaged" in shown
            await pilot.press(key)
        assert app.return_value is expected
