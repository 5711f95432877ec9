"""Telling other apps that cases changed, so that what they derive from a case follows.

Tracking knows nothing of those apps: agency work registers a listener in its
`AppConfig.ready` (`listen`), and tracking's services report the cases they changed
(`cases_changed`), in their own transaction, so that a rolled-back change leaves nothing
derived behind. Inside `batch()` (a whole confirmed meeting, a correction) the cases are
collected and reported once, when the outermost batch ends.
"""

import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager

Listener = Callable[[set[int]], None]

_listeners: list[Listener] = []
_pending = threading.local()


def listen(listener: Listener) -> Listener:
    """Call `listener(case_ids)` whenever cases change; registering twice is harmless."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def cases_changed(cases: Iterable) -> None:
    """Report cases (objects or ids) whose state, deadline or agencies may have changed."""
    ids = {getattr(case, "pk", case) for case in cases} - {None}
    collected = getattr(_pending, "ids", None)
    if collected is not None:
        collected |= ids
    elif ids:
        _tell(ids)


@contextmanager
def batch():
    """Collect the cases changed inside the block and report them once at its end."""
    if getattr(_pending, "ids", None) is not None:
        yield  # an outer batch reports them
        return
    _pending.ids = set()
    try:
        yield
        ids = _pending.ids
    finally:
        _pending.ids = None
    if ids:
        _tell(ids)


def _tell(ids: set[int]) -> None:
    for listener in list(_listeners):
        listener(ids)
