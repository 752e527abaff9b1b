"""Simulated sync engines over real directories, for scenario tests of a data dir in a synced
folder: Syncthing (peer to peer), Nextcloud and Dropbox (a server folder and clients)."""

from tests.sync.engines.base import Round
from tests.sync.engines.syncthing import Syncthing

__all__ = ["Round", "Syncthing"]
