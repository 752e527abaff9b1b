"""Issue 16: the reminder service (APScheduler, dbus-fast, the session bus) starts only after
the app's first frame, and nothing the first frame needs imports it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.conftest import BUILTIN_HABITS

# The app as `plumbline` builds it (cli/launch.py), in a fresh interpreter: which of the
# service's modules are loaded at the first paint, and which once the service has started.
PROBE = textwrap.dedent("""
    import asyncio, datetime as dt, json, sys
    from pathlib import Path
    from plumbline.app.tracker import Tracker
    from plumbline.cli.late_reminders import LateReminders
    from plumbline.ui.app import PlumblineApp

    WATCHED = ("apscheduler", "dbus_fast", "plumbline.notify.service")
    seen = {}
    tracker = Tracker(Path(sys.argv[1]), Path(sys.argv[2]))
    tracker.store.update_meta(lambda meta: meta.update(notice_seen=True))
    now = lambda: dt.datetime(2026, 11, 23, 10, 0).astimezone()
    late = LateReminders(tracker, now)

    class Probed(PlumblineApp):
        def _display(self, screen, update):
            # Textual writes every frame to the terminal here; the first is the first paint.
            if "painted" not in seen and update is not None:
                seen["painted"] = [m for m in WATCHED if m in sys.modules]
                seen["started at paint"] = late.service is not None
            return super()._display(screen, update)

    async def pilot(p):
        await p.pause()
        for _ in range(200):
            if late.service is not None and late.service.scheduler is not None:
                break
            await asyncio.sleep(0.01)
        await p.pause()
        seen["later"] = [m for m in WATCHED if m in sys.modules]
        seen["countdown"] = str(p.app.screen.query_one("#break-countdown").render())
        p.app.exit()

    Probed(tracker, clock=lambda: now().replace(tzinfo=None), reminders=late).run(
        headless=True, size=(80, 24), auto_pilot=pilot)
    print(json.dumps(seen))
""")


def test_the_reminder_service_starts_after_the_first_frame_and_is_not_imported_before(data_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
    done = subprocess.run([sys.executable, "-c", PROBE, str(data_dir), str(BUILTIN_HABITS)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["painted"] == [] and not seen["started at paint"]
    assert set(seen["later"]) == {"apscheduler", "dbus_fast", "plumbline.notify.service"}
    assert "Next posture break" in seen["countdown"]  # the plan reached the countdown once started
