"""Text bound for office files (.xlsx, .docx, .ods, .odt, .csv).

Case names, decisions and progress reports come from minutes and from people; some hold
control characters (pasted from old word processors) that XML cannot carry, and some
begin with `=` or `+`, which a spreadsheet would run as a formula. Every exporter passes
its text through here, so a hostile or damaged name is written as the words it is.
"""

import re

# XML 1.0 allows tab, newline and carriage return among the C0 controls, nothing else.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What a spreadsheet reads as the start of a formula (OWASP's list for CSV).
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text) if text else text


def cell_value(value):
    """A value for a spreadsheet cell: text cleaned, anything else as it is."""
    return xml_safe(value) if isinstance(value, str) else value


def append_row(sheet, values) -> None:
    """Append a row to an openpyxl sheet, text always stored as text, never a formula."""
    sheet.append([cell_value(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def csv_value(value):
    """A CSV field that no spreadsheet opening the file will evaluate."""
    if not isinstance(value, str):
        return value
    value = xml_safe(value)
    return "'" + value if value.startswith(_FORMULA_LEADS) else value
