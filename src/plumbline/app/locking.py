"""The data dir's lock, as a front end waits for it (storage/lock.py holds it).

The app never waits long on its event loop: it tries at once, and waits in a worker when
another process holds the lock, naming that process.
"""

from plumbline.storage.lock import DEFAULT_TIMEOUT, LockBusy, holder, set_process_timeout, waiting_at_most

__all__ = ["DEFAULT_TIMEOUT", "LockBusy", "holder", "set_process_timeout", "waiting_at_most"]
