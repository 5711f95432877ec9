"""Control characters typed into a form or sent to the API never reach a view: tab,
newline and carriage return stay, files are left to their readers."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from livinglab.core.text import TypedTextMiddleware, TypedTextParser, without_controls

TYPED = "機房\x00\x01\x08\x0b\x0c\x1b[31m汰換\t第1項\r\n第2項\x1f"
CLEAN = "機房[31m汰換\t第1項\r\n第2項"


def _seen_by_the_view(request):
    seen = {}

    def view(req):
        seen["post"] = req.POST
        seen["files"] = req.FILES
        return None

    TypedTextMiddleware(view)(request)
    return seen


def test_the_cleaning_keeps_tab_newline_and_return():
    assert without_controls(TYPED) == CLEAN
    assert without_controls("") == ""


def test_a_form_post_reaches_the_view_without_control_characters():
    request = RequestFactory().post("/x", {"text": TYPED, "tags": [TYPED, "ok"]})
    post = _seen_by_the_view(request)["post"]
    assert post["text"] == CLEAN
    assert post.getlist("tags") == [CLEAN, "ok"]


def test_a_multipart_post_cleans_its_fields_and_leaves_its_files():
    data = b"\x00\x01binary"
    request = RequestFactory().post(
        "/x", {"text": TYPED, "file": SimpleUploadedFile("a.bin", data)}
    )
    seen = _seen_by_the_view(request)
    assert seen["post"]["text"] == CLEAN
    assert seen["files"]["file"].read() == data


def test_a_clean_post_is_passed_on_as_it_is():
    request = RequestFactory().post("/x", {"text": "計畫"})
    original = request.POST
    assert _seen_by_the_view(request)["post"] is original


def test_an_api_body_is_cleaned_at_every_depth():
    body = {"title": TYPED, "items": [{"text": TYPED, "n": 3}], TYPED: None}
    request = RequestFactory().post("/api/x", json.dumps(body), content_type="application/json")
    parsed = TypedTextParser().parse_body(request)
    assert parsed == {"title": CLEAN, "items": [{"text": CLEAN, "n": 3}], CLEAN: None}


def test_api_form_fields_and_parameters_are_cleaned():
    request = RequestFactory().get("/api/x", {"q": TYPED, "tag": [TYPED]})
    parsed = TypedTextParser().parse_querydict(request.GET, ["tag"], request)
    assert parsed == {"q": CLEAN, "tag": [CLEAN]}
