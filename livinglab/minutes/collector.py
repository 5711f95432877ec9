"""The cyclic garbage collector paused while reading.

Reading allocates millions of small objects that live until the document is
returned, and the collector would rescan them again and again (~10% of the time
at its default threshold, ~3% at a raised one). A read leaves no cyclic garbage
behind — a record's tree is released as soon as it is read (numbering.release),
everything else is freed by reference counting, and a test holds the reader to
it — so the collector has nothing to find until the read ends.

The pause is process-wide: with reads in several threads, the first to start
pauses the collector and the last to finish restores it as it was, so that
overlapping reads cannot leave it off (or turn on one that was off).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _State:
    lock = threading.Lock()
    readers = 0
    was_enabled = gc.isenabled()


@contextmanager
def collections_paused() -> Iterator[None]:
    with _State.lock:
        if _State.readers == 0:
            _State.was_enabled = gc.isenabled()
            gc.disable()
        _State.readers += 1
    try:
        yield
    finally:
        with _State.lock:
            _State.readers -= 1
            if _State.readers == 0 and _State.was_enabled:
                gc.enable()
