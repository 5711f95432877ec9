"""Statuses, including the hard cases of future and referred delisting."""

import pytest

from livinglab.minutes.statuses import decide, item_status, statuses


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("本案繼續列管。", "tracked"),
        ("請持續辦理交流合作。", "tracked"),
        ("本案解除列管。", "delisted"),
        ("相關活動辦理完成後解除列管。", "tracked"),
        ("經兩市合意解列，俟下次副首長會議上提出解除列管。", "delisted"),
        ("均已辦理完畢，將提至副首長會議解列。", "delisted"),
        ("至第4季小組會議時再研議是否轉為常態交流予以解列。", "tracked"),
        ("請將成果提報至第4季小組會議解除列管。", "tracked"),
        ("本案轉為常態交流予以解列。", "regular"),
        ("常態性辦理交流合作，解除列管。", "regular"),
        ("本案將定名為「新名稱」，請持續推動。", "renamed"),
        ("本案同意新增立案。", "new"),
        ("准予備查。", "noted"),
        ("洽悉。", "noted"),
        ("本案不予解列，繼續追蹤。", "tracked"),
        ("請行銷科完成宣傳，本案持續列管。", "tracked"),
    ],
)
def test_status_of_a_decision(text, status):
    assert decide(statuses(text)) == status


def test_negated_tracking_is_no_status():
    assert statuses("惟尚未提至副首長會議列管") == set()


def test_new_proposal_not_yet_tracked_is_new():
    assert item_status("本案暫不於副首長會議提請列管。", ["新增合作提案(1案)"], True) == "new"
    assert item_status("本案於下次副首長會議提案列管。", ["新增提案"], True) == "new"


def test_status_inherited_from_the_heading_over_the_item():
    assert item_status("請兩市交流。", ["列管合作案（計7案）"], True) == "tracked"
