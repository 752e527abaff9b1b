"""The open app shows another device's changes as soon as their files arrive."""

from __future__ import annotations

from plumbline.domain.entries import Status
from plumbline.ui import app as app_module
from plumbline.ui.screens.today import TodayScreen
from tests.conftest import MONDAY
from tests.sync.devices import deliver, device
from tests.ui.conftest import screen_text

SIZE = (80, 24)


def rows_by_id(screen: TodayScreen):
    return {row.habit.id: row for row in screen.rows}


def test_the_app_looks_for_arrived_files_often_enough_to_show_them_within_a_second():
    assert app_module.EXTERNAL_CHANGES_SECONDS <= 0.5  # a poll, plus a frame to paint it


async def test_a_check_and_a_habit_edit_from_another_device_appear_in_the_open_app(make_app, data_dir, tmp_path):
    app = make_app()
    desktop = device(tmp_path, "desktop")
    async with app.run_test(size=SIZE) as pilot:
        assert rows_by_id(app.screen)["knee-pillow"].status is not Status.DONE
        desktop.check("knee-pillow", MONDAY, today=MONDAY)
        desktop.save_habit(desktop.habit("core-work")._replace(name="Core work with the band"))
        # What the sync engine does: the desktop's files arrive in this data dir.
        deliver(desktop, app.tracker)
        app.check_external_changes()  # what the app's timer calls
        await pilot.pause()
        rows = rows_by_id(app.screen)
        assert rows["knee-pillow"].status is Status.DONE
        assert rows["core-work"].habit.name == "Core work with the band"
        assert "Core work with the band" in screen_text(app)
        assert not any(app.tracker.locations.device in p.name for p in (data_dir / "entries").iterdir())


async def test_another_devices_half_synced_file_is_told_in_the_app_and_today_still_shows(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        (data_dir / "entries").mkdir(exist_ok=True)
        (data_dir / "entries" / "2026-11.zzzzzzzz.json").write_text('{"_meta": {"1": ')  # still arriving
        app.check_external_changes()
        await pilot.pause()
        await pilot.press("space")  # this device's own work goes on
        await pilot.pause()
        assert app.is_running and rows_by_id(app.screen)["knees-uncrossed"].status is Status.DONE
        told = [n for n in app._notifications if "2026-11.zzzzzzzz.json" in n.message]
        assert told and told[0].title == "Another device's file skipped"
