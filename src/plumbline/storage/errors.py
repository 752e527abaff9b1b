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
        super().__init__(f"{where}field '{field}' {problem}")
