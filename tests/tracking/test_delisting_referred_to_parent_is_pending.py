import pytest

from livinglab.tracking.models import Case
from livinglab.tracking.services.importing import import_minutes
from livinglab.tracking.services.lifecycle import referral_in
from tests.tracking.documents import document, item, meeting


@pytest.mark.parametrize(
    ("text", "referral"),
    [
        ("上開 3 案均已辦理完畢，將提至副首長會議解列。", "提至副首長會議解列"),
        ("經兩市合意解列，俟下次副首長會議上提出解除列管。", "俟下次副首長會議上提出解除列管"),
        ("本案尚未提至副首長會議列管，故逕於小組解列。", ""),
        ("本案解除列管。", ""),
    ],
)
def test_referral_words_are_found(text, referral):
    assert referral_in(text) == referral


def test_delisting_referred_to_parent_is_pending(world, reader):
    text = "智慧路燈合作案已辦理完畢，將提至副首長會議解列。"
    record = meeting("2024-03-01", [item(["智慧路燈合作案"], "delisted", text=text)])

    import_minutes(world.secretary, world.body, [reader.add(b"x", document(record))], confirm=True)

    case = Case.objects.get()
    assert (case.state, case.closure, case.pending) == ("closed", "delisted", "提至副首長會議解列")
    assert list(Case.objects.pending()) == [case]
