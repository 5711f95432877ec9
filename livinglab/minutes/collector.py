"""Fewer cyclic garbage collections while reading.

Reading allocates millions of small objects that live until the document is
returned, so the default young-generation threshold (700) makes the collector
rescan them thousands of times (~10% of the time). The threshold is raised for
the read only: cycles are still collected (a record's tree is released by the
reader as soon as it is read, see numbering.release), and peak memory stays
under the 10x budget (bench/bench_minutes.py reports it). A higher threshold
(50,000) was measured slower: each young collection then scans more.

The threshold is process-wide: with reads in several threads, the first to start
raises it and the last to finish restores it, so that overlapping reads cannot
leave it raised.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 10_000


class _State:
    lock = threading.Lock()
    readers = 0
    saved: tuple[int, ...] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    with _State.lock:
        if _State.readers == 0:
            _State.saved = gc.get_threshold()
            gc.set_threshold(max(_State.saved[0], YOUNG_THRESHOLD), *_State.saved[1:])
        _State.readers += 1
    try:
        yield
    finally:
        with _State.lock:
            _State.readers -= 1
            if _State.readers == 0:
                gc.set_threshold(*_State.saved)
