"""The .ods and .odt write their case rows as XML text (fast); odfpy reads them back as
written."""

import io
import zipfile

import pytest

from livinglab.reports.exports import to_ods, to_odt
from livinglab.reports.tracking_table import build_table
from tests.reports.readback import case_titles, rows_of
from tests.work.conftest import make_case


@pytest.mark.parametrize("fmt", ["ods", "odt"])
def test_titles_with_markup_and_control_characters_read_back(world, fmt):
    make_case(world, 'A&B <路燈> "示範"\x0b案', lead=world.industry)
    make_case(world, "第二案", lead=world.economic, supporting=[world.transport])
    data = {"ods": to_ods, "odt": to_odt}[fmt](build_table(world.body))
    assert case_titles(fmt, data) == ['A&B <路燈> "示範"案', "第二案"]
    second = [row for row in rows_of(fmt, data) if row[:1] == ["2"]][0]
    assert second[2] == "新北市政府經濟發展局\n協辦：臺北市政府交通局"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.testzip() is None
