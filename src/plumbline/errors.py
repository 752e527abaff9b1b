"""Errors a user can act on; each message names the file or value and says what to do."""


class PlumblineError(Exception):
    """A failure to report as one line; `exit_code` follows the contract (2 bad input, 1 other)."""

    exit_code = 1


class BadInput(PlumblineError):
    exit_code = 2


class DamagedDatabase(PlumblineError):
    exit_code = 1


class HabitFileError(PlumblineError):
    exit_code = 2

    def __init__(self, path: object, field: str, problem: str) -> None:
        self.path = path
        self.field = field
        self.problem = problem
        super().__init__(f"{path}: {_field(field)}{problem}")


def _field(field: str) -> str:
    return "" if field == "-" else f"field '{field}' "  # "-": the file as a whole


class RoutineFileError(PlumblineError):
    """A routine file that cannot be used; names the file, the step when it is one, and the field."""

    exit_code = 2

    def __init__(self, path: object, field: str, problem: str, step: int | None = None, step_name: str = "") -> None:
        self.path = path
        self.field = field
        self.problem = problem
        self.step = step  # 1-based, as a person counts the [[steps]] tables
        where = f"{path}: "
        if step is not None:
            where += f"step {step} '{step_name}': " if step_name else f"step {step}: "
        super().__init__(f"{where}{_field(field)}{problem}")


class StorageError(PlumblineError):
    """A file plumbline could not write or reach: a full, read-only or foreign disk or folder."""

    exit_code = 1


# What a user can do about each cause, by errno name.
_REMEDIES = {
    "ENOSPC": "free some space on that disk, then try again",
    "EDQUOT": "free some space (the disk quota is used up), then try again",
    "EROFS": "the disk is mounted read-only: make it writable, or give another folder with --data-dir",
    "EACCES": "plumbline may not use it: check the owner and permissions of the file and its folder",
    "EPERM": "plumbline may not use it: check the owner and permissions of the file and its folder",
    "ENOTDIR": "a file stands where a folder should be: move it away",
    "EISDIR": "a folder stands where a file should be: move it away",
    "EIO": "the disk reported an error: check it, then try again",
}


def storage_error(error: OSError, path: object = None, doing: str = "write") -> StorageError:
    """One line naming the file, the cause and what to do."""
    import errno

    where = path if path is not None else (error.filename or "a file in the data dir")
    code = errno.errorcode.get(error.errno or 0, "")
    remedy = _REMEDIES.get(code, "check the disk and the folder, then try again")
    return StorageError(f"cannot {doing} {where} ({error.strerror or error}): {remedy}")
