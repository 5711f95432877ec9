"""The one exception the reader raises for input it cannot read."""


class MinutesError(Exception):
    """A file could not be read; the message names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
