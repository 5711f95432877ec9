"""An exchange file that is not UTF-8 text, or broken JSON, is refused with a sentence,
not Python's decoder message."""

import pytest

from livinglab.kpis.services.exchange import ExchangeRejected, read_exchange


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\xff\xfe", b"PK\x03\x04\x81\x82"])
def test_binary_file_is_refused_in_words(data):
    with pytest.raises(ExchangeRejected) as refused:
        read_exchange(data)
    assert "codec" not in str(refused.value)
    assert "UTF-8" in str(refused.value)


def test_broken_json_names_the_line_only():
    with pytest.raises(ExchangeRejected) as refused:
        read_exchange(b'{"values": [1, }')
    message = str(refused.value)
    assert "line 1" in message
    assert "Expecting" not in message


def test_a_file_past_the_limit_is_refused_unread(monkeypatch):
    from livinglab.kpis.services import exchange

    monkeypatch.setattr(exchange, "MAX_BYTES", 1000)
    with pytest.raises(ExchangeRejected) as refused:
        read_exchange(b'{"values": []}' + b" " * 1000)
    assert "larger than" in str(refused.value)
