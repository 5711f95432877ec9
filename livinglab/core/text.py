"""Text as people type it into pages and the API, without the control characters.

Control characters (U+0000–U+001F other than tab, newline and carriage return) come
from pasting out of old word processors and terminals, or from someone probing; nobody
means them, no page shows them and no office file can hold them. They are dropped where
text comes in — every form post (`TypedTextMiddleware`) and every API body
(`TypedTextParser`) — so none is stored. The minutes reader cleans its own input
(`minutes/decode.py`) and the exporters clean again (`core/office.py`), for text that was
stored before this existed.
"""

import re

from ninja.parser import Parser

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def without_controls(text: str) -> str:
    return _CONTROL.sub("", text) if text else text


def without_controls_in(data):
    """`data` (decoded JSON: text, numbers, lists, mappings) with its text cleaned."""
    if isinstance(data, str):
        return without_controls(data)
    if isinstance(data, list):
        return [without_controls_in(item) for item in data]
    if isinstance(data, dict):
        return {without_controls_in(k): without_controls_in(v) for k, v in data.items()}
    return data


def _cleaned_querydict(data):
    if not any(_CONTROL.search(value) for _key, values in data.lists() for value in values):
        return data  # the usual case: nothing to copy
    cleaned = data.copy()
    for key, values in data.lists():
        cleaned.setlist(key, [without_controls(value) for value in values])
    cleaned._mutable = False
    return cleaned


class TypedTextMiddleware:
    """Every form post's fields reach the views without control characters.

    Files are left alone: each upload has its own reader, which checks its content.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            request.POST = _cleaned_querydict(request.POST)
        return self.get_response(request)


class TypedTextParser(Parser):
    """The API's parser: JSON bodies, form fields and query values without control
    characters."""

    def parse_body(self, request):
        return without_controls_in(super().parse_body(request))

    def parse_querydict(self, data, list_fields, request):
        return without_controls_in(super().parse_querydict(data, list_fields, request))
