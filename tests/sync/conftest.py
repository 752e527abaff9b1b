"""The sync tests' fixtures: two real Syncthing instances (see syncthing_pair.py)."""

from tests.sync.syncthing_pair import syncthing_pair  # noqa: F401 (a fixture, found by name)
