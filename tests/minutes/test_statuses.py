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


@pytest.mark.parametrize(
    "text",
    [
        "本案轉為常態性交流，並解除列管。",
        "考量各市均已穩定辦理，改為常態性辦理。",
        "本案自即日起列入常態交流項目。",
        "長照據點互訪納入常態業務辦理，解除列管。",
        "本案回歸常態業務辦理並解除列管。",
        "常態性辦理聯合稽查，解除列管。",
        "後續由兩市常態化推動，本案予以解列。",
        "活動皆已辦理完成，本案轉為常態交流。",
    ],
)
def test_a_decision_formula_turns_the_case_into_regular_exchange(text):
    assert decide(statuses(text)) == "regular"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the work described as routine: no decision about the case
        ("本項業務為各市常態例行性業務，請各市提出成果。", None),
        ("路燈巡檢屬常態性業務，請工務局持續辦理。", "tracked"),
        ("本案係各區公所常態辦理之工作，請持續推動。", "tracked"),
        ("兩市已常態性辦理交流，請於年底前提出成果。", None),
        ("防汛整備已屬常態業務，同意解除列管。", "delisted"),
        # a turn still to come keeps the case tracked
        ("本案請於明年6月辦理完成轉為常態交流。", "tracked"),
        ("年底辦理完成轉為常態性交流，屆時提報小組會議。", "tracked"),
        ("俟示範場域驗收後轉為常態辦理。", "tracked"),
        ("下次會議再研議是否轉為常態交流。", "tracked"),
        ("待各市完成評估後列入常態交流。", "tracked"),
        ("本案將於第4季列入常態交流。", "tracked"),
    ],
)
def test_routine_work_described_or_a_future_turn_is_not_regular(text, status):
    assert decide(statuses(text)) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("請將成果提報第4季小組會議解除列管。", "tracked"),
        ("本案於下次工作小組會議解除列管。", "tracked"),
        ("兩市合意解列，提報下次副首長會議確認。", "delisted"),
    ],
)
def test_delisting_at_a_later_meeting_keeps_the_case_tracked_unless_referred_upward(text, status):
    assert decide(statuses(text)) == status


def test_a_case_closed_first_is_delisted():
    from livinglab.minutes.statuses import item_status

    assert item_status("本案先行結案，俟排除占用後再由工務局辦理。", [], True) == "delisted"
    assert item_status("故本案先予結案。", [], True) == "delisted"
