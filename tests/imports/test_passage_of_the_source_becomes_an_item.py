from tests.imports.conftest import post_draft
from tests.imports.records import PROSE_RECORD

SENTENCE = "關於路燈資料介接，交通局表示明年三月底前可以完成介面，經發局協助提供新北端的資料。"


def test_selected_words_become_an_item_with_their_place_in_the_source(client, blank_draft):
    start = PROSE_RECORD.index(SENTENCE)

    response = post_draft(
        client,
        blank_draft,
        op="passage",
        passage_start=str(start),
        passage_end=str(start + len(SENTENCE)),
        passage_text=SENTENCE,
    )

    assert response["Location"].endswith("#row-0-0")
    blank_draft.refresh_from_db()
    [meeting] = blank_draft.proposal["meetings"]  # made for it: the draft had none
    [item] = meeting["items"]
    assert item["text"] == SENTENCE
    assert item["span"] == [start, start + len(SENTENCE)]
    page = client.get(f"/imports/{blank_draft.pk}/").content.decode()
    assert f'<mark id="item-0-0" tabindex="-1">{SENTENCE}</mark>' in page


def test_pasted_words_without_offsets_are_found_in_the_source(client, blank_draft):
    post_draft(client, blank_draft, op="add-meeting")

    post_draft(client, blank_draft, op="passage", passage_text=f"\n{SENTENCE}  ")

    blank_draft.refresh_from_db()
    [item] = blank_draft.proposal["meetings"][0]["items"]
    start = PROSE_RECORD.index(SENTENCE)
    assert item["span"] == [start, start + len(SENTENCE)]


def test_words_that_are_not_in_the_source_are_refused_with_the_reason(client, blank_draft):
    response = post_draft(client, blank_draft, op="passage", passage_text="沒有這句話")

    assert response.status_code == 400
    assert "The selected words were not found in the source text." in response.content.decode()
    blank_draft.refresh_from_db()
    assert blank_draft.proposal["meetings"] == []


def test_a_second_passage_goes_in_source_order(client, blank_draft):
    first = "先由產業局說明夜市行動支付推廣的現況"
    post_draft(client, blank_draft, op="passage", passage_text=SENTENCE)

    post_draft(client, blank_draft, op="passage", passage_text=first)

    blank_draft.refresh_from_db()
    texts = [item["text"] for item in blank_draft.proposal["meetings"][0]["items"]]
    assert texts == [first, SENTENCE]
