"""The report from the app: r on the weekly review and the palette's entry write it with the real
writer, say where it went, and open it only when the user says yes (through an injected opener:
no browser starts in a test)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plumbline.report.write import write_report
from plumbline.ui.screens.confirm import ConfirmDialog
from plumbline.ui.screens.review import ReviewScreen
from tests.conftest import MONDAY
from tests.report.page import week_cells
from tests.ui.conftest import choose_in_palette


def _app(make_app, folder: Path, opened: list[Path], **options):
    app = make_app(open_file=opened.append, **options)
    app.report_writer = lambda first, last: write_report(app.tracker, MONDAY, None, folder, first, last)
    return app


async def test_r_on_a_past_week_writes_its_eight_weeks_and_opens_only_on_yes(make_app, tmp_path):
    opened: list[Path] = []
    app = _app(make_app, tmp_path, opened)
    app.tracker.check("knee-pillow", MONDAY - dt.timedelta(days=10), today=MONDAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "left")  # the week of 16 November, which is over
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("r")
        await pilot.pause()
        written = tmp_path / "plumbline-report-2026-09-28-2026-11-22.html"
        assert written.is_file()
        assert week_cells(written.read_text(encoding="utf-8"))["knee-pillow"]["2026-11-09"].startswith("1/")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and str(written) in dialog.question
        assert any(str(written) in n.message for n in app._notifications)  # said where it went
        await pilot.press("n")
        await pilot.pause()
        assert opened == [] and isinstance(app.screen, ReviewScreen)
        await pilot.press("left", "left", "r")  # the week of 2 November: the 8 weeks up to Sunday 8 November
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert opened == [tmp_path / "plumbline-report-2026-09-14-2026-11-08.html"]


async def test_the_palette_writes_the_default_report(make_app, tmp_path):
    opened: list[Path] = []
    app = _app(make_app, tmp_path, opened)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_in_palette(pilot, "report for your")
        assert (tmp_path / "plumbline-report-2026-09-28-2026-11-22.html").is_file()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert opened == []


async def test_an_app_without_a_writer_says_how_to_make_the_report(make_app, tmp_path):
    app = make_app(open_file=lambda path: None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert any("plumbline report" in n.message for n in app._notifications)


async def test_a_failed_write_is_told_and_nothing_is_offered(make_app, tmp_path):
    app = _app(make_app, tmp_path / "gone", [])  # a folder that does not exist
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert any("does not exist" in n.message for n in app._notifications)


async def test_archiving_in_the_app_keeps_the_day_for_what_changed(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    (archived,) = app.tracker.store.archived()
    assert app.tracker.store.archived_days() == {archived: MONDAY}
