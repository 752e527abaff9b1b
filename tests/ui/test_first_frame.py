"""Issue 16: what the launcher leaves until Today is on screen (cli/launch.py): the collector;
and what the app leaves out of the collector's sight once it is."""

from __future__ import annotations

import gc

from plumbline.cli.launch import pause_collector


async def test_the_launcher_hears_of_the_first_frame_once_it_is_painted(make_app):
    heard: list[str] = []
    app = make_app()
    # What the screen showed when the launcher was told: Today, painted, not a blank frame.
    app.after_first_frame = lambda: heard.append(app.screen.query_one("#checklist").render_line(0).text)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
    assert len(heard) == 1 and heard[0].strip(), heard


def test_the_collector_is_back_on_after_the_first_frame_with_the_launch_frozen():
    enabled = gc.isenabled()
    try:
        gc.enable()
        resume = pause_collector()
        assert not gc.isenabled()
        kept = [[n] for n in range(1000)]  # what the launch makes lives on, out of the collector's sight
        resume()
        assert gc.isenabled() and gc.get_freeze_count() >= len(kept)
        resume()  # a second call (the launcher's finally) changes nothing
        assert gc.isenabled()
    finally:
        gc.unfreeze()  # back into the oldest generation, where they were
        if not enabled:
            gc.disable()


async def test_what_the_app_made_by_its_first_frame_is_out_of_the_collectors_sight_until_it_ends(make_app):
    before = gc.get_freeze_count()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        frozen = gc.get_freeze_count()
        assert frozen > before + 10_000  # Textual's and plumbline's modules, Today's widgets
        await pilot.press("down", "space")  # made after the first frame: collected as usual
        await pilot.pause()
        assert gc.get_freeze_count() <= frozen  # none of it frozen (some frozen ones were freed)
    assert gc.get_freeze_count() == 0  # the app's objects can be collected again once it ends
