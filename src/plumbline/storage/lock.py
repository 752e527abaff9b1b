"""The data dir's inter-process lock: one writer at a time, with a time limit and a named holder.

fcntl.flock, so the kernel releases the lock when its holder dies. A holder that is alive but
stopped (Ctrl+Z, SIGSTOP) keeps it: a command waits LOCK_TIMEOUT seconds, then gives up naming
the holder's pid, which every holder writes into the lock file. The lock is re-entrant within a
process (a backup, an import and the writes they wrap share one hold), and threads of one
process take turns, since flock alone does not tell two threads apart.
"""

from __future__ import annotations

# threading and fcntl load only once a lock is taken: a read takes none, and they were 1.5% of
# `plumbline today` (fcntl, an extension module, costs a dlopen).
import _thread
import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from plumbline.errors import PlumblineError, storage_error
from plumbline.storage.atomic import private_folder, read_regular

TIMEOUT_VAR = "PLUMBLINE_LOCK_TIMEOUT"  # seconds; tests set a short one
DEFAULT_TIMEOUT = 10.0
POLL_SECONDS = 0.02


class LockBusy(PlumblineError):
    exit_code = 1


class _Hold:
    def __init__(self) -> None:
        import threading

        self.thread_lock = threading.RLock()
        self.depth = 0
        self.fd = -1


_holds: dict[str, _Hold] = {}
_holds_guard = _thread.allocate_lock()


_process_timeout: float | None = None


def set_process_timeout(seconds: float | None) -> None:
    """How long this process waits when $PLUMBLINE_LOCK_TIMEOUT does not say: the app waits
    less than a command, since its UI thread must not freeze."""
    global _process_timeout
    _process_timeout = seconds


# waiting_at_most's setting (a wait limit, a give-up test) by thread; each thread touches only its own.
_waits: dict[int, tuple[float, Callable[[], bool]]] = {}


@contextlib.contextmanager
def waiting_at_most(seconds: float, give_up: Callable[[], bool] = lambda: False) -> Iterator[None]:
    """In this thread, wait at most `seconds` for the lock (0: only take it if free), and stop
    waiting as soon as `give_up()` is true (an app quitting while a save waits)."""
    me = _thread.get_ident()
    saved = _waits.get(me)
    _waits[me] = (seconds, give_up)
    try:
        yield
    finally:
        if saved is None:
            del _waits[me]
        else:
            _waits[me] = saved


def lock_timeout() -> float:
    """$PLUMBLINE_LOCK_TIMEOUT caps whatever this thread or process would otherwise wait."""
    local = _waits.get(_thread.get_ident(), (None, None))[0]
    wait = local if local is not None else DEFAULT_TIMEOUT if _process_timeout is None else _process_timeout
    try:
        return min(wait, max(0.0, float(os.environ[TIMEOUT_VAR])))
    except (KeyError, ValueError):
        return wait


@contextlib.contextmanager
def exclusive_lock(lock_file: Path, wait: bool = True, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock. wait=False: BlockingIOError at once if another process holds it.
    Otherwise wait up to `timeout` seconds (default: $PLUMBLINE_LOCK_TIMEOUT, else 10), then LockBusy."""
    import fcntl

    limit = (lock_timeout() if timeout is None else timeout) if wait else 0.0
    with _holds_guard:
        hold = _holds.setdefault(str(lock_file), _Hold())
    if not hold.thread_lock.acquire(timeout=limit if wait else 0):
        if not wait:
            raise BlockingIOError(11, "the lock is held by another thread", str(lock_file))
        raise _busy(lock_file, limit)
    try:
        if hold.depth == 0:
            hold.fd = _take(lock_file, wait, limit)
        hold.depth += 1
        try:
            yield
        finally:
            hold.depth -= 1
            if hold.depth == 0:
                fd, hold.fd = hold.fd, -1
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
    finally:
        hold.thread_lock.release()


def _take(lock_file: Path, wait: bool, limit: float) -> int:
    import fcntl

    try:
        private_folder(lock_file.parent)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as error:
        raise storage_error(error, lock_file, doing="create the lock") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait or not _wait_for(fd, limit, _waits.get(_thread.get_ident(), (None, None))[1]):
                raise _busy(lock_file, limit) if wait else BlockingIOError(11, "held", str(lock_file)) from None
        # Who holds it, for the message of whoever waits next. Best effort: a full disk must not
        # stop the write the lock is for.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _wait_for(fd: int, limit: float, give_up: Callable[[], bool] | None) -> bool:
    """Wait up to `limit` seconds for the lock on `fd`; True once held.

    A blocking flock, so the kernel hands the lock over the moment it is free (polling would let
    a process that releases and takes it again starve the waiters), run in a helper thread on a
    duplicate of the descriptor: flock has no time limit of its own. If the wait is abandoned
    and the helper gets the lock later, it lets it go at once."""
    import fcntl
    import threading

    dup = os.dup(fd)
    got, state = threading.Event(), {"abandoned": False}
    guard = threading.Lock()

    def block() -> None:
        try:
            fcntl.flock(dup, fcntl.LOCK_EX)
        except OSError:
            os.close(dup)
            return
        with guard:
            if state["abandoned"]:
                fcntl.flock(dup, fcntl.LOCK_UN)
            else:
                got.set()
        os.close(dup)  # the lock stays with the open file, which `fd` still holds

    threading.Thread(target=block, name="plumbline-lock-wait", daemon=True).start()
    deadline = time.monotonic() + limit
    while not got.wait(min(POLL_SECONDS, max(0.0, deadline - time.monotonic()))):
        if time.monotonic() >= deadline or (give_up is not None and give_up()):
            with guard:
                if got.is_set():
                    return True
                state["abandoned"] = True
            return False
    return True


def holder(lock_file: Path) -> str:
    try:
        text = (read_regular(lock_file) or b"").decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""


def _busy(lock_file: Path, limit: float) -> LockBusy:
    pid = holder(lock_file)
    who = f"plumbline process {pid}" if pid else "another plumbline process"
    return LockBusy(f"{lock_file.parent} is in use by {who}, which held its lock {lock_file} for more than "
                    f"{limit:g} s: let it finish, or end it (kill {pid or 'PID'}) if it hangs, then try again")
