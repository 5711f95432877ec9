"""The one exception the reader raises for input it cannot read."""


class Problem:
    """What went wrong, as a stable code: applications word their own message from it
    (in their user's language); `reason` stays the plain English one the CLI prints."""

    CANNOT_OPEN = "cannot-open"
    TOO_LARGE = "too-large"
    UNSUPPORTED = "unsupported"
    NOT_TEXT = "not-text"
    CORRUPT = "corrupt"
    UNSAFE = "unsafe"  # a zip bomb, or XML with a DTD or entities
    ENCRYPTED = "encrypted"
    SCANNED = "scanned"


class MinutesError(Exception):
    """A file could not be read; the message names the file and the reason."""

    def __init__(self, source: str, reason: str, problem: str = Problem.CORRUPT) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.problem = problem
