"""Chinese numerals both ways: 一百十三 → 113, 3 → 三 / 參 for rendered list numbers."""

from __future__ import annotations

DIGITS = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "貳": 2, "兩": 2, "两": 2,
    "三": 3, "參": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9, "元": 1,
}  # fmt: skip
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
PLAIN = "〇一二三四五六七八九"
LEGAL = "零壹貳參肆伍陸柒捌玖"
STEMS = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral (十三, 一百十三, 一一三, 貳拾); None if not one."""
    text = text.strip()
    if not text or any(c not in DIGITS and c not in UNITS for c in text):
        return None
    if not any(c in UNITS for c in text):  # digit by digit: 一一三
        return int("".join(str(DIGITS[c]) for c in text))
    total, digit = 0, None
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
        else:
            total += (1 if digit is None else digit) * UNITS[char]
            digit = None
    return total + (digit or 0)


def to_int(text: str) -> int | None:
    """Arabic (half- or full-width) or Chinese numeral to int."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if len(text) == 1 and text in CIRCLED:
        return CIRCLED.index(text) + 1
    return chinese_to_int(text)


def int_to_chinese(value: int, digits: str = PLAIN, ten: str = "十") -> str:
    """1..99 as written in list numbers: 十, 十一, 二十, 二十一."""
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    if value >= 100:
        return str(value)
    head = "" if tens == 1 else digits[tens]
    return head + ten + (digits[ones] if ones else "")


def format_number(value: int, fmt: str) -> str:
    """A Word numFmt rendered as the characters a reader sees."""
    if fmt in ("ideographLegalTraditional", "chineseLegalSimplified"):
        return int_to_chinese(value, LEGAL, "拾")
    if "Counting" in fmt or fmt in ("ideographDigital", "chineseCounting"):
        return int_to_chinese(value)
    if fmt == "ideographTraditional":
        return STEMS[(value - 1) % 10]
    if fmt == "decimalEnclosedCircle" and value <= len(CIRCLED):
        return CIRCLED[value - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(value))
    return str(value)
