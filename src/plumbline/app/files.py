"""Files a user asks for outside the data dir (an export, a report, a service unit): written as
the store writes its own, whole or not at all, and private."""

from plumbline.storage.atomic import atomic_write, read_regular

__all__ = ["atomic_write", "read_regular"]
