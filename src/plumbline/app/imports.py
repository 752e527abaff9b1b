"""`import FILE`: any file a user may bring in, recognised by its content, whatever its name.

A Loop file is a zip or SQLite file of Loop's shape (storage/loop_formats.py); anything else must
be a plumbline JSON export. Each import is all or nothing (importing.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plumbline.app.tracker import Tracker
from plumbline.errors import BadInput
from plumbline.storage.atomic import read_regular
from plumbline.storage.loop_formats import ACCEPTED, sniff


def import_file(tracker: Tracker, path: Path, now: dt.datetime) -> list[str]:
    """Import `path`; the lines that say what came in."""
    if path.exists() and not (path.is_file() or path.is_dir()):
        raise BadInput(f"import file {path} is not a regular file (a FIFO or a device): give an export file")
    if sniff(path) is not None:
        from plumbline.app.loop_import import import_loop

        return import_loop(tracker, path, now).lines()
    from plumbline.app.transfer import CSV_HEADER, import_json

    try:
        raw = read_regular(path)
        if raw is None:
            raise FileNotFoundError(2, "there is no such file")
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"cannot read import file {path}: it is not text in UTF-8; give {ACCEPTED}") from None
    except OSError as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BadInput(f"cannot read import file {path} ({reason}); check the path") from None
    if text.startswith(",".join(CSV_HEADER)):
        raise BadInput(f"import file {path} is plumbline's CSV export, which is for spreadsheets only: "
                       "import a JSON export (plumbline export --format json) instead")
    entries, pains = import_json(tracker, path, text, now)
    return [f"Imported {entries} check-in{'s' if entries != 1 else ''} and "
            f"{pains} pain reading{'s' if pains != 1 else ''}"]
