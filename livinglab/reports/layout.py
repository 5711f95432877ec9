"""What the office formats share: the A4 landscape page, the tracking table's column
widths, and the sections and reports that text documents are made of."""

import unicodedata
from dataclasses import dataclass, field

# A4 landscape with 1 cm margins leaves 27.7 cm by 19 cm to print on.
PAGE_WIDTH_CM = 27.7
MARGIN_CM = 1.0
# Column widths of the tracking table in centimetres; they add up to PAGE_WIDTH_CM.
# The case (案由) gets 5.2 cm, a 14-character name on a line at 10 pt: readable at a glance.
WIDTHS_CM = (1.2, 5.2, 3.3, 7.4, 5.1, 2.2, 3.3)
MAX_IMAGE_HEIGHT_CM = 17.0
TITLE_PT = 16
HEADER_FILL = "D9D9D9"  # light grey behind the header row


@dataclass
class Section:
    """A heading, an optional note and a table under it."""

    heading: str
    headers: list[str]
    rows: list[list[str]]
    widths: tuple[float, ...] | None = None
    note: str = ""

    def column_widths(self) -> tuple[float, ...]:
        if self.widths:
            return self.widths
        return (PAGE_WIDTH_CM / len(self.headers),) * len(self.headers)


@dataclass
class Report:
    """A text document (.odt/.docx): title, subtitle, sections, then chart images.

    `notice` is printed before the images, e.g. to say why there are none."""

    title: str
    subtitle: str
    sections: list[Section]
    images: list[bytes] = field(default_factory=list)
    notice: str = ""


def image_cm(png: bytes) -> tuple[float, float]:
    """Width and height to print a PNG at: 24 cm wide, at most 17 cm high."""
    width_px = int.from_bytes(png[16:20], "big") or 1
    height_px = int.from_bytes(png[20:24], "big") or 1
    width = 24.0
    height = width * height_px / width_px
    if height > MAX_IMAGE_HEIGHT_CM:
        width, height = width * MAX_IMAGE_HEIGHT_CM / height, MAX_IMAGE_HEIGHT_CM
    return round(width, 2), round(height, 2)


def text_width(line: str) -> int:
    """Width of a line in half-width characters: a CJK (wide) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def line_count(text: str, columns: float) -> int:
    """Lines `text` wraps to in a column `columns` half-width characters wide."""
    columns = max(int(columns), 2)
    return sum(max(1, -(-text_width(line) // columns)) for line in (text or "").split("\n"))
