"""The one zip-bomb guard every upload of a zip container goes through."""

import io
import zipfile

import pytest

from livinglab.zipguard import ZipBomb, ZipLimits, check_zip


def archive_of(**members: bytes) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_an_ordinary_document_passes():
    check_zip(archive_of(**{"content.xml": "<p>會議紀錄</p>".encode() * 200}))


def test_a_highly_compressed_part_is_refused():
    with pytest.raises(ZipBomb):
        check_zip(archive_of(bomb=b"\0" * (5 << 20)))


def test_too_many_parts_are_refused():
    with pytest.raises(ZipBomb):
        check_zip(archive_of(**{f"p{n}": b"x" for n in range(11)}), ZipLimits(members=10))


def test_parts_larger_than_the_total_are_refused():
    with pytest.raises(ZipBomb):
        check_zip(archive_of(a=b"x" * 600, b=b"y" * 600), ZipLimits(total=1000, ratio=10**6))
