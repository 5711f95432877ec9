"""Every export opens in LibreOffice: converted headless to PDF, the text is all there."""

from django.core.management import call_command

from livinglab.reports.exports import FORMATS
from tests.reports.libreoffice import needs_libreoffice, printed_pages
from tests.work.conftest import make_case


@needs_libreoffice
def test_tracking_table_opens_in_libreoffice_in_every_format(world, tmp_path):
    make_case(world, "青創交流合作", lead=world.industry, supporting=[world.economic])
    make_case(world, "瑞芳工業區事業廢棄物清運案", lead=world.economic)
    files = []
    for fmt in FORMATS:
        out = tmp_path / f"table-{fmt}.{fmt}"
        call_command("tracking_table", "--body", world.body.name, "--format", fmt, "-o", str(out))
        files.append(out)
    printed = printed_pages(files, tmp_path)
    for file in files:
        pages = printed[file]
        width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
        assert width > height, f"{file.name} should print on A4 landscape"
        assert abs(width - 842) < 3 and abs(height - 595) < 3, (file.name, width, height)
        text = "".join(page.extract_text() for page in pages)
        compact = "".join(text.split())
        assert "青創交流合作" in compact, file.name
        assert "瑞芳工業區事業廢棄物清運案" in compact, file.name
        assert world.body.name in compact, file.name
