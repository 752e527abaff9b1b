"""The installed `plumbline` command (pyproject's [project.scripts]) and `python -m plumbline`.

Only pauses the garbage collector before the command line's modules load: importing makes tens
of thousands of objects that live as long as the process, and the collector's passes over them
while argparse and the rest loaded were 3.4 million instructions of `plumbline today` (1.4%).
cli/main.py keeps it paused while the command's own modules load, freezes all of them, and
switches it back on."""

import gc
import sys


def main() -> int:
    gc.disable()
    from plumbline.cli.main import main as run_command

    return run_command(sys.argv[1:], collector=True)
