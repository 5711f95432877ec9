"""The hostile-input corpus, built in memory: files that attack a reader by what they hold.

Each builder returns bytes; `CONTENT` names them with the file name they arrive under.
The attacks on names and on text (control characters, formulas, markup) are in `NAMES`
and `TEXTS`, applied to a file each entry point would otherwise accept.
"""

import io
import os
import zipfile

DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
XLSX_TYPES = DOCX_TYPES.replace("/word/document.xml", "/xl/workbook.xml").replace(
    "wordprocessingml.document.main", "spreadsheetml.sheet.main"
)
ODT = "application/vnd.oasis.opendocument.text"

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)
EXTERNAL = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _zip(members: dict[str, bytes | str], *, stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:  # an OpenDocument's mimetype comes first, uncompressed
            archive.writestr(
                zipfile.ZipInfo("mimetype"), members.pop("mimetype"), zipfile.ZIP_STORED
            )
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx(document_xml: str) -> bytes:
    return _zip({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": document_xml})


def odt(content_xml: str) -> bytes:
    return _zip({"mimetype": ODT, "content.xml": content_xml}, stored_first="mimetype")


def xlsx(sheet_xml: str) -> bytes:
    return _zip(
        {
            "[Content_Types].xml": XLSX_TYPES,
            "xl/workbook.xml": "<workbook/>",
            "xl/worksheets/sheet1.xml": sheet_xml,
        }
    )


def _word(body: str) -> str:
    return (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>"
    )


def _zeros() -> str:
    # 3 MB of one character packs into a few kilobytes: a ratio no office file has.
    return "<x>" + "0" * (3 << 20) + "</x>"


def zip_bomb_docx() -> bytes:
    return docx(_word("會議紀錄") + _zeros())


def zip_bomb_odt() -> bytes:
    return odt(_zeros())


def zip_bomb_xlsx() -> bytes:
    return xlsx(_zeros())


def laughs_docx() -> bytes:
    return docx(LAUGHS + _word("&lol9;"))


def laughs_odt() -> bytes:
    return odt(LAUGHS + "<office:document-content>&lol9;</office:document-content>")


def laughs_xlsx() -> bytes:
    return xlsx(LAUGHS + "<worksheet><sheetData>&lol9;</sheetData></worksheet>")


def external_entity_docx() -> bytes:
    return docx(EXTERNAL + _word("&xxe;"))


def external_entity_xlsx() -> bytes:
    return xlsx(EXTERNAL + "<worksheet><sheetData>&xxe;</sheetData></worksheet>")


def corrupt_zip() -> bytes:
    return b"PK\x03\x04" + bytes(range(256)) * 8


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + os.urandom(512)


def binary() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def binary_without_magic() -> bytes:
    return b"\x00\x01\x02\x03\xfe\xff" * 200 + b"\x00" * 100


# What each file holds, and the name it comes under (the extension a reader expects).
CONTENT = {
    "zip bomb (.docx)": ("紀錄.docx", zip_bomb_docx),
    "zip bomb (.odt)": ("紀錄.odt", zip_bomb_odt),
    "zip bomb (.xlsx)": ("進度.xlsx", zip_bomb_xlsx),
    "billion laughs (.docx)": ("紀錄.docx", laughs_docx),
    "billion laughs (.odt)": ("紀錄.odt", laughs_odt),
    "billion laughs (.xlsx)": ("進度.xlsx", laughs_xlsx),
    "external entity (.docx)": ("紀錄.docx", external_entity_docx),
    "external entity (.xlsx)": ("進度.xlsx", external_entity_xlsx),
    "corrupt zip (.docx)": ("紀錄.docx", corrupt_zip),
    "corrupt zip (.xlsx)": ("進度.xlsx", corrupt_zip),
    "truncated (.docx)": ("紀錄.docx", lambda: truncated(docx(_word("會議紀錄" * 500)))),
    "corrupt pdf": ("紀錄.pdf", corrupt_pdf),
    "binary as text (.txt)": ("紀錄.txt", binary),
    "binary as text (.csv)": ("數值.csv", binary_without_magic),
    "empty file (.txt)": ("紀錄.txt", lambda: b""),
}

# Names that attack where a file is stored or how it is shown.
NAMES = {
    "very long extension": "紀錄." + "x" * 300,
    "very long name": "紀" * 400 + ".pdf",
    "path separators": "../../etc/passwd.pdf",
    "windows path": "..\\..\\windows\\win.ini.pdf",
    "NUL in name": "紀錄\x00.pdf",
    "control characters in name": "紀錄\x01\x1b[31m\x7f.pdf",
    "formula as name": '=HYPERLINK("http://evil.example/","點我").pdf',
    "script tag as name": "<script>alert(1)</script>.pdf",
}

# Text that must come out as text wherever it is shown or written.
FORMULA = '=HYPERLINK("http://evil.example/","點我")'
SCRIPT = "<script>alert('x')</script>"
CONTROL = "機房\x01\x08\x0b\x1b[31m汰換\x7f"
TEXTS = {"formula": FORMULA, "script tag": SCRIPT, "control characters": CONTROL}
