"""The GC threshold is raised during a read and always restored after it."""

import gc

import pytest

from livinglab.minutes.collector import YOUNG_THRESHOLD, fewer_collections
from livinglab.minutes.reader import parse_text


def test_threshold_restored_after_a_read() -> None:
    before = gc.get_threshold()
    parse_text("會議紀錄\n時間：113年3月5日\n地點：臺北市政府\n決議：洽悉。\n")
    assert gc.get_threshold() == before


def test_overlapping_reads_restore_the_original_threshold() -> None:
    before = gc.get_threshold()
    first, second = fewer_collections(), fewer_collections()
    first.__enter__()
    second.__enter__()
    assert gc.get_threshold()[0] >= YOUNG_THRESHOLD
    first.__exit__(None, None, None)  # the first to start ends first
    assert gc.get_threshold()[0] >= YOUNG_THRESHOLD  # the other read goes on
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_threshold_restored_when_a_read_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError
    assert gc.get_threshold() == before
