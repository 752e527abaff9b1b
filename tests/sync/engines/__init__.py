"""Simulated sync engines over real directories, for scenario tests of a data dir in a synced
folder: Syncthing (peer to peer), Nextcloud and Dropbox (a server folder and clients)."""

from tests.sync.engines.base import Round
from tests.sync.engines.dropbox import Dropbox
from tests.sync.engines.nextcloud import Nextcloud
from tests.sync.engines.syncthing import Syncthing

__all__ = ["Dropbox", "Nextcloud", "Round", "Syncthing"]
