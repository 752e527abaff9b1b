"""config.xml for a Syncthing 1.19 instance that talks only to its peer on 127.0.0.1.

`syncthing generate` writes a config that announces itself to the world; this rewrites it so the
instance never leaves the machine (no discovery, relays, NAT, usage or crash reports, upgrades),
knows its one peer at a static address, and shares one folder with it."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

FOLDER_ID = "plumbline"
# Short enough that a missed watcher event is caught within a test; the watcher does the rest.
RESCAN_INTERVAL_S = 5
WATCHER_DELAY_S = 1

OFFLINE_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",  # usage reporting declined, so no prompt and no report
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "reconnectionIntervalS": "1",  # a resumed peer reconnects at once, not after a minute
}


@dataclass(frozen=True)
class Node:
    """One instance as the other sees it: its id, where it listens, its API port and its folder."""

    device_id: str
    listen_port: int
    gui_port: int
    folder: Path


def device_id(config: Path) -> str:
    """The instance's own id: `generate` writes exactly one device, itself."""
    return ET.parse(config).getroot().find("device").get("id")


def _set(parent: ET.Element, tag: str, text: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = text


def _device(root: ET.Element, node: Node, name: str, dial: bool) -> ET.Element:
    template = root.find("defaults/device")
    device = copy.deepcopy(template) if template is not None else ET.Element("device")
    device.set("id", node.device_id)
    device.set("name", name)
    for address in device.findall("address"):
        device.remove(address)
    # With discovery off, "dynamic" means this side never dials and only accepts.
    ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{node.listen_port}" if dial else "dynamic"
    return device


def _folder(root: ET.Element, me: Node, peer: Node) -> ET.Element:
    """The shared folder, built from the generated defaults so every field 1.19 expects is there."""
    folder = copy.deepcopy(root.find("defaults/folder"))
    folder.attrib.update({
        "id": FOLDER_ID, "label": FOLDER_ID, "path": str(me.folder), "type": "sendreceive",
        "rescanIntervalS": str(RESCAN_INTERVAL_S), "fsWatcherEnabled": "true", "fsWatcherDelayS": str(WATCHER_DELAY_S),
    })
    for device in folder.findall("device"):
        folder.remove(device)
    for node in (me, peer):
        ET.SubElement(folder, "device", {"id": node.device_id, "introducedBy": ""})
    return folder


def write_config(config: Path, me: Node, peer: Node, api_key: str, peer_name: str, dial: bool) -> None:
    """Rewrite a generated config.xml. Only one side should `dial`: when both dial at once (at
    start and on every resume) 1.19 can stall 20 s on a Hello timeout before it connects."""
    tree = ET.parse(config)
    root = tree.getroot()
    gui = root.find("gui")
    _set(gui, "address", f"127.0.0.1:{me.gui_port}")
    _set(gui, "apikey", api_key)
    options = root.find("options")
    _set(options, "listenAddress", f"tcp://127.0.0.1:{me.listen_port}")
    for key, value in OFFLINE_OPTIONS.items():
        _set(options, key, value)
    # The folder and the peer go before <gui>, where Syncthing itself writes them.
    at = list(root).index(gui)
    root.insert(at, _device(root, peer, peer_name, dial))
    root.insert(at, _folder(root, me, peer))
    tree.write(config, encoding="unicode")
