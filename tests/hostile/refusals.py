"""What a page says when it refuses a file, and whether a person can read it."""

import re
from html.parser import HTMLParser

# Words of a program, not of a person: exception classes and library messages.
PROGRAM_WORDS = re.compile(
    r"\w*(Error|Exception)\b|BadZip|ParseError|PdfRead|Traceback|zip bomb|codec|"
    r"\bchar(acter)? \d|line \d+ column|Expecting|\bbyte 0x|Errno|\bNone\b"
)
ENGLISH = re.compile(r"[A-Za-z]{3,}(?:[ ,.'-]+[A-Za-z]{2,}){2,}")  # three English words in a row
CJK = re.compile(r"[\u4e00-\u9fff]")
CLASSES = ("field-error", "errorlist", "form-errors", "message-error", "message-warning", "errors")


class Refusals(HTMLParser):
    """The text of error lists, error boxes and error messages on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        inside = any(c in CLASSES for c in classes) or a.get("role") == "alert"
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        self.stack.append(inside)
        self.depth += inside

    def handle_endtag(self, tag):
        if tag in ("br", "img", "input", "meta", "link", "hr") or not self.stack:
            return
        self.depth -= self.stack.pop()

    def handle_data(self, data):
        if self.depth > 0 and data.strip():
            self.parts.append(data.strip())


def refusal_text(html: str) -> str:
    parser = Refusals()
    parser.feed(html)
    return " ".join(parser.parts)


def unreadable(message: str, names: tuple[str, ...] = ()) -> list[str]:
    """What keeps a refusal from being read by a person using the Chinese interface."""
    problems = []
    for name in names:  # the file's own name may be anything
        message = message.replace(name, "")
    if not CJK.search(message):
        problems.append("no Chinese words")
    if found := PROGRAM_WORDS.search(message):
        problems.append(f"program words ({found.group(0)!r})")
    if found := ENGLISH.search(message):
        problems.append(f"English ({found.group(0)!r})")
    return problems
