"""Export from the app's command palette (issue 14 item 12): the file `plumbline import` reads."""

import json

from tests.conftest import MONDAY
from tests.ui.conftest import choose_in_palette


async def test_the_palette_exports_everything_into_the_folder_the_app_started_in(make_app, data_dir, tmp_path,
                                                                                monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    app.tracker.check("knee-pillow", MONDAY, note="new pillow")
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_in_palette(pilot, "export all")
        written = tmp_path / "plumbline-export-2026-11-23.json"
        document = json.loads(written.read_text())
        assert document["format"] == "plumbline-export"
        assert {"habit": "knee-pillow", "date": "2026-11-23", "count": 1, "skipped": False,
                "note": "new pillow"} in document["entries"]
        assert (written.stat().st_mode & 0o777) == 0o600
        assert any(str(written) in n.message for n in app._notifications)


async def test_an_export_that_cannot_be_written_is_told_and_the_app_goes_on(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plumbline-export-2026-11-23.json").mkdir()  # a folder where the file would go
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.screen.run_action("export")
        await pilot.pause()
        assert app.is_running
        assert any("is a folder" in n.message for n in app._notifications)
        assert not any(n.message.startswith("Exported") for n in app._notifications)
