"""Bulk update: download → fill → upload → preview → apply, in .ods and .xlsx; one bad row
applies nothing; hostile files are refused; only the body's secretariat may do it."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from livinglab.work import bulk
from livinglab.work.models import Assignment, BulkUpdate, ProgressReport
from livinglab.work.spreadsheets import SpreadsheetRejected, read, write


def _download(client, world, fmt):
    response = client.get(reverse("work:bulk_download", args=[world.body.pk, fmt]))
    assert response.status_code == 200
    return read(f"x.{fmt}", response.content)


def _fill(rows, cases, *, late_deadline=None, bad=None):
    header, *data = rows
    filled = [header]
    for row in data:
        row = list(row) + [None] * (7 - len(row))
        if row[0] == cases["late"].pk:
            row[4:7] = ["已完成\n第二行 <b>粗體</b>", 100, "解除列管"]
            if late_deadline:
                row[3] = late_deadline
        if row[0] == cases["soon"].pk and row[2] == "臺北市政府產業發展局":
            row[4:7] = ["進行中", "40%", "keep"]
        filled.append(row)
    if bad:
        filled.append(bad)
    return filled


def _upload(client, world, fmt, rows):
    data = write(fmt, "sheet", rows[1:])
    file = SimpleUploadedFile(f"進度.{fmt}", data)
    return client.post(reverse("work:bulk", args=[world.body.pk]), {"file": file})


@pytest.mark.parametrize("fmt", ["ods", "xlsx"])
def test_round_trip_download_fill_upload_preview_apply(client, world, cases, fmt):
    client.force_login(world.secretary)
    rows = _download(client, world, fmt)
    assert [r[0] for r in rows[1:]] == sorted(r[0] for r in rows[1:])
    assert {(r[0], r[2]) for r in rows[1:]} == {
        (cases["late"].pk, "臺北市政府產業發展局"),
        (cases["soon"].pk, "臺北市政府產業發展局"),
        (cases["soon"].pk, "新北市政府經濟發展局"),
        (cases["other"].pk, "新北市政府經濟發展局"),
    }
    new_deadline = dt.date(2030, 1, 31)
    response = _upload(client, world, fmt, _fill(rows, cases, late_deadline=new_deadline))
    assert response.status_code == 302, response.content.decode()[-2000:]
    preview = client.get(response["Location"])
    page = preview.content.decode()
    # The text escaped, and the new deadline as an ROC date.
    assert "&lt;b&gt;粗體&lt;/b&gt;" in page and "119年1月31日" in page
    assert len(preview.context["changes"]) == 2
    assert not ProgressReport.objects.exists()  # nothing before applying

    applied = client.post(response["Location"])
    assert applied.status_code == 302
    reports = ProgressReport.objects.order_by("percent_complete")
    assert [(r.percent_complete, r.proposal, r.status) for r in reports] == [
        (40, "keep", "submitted"),
        (100, "delist", "submitted"),
    ]
    assert reports[1].text == "已完成\n第二行 <b>粗體</b>"
    assert all(r.author == world.secretary and r.from_spreadsheet for r in reports)
    late = Assignment.objects.get(case=cases["late"])
    assert late.deadline == new_deadline and late.deadline_edited
    # applying again changes nothing
    assert (
        client.post(response["Location"]).status_code == 404 or ProgressReport.objects.count() == 2
    )
    assert ProgressReport.objects.count() == 2
    # the report shows on the case's timeline
    case_page = client.get(cases["late"].get_absolute_url()).content.decode()
    assert "已完成" in case_page


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (["999999", "?", "臺北市政府產業發展局", None, "x", 1, None], "999999"),
        ([None, "?", "臺北市政府交通局", None, "x", 1, None], "交通局"),
        ([None, "?", "臺北市政府產業發展局", None, "x" * 4001, 1, None], "4000"),
        ([None, "?", "臺北市政府產業發展局", None, "x", "120", None], "120"),
        ([None, "?", "臺北市政府產業發展局", "明天", "x", 1, None], "明天"),
        ([None, "?", "臺北市政府產業發展局", None, "x", 1, "maybe"], "maybe"),
    ],
)
def test_one_bad_row_applies_nothing_and_names_the_row(client, world, cases, bad, message):
    client.force_login(world.secretary)
    rows = _download(client, world, "xlsx")
    bad = list(bad)
    if bad[0] is None:
        bad[0] = cases["other"].pk if "交通局" in bad[2] else cases["late"].pk
        if bad[0] == cases["late"].pk:
            bad[2] = "臺北市政府產業發展局"
            rows = [r for r in rows if r[0] != cases["late"].pk]
    filled = _fill(rows, cases, bad=bad)
    response = _upload(client, world, "xlsx", filled)
    assert response.status_code == 400
    errors = response.context["errors"]
    row_number = len(filled)
    assert any(f"{row_number}" in e and message in e for e in errors), errors
    assert not BulkUpdate.objects.exists() and not ProgressReport.objects.exists()


def test_rows_that_go_bad_before_applying_apply_nothing(client, world, cases):
    client.force_login(world.secretary)
    response = _upload(client, world, "ods", _fill(_download(client, world, "ods"), cases))
    cases["late"].state = "delisted"
    cases["late"].save()
    applied = client.post(response["Location"])
    assert applied.status_code == 400
    assert not ProgressReport.objects.exists()
    assert BulkUpdate.objects.get().applied_at is None


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_hostile_files_are_refused_by_content():
    bomb = _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b"0" * (60 << 20),
        }
    )
    entities = _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        }
    )
    for name, data, reason in [
        ("bomb.ods", bomb, "too much"),
        ("entities.ods", entities, "entit"),
        ("fake.xlsx", b"%PDF-1.7 not a spreadsheet", "not an"),
        ("other.zip", _zip({"a.txt": b"hello"}), "not an"),
        ("broken.xlsx", b"PK\x03\x04garbage", "cannot be read"),
    ]:
        with pytest.raises(SpreadsheetRejected) as caught, translation.override("en"):
            read(name, data)
        assert name in str(caught.value) and reason in str(caught.value)


def test_only_the_bodys_secretariat_or_admin_bulk_updates(client, world, cases):
    with pytest.raises(PermissionDenied):
        bulk.download(world.officer, world.body, "ods")
    data = write("ods", "s", [])
    with pytest.raises(PermissionDenied):
        bulk.upload(world.officer, world.body, "x.ods", data)
    upload = bulk.upload(world.secretary, world.body, "x.ods", data)
    with pytest.raises(PermissionDenied):
        bulk.apply(world.officer, upload)
    assert bulk.download(world.admin, world.body, "xlsx")
    for who in ("officer", "other_officer", "proposer", "reviewer", None):
        client.logout()
        if who:
            client.force_login(getattr(world, who))
        for url in (
            reverse("work:bulk", args=[world.body.pk]),
            reverse("work:bulk_download", args=[world.body.pk, "ods"]),
            reverse("work:bulk_preview", args=[upload.pk]),
        ):
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (who, url)
            if response.status_code == 302:
                assert "/accounts/signin/" in response["Location"]
        assert client.post(reverse("work:bulk_preview", args=[upload.pk])).status_code in (
            302,
            403,
            404,
        )
    upload.refresh_from_db()
    assert upload.applied_at is None
