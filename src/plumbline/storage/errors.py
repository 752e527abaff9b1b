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
        super().__init__(f"{path}: field '{field}' {problem}")
