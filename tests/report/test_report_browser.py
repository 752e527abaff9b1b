"""The report in a real browser: Debian's headless Chromium (installed by .ci/run), driven by
Playwright over its own pipe. It must load with no console error and no request beyond the file
itself, show the habit table and the chart (read from the screenshot's pixels), and print the
default report of the ten built-in habits on one page."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright
from pypdf import PdfReader
from scripts.demo_data import write_demo, write_report_demo

from plumbline.report import chart

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NOW = "2026-11-25T19:30:00"
VIEWPORT = {"width": 1000, "height": 1600}
A4_POINTS = (595.92, 842.88)
# Root in a container (CI) cannot use Chromium's sandbox; nothing here is fetched from anywhere.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--hide-scrollbars"]


def _report(cli, data_dir: Path, folder: Path, write) -> Path:
    write(data_dir, dt.date.fromisoformat(NOW[:10]))
    path = folder / "report.html"
    result = cli("report", "--output", str(path), now=NOW)
    assert result.code == 0, result.err
    return path


@pytest.fixture
def browser():
    with sync_playwright() as driver:
        # Debian's chromium, never a downloaded one.
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
        yield launched
        launched.close()


def test_it_loads_offline_with_no_console_error_and_no_request(cli, data_dir, tmp_path, browser):
    path = _report(cli, data_dir, tmp_path, write_report_demo)
    page = browser.new_page(viewport=VIEWPORT)
    said, requests, failures = [], [], []
    page.on("console", lambda message: said.append((message.type, message.text)))
    page.on("pageerror", lambda error: said.append(("pageerror", str(error))))
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.goto(path.as_uri(), wait_until="load")
    assert said == []  # a blocked fetch or script would be a CSP error here
    assert requests == [path.as_uri()] and failures == []
    assert page.locator("script").count() == 0
    assert page.locator("table.weeks tbody tr[data-habit]").count() == 10


def test_the_table_and_the_chart_are_visible_in_a_screenshot(cli, data_dir, tmp_path, browser):
    path = _report(cli, data_dir, tmp_path, write_report_demo)
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(path.as_uri(), wait_until="load")
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")  # the first screenful, as a person sees it
    table = _region(shot, page.locator("table.weeks").bounding_box())
    drawn = _region(shot, page.locator("svg.chart").bounding_box())
    # The table: its header's grey, a tint for weeks fully done, dark text on it.
    assert _count(table, "#eef1f5") > 2000 and _count(table, "#d7ecd8") > 2000
    assert _count(table, "#1b1f24", tolerance=60) > 1500
    # The chart: reading dots, the weekly highest in red, the days done in green under it.
    assert _count(drawn, chart.READING, tolerance=40) > 300
    assert _count(drawn, chart.HIGHEST, tolerance=40) > 300
    assert _count(drawn, chart.DONE, tolerance=30) > 5000


def _region(shot: Image.Image, box: dict | None) -> Image.Image:
    assert box is not None
    assert box["y"] + box["height"] <= VIEWPORT["height"], "not on the first screenful"
    return shot.crop((int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"])))


def _count(image: Image.Image, colour: str, tolerance: int = 6) -> int:
    """Pixels within `tolerance` (per channel) of `colour`: anti-aliased edges blend, the inside does not."""
    want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    seen = image.getcolors(maxcolors=image.width * image.height) or []
    return sum(n for n, pixel in seen if all(abs(a - b) <= tolerance for a, b in zip(pixel, want)))


def test_print_to_pdf_gives_one_page_for_the_default_report_of_ten_habits(cli, data_dir, tmp_path, browser):
    path = _report(cli, data_dir, tmp_path, write_demo)
    printed = tmp_path / "report.pdf"
    done = subprocess.run([CHROMIUM, *FLAGS, f"--print-to-pdf={printed}", path.as_uri()], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(PdfReader(printed).pages) == 1  # Chromium's own paper: Letter
    # On A4, through the same printing (DevTools' printToPDF, which --print-to-pdf calls).
    page = browser.new_page()
    page.goto(path.as_uri(), wait_until="load")
    a4 = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert len(a4.pages) == 1
    box = a4.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(p) for p in A4_POINTS)


def test_with_notes_the_first_printed_page_still_holds_the_summary_table_and_chart(cli, data_dir, tmp_path, browser):
    path = _report(cli, data_dir, tmp_path, write_report_demo)
    page = browser.new_page()
    page.goto(path.as_uri(), wait_until="load")
    for paper in ("A4", "Letter"):
        first = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True))).pages[0].extract_text()
        for heading in ("Habits and pain", "It is not a diagnosis", "Habits, week by week", "Pain and habits"):
            assert heading in " ".join(first.split()), (paper, heading)
