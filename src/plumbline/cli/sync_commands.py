"""sync status: which devices share the data dir, when each last wrote, and what is not merged."""

from __future__ import annotations

import argparse
from typing import Any

from plumbline.app.sync_status import SyncStatus, sync_status
from plumbline.cli import render, terminal
from plumbline.cli.checklist_commands import open_tracker


def status(args: argparse.Namespace) -> int:
    found = sync_status(open_tracker(args))
    if args.json:
        terminal.say_json(render.to_json(status_json(found)))
    else:
        terminal.say(*status_text(found))
    return 0


def status_json(found: SyncStatus) -> dict[str, Any]:
    return {
        "this_device": found.this_device,
        "devices": [{"id": d.id, "last_write": d.last_write.isoformat(timespec="seconds") if d.last_write else None,
                     "files": d.files, "this_device": d.this} for d in found.devices],
        "unmerged": [{"file": u.file, "why": u.why} for u in found.unmerged],
        "files_from_before_devices": found.legacy_files,
    }


def status_text(found: SyncStatus) -> list[str]:
    lines = ["Devices writing to this data dir:"]
    for device in found.devices:
        when = f"last wrote {device.last_write:%Y-%m-%d %H:%M}" if device.last_write else "has not written yet"
        files = "1 file" if device.files == 1 else f"{device.files} files"
        lines.append(f"  {device.id}{' (this device)' if device.this else ''}: {when}, {files}")
    if found.legacy_files:
        lines.append(f"  and {found.legacy_files} files from before devices (read with the others, never written)")
    if not found.unmerged:
        lines.append("Everything here is merged.")
    else:
        lines.append("Not merged yet:")
        lines += [f"  {u.file}: {u.why}" for u in found.unmerged]
    return lines


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    parser.add_argument("action", choices=["status"], help="status: the devices seen and anything not merged")
    parser.add_argument("--json", action="store_true", help="as JSON")
    parser.set_defaults(run=status)
