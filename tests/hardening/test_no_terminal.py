"""Issue 12, item 10: `plumbline` or `plumbline routine NAME` started without a terminal ran
forever at about 95% CPU. Now: one line, exit 2, at once."""

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [(), ("routine", "towel")], ids=["app", "routine"])
@pytest.mark.parametrize("stdin", ["devnull", "pipe"])
def test_the_app_without_a_terminal_says_so_and_exits(data_dir, args, stdin):
    env = {**os.environ, "PLUMBLINE_DATA_DIR": str(data_dir), "PLUMBLINE_NOW": "2026-11-23T10:00:00"}
    done = subprocess.run([sys.executable, "-m", "plumbline", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL if stdin == "devnull" else subprocess.PIPE, input=None, timeout=30)
    assert done.returncode == 2
    assert done.stderr.startswith("plumbline: error: the app needs a terminal") and done.stderr.count("\n") == 1
    assert done.stdout == ""
