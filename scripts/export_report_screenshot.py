"""Render the therapist's report from demo data in Debian's headless Chromium, into
screenshots/report.png. Run by `make screenshots`."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plumbline.report.write import write_report  # noqa: E402
from scripts.demo_data import write_report_demo  # noqa: E402

TODAY = dt.date(2026, 11, 25)
OUT = ROOT / "screenshots"
SIZE = "1000,1500"


def main() -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("export_report_screenshot: needs Chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        tracker = write_report_demo(Path(folder) / "data", TODAY)
        page = write_report(tracker, TODAY, Path(folder) / "report.html", Path(folder))
        OUT.mkdir(exist_ok=True)
        # Root (in a container) cannot use Chromium's sandbox; the page fetches nothing in any case.
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--window-size={SIZE}", f"--screenshot={OUT / 'report.png'}", page.as_uri()],
                       check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": folder})
    print("wrote screenshots/report.png")


if __name__ == "__main__":
    main()
