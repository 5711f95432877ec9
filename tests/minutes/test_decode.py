"""Text files in the encodings government offices use."""

import codecs

import pytest

from livinglab.minutes import MinutesError
from livinglab.minutes.decode import decode_text

TEXT = "臺北市政府會議紀錄\r\n時間：113年1月2日\r\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("cp950"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
    ],
)
def test_encodings_decode_to_the_same_text(data):
    assert decode_text(data, "x.txt") == "臺北市政府會議紀錄\n時間：113年1月2日\n"


def test_binary_is_not_text():
    with pytest.raises(MinutesError, match="not a text file"):
        decode_text(bytes(range(256)) * 10, "x.txt")
