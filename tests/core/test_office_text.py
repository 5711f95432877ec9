"""Text bound for office files: no XML-illegal characters, no live formulas in CSV."""

from hypothesis import given
from hypothesis import strategies as st

from livinglab.core.office import csv_value, xml_safe


@given(st.text())
def test_xml_safe_leaves_only_characters_xml_allows(text):
    cleaned = xml_safe(text)
    assert all(c in "\t\n\r" or ord(c) >= 0x20 for c in cleaned)
    assert "\ufffe" not in cleaned and "\uffff" not in cleaned


def test_csv_neutralises_formula_leads_and_keeps_numbers():
    assert csv_value("=1+1") == "'=1+1"
    assert csv_value("@cmd") == "'@cmd"
    assert csv_value("-2") == "'-2"
    assert csv_value("繼續列管") == "繼續列管"
    assert csv_value(-2) == -2
