"""The cyclic collector is paused during a read, restored after it, and a read
leaves no cyclic garbage for it to find."""

import gc
from pathlib import Path

import pytest

from livinglab.minutes.collector import collections_paused
from livinglab.minutes.reader import parse_text

SAMPLES = Path(__file__).parent / "samples"


def test_collector_restored_after_a_read() -> None:
    assert gc.isenabled()
    parse_text("會議紀錄\n時間：113年3月5日\n地點：臺北市政府\n決議：洽悉。\n")
    assert gc.isenabled()


def test_overlapping_reads_restore_the_collector() -> None:
    first, second = collections_paused(), collections_paused()
    first.__enter__()
    second.__enter__()
    assert not gc.isenabled()
    first.__exit__(None, None, None)  # the first to start ends first
    assert not gc.isenabled()  # the other read goes on
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_restored_when_a_read_fails() -> None:
    with pytest.raises(RuntimeError), collections_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_a_read_leaves_no_cyclic_garbage() -> None:
    """What makes the pause safe: nothing a read drops needs the collector."""
    text = "\n\n".join(path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt")))
    gc.collect()
    gc.disable()
    try:
        document = parse_text(text)
        assert document.meetings
        del document
        assert gc.collect() == 0
    finally:
        gc.enable()
