"""The sandbox's lists (public permits, one's own applications, an officer's queue, the
API lists) and its detail pages (an application, a permit, in pages and the API) are read
in as many queries with many rows as with few."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from livinglab.sandbox import services

from .conftest import PDF, consent_all, new_application

LIMIT = 40


def count(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(LIMIT) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


def counts(client, users_and_urls, django_assert_max_num_queries):
    found = {}
    for user, url in users_and_urls:
        client.force_login(user)
        found[url, user.username] = count(client, url, django_assert_max_num_queries)
    return found


def file_and_grant(world, sandbox, n, *, grant):
    application = services.file_application(world.proposer, new_application(world, sandbox))
    if grant:
        consent_all(sandbox, application, [services.NewCondition(f"每週提交運行紀錄{n}")])
        services.grant_permit(world.secretary, application)
    return application


def incident(n):
    return services.NewIncident(
        occurred_at=timezone.now() - dt.timedelta(hours=n + 1),
        description=f"第{n}次接駁車異常停車。",
        severity="minor",
        measures="派員檢查。",
    )


def grow_one(world, sandbox, pending, permit, times):
    for n in range(times):
        services.add_attachments(world.proposer, pending, [SimpleUploadedFile(f"附件{n}.pdf", PDF)])
        services.report_incident(world.proposer, permit, incident(n))
        services.suspend(world.secretary, permit, f"檢查{n}")
        services.reinstate(world.secretary, permit, f"檢查完畢{n}")


def test_lists_do_not_grow_queries_with_rows(
    client, world, sandbox, permit, django_assert_max_num_queries
):
    file_and_grant(world, sandbox, 0, grant=False)
    lists = [
        (world.secretary, reverse("sandbox:public")),
        (world.proposer, reverse("sandbox:public")),
        (world.proposer, reverse("sandbox:mine")),
        (world.secretary, reverse("sandbox:mine")),
        (sandbox.transport_officer, reverse("sandbox:queue")),
        (world.secretary, "/api/sandbox/applications"),
        (world.proposer, "/api/sandbox/permits"),
    ]
    before = counts(client, lists, django_assert_max_num_queries)

    for n in range(1, 7):
        file_and_grant(world, sandbox, n, grant=n % 2 == 0)

    assert counts(client, lists, django_assert_max_num_queries) == before


def test_details_do_not_grow_queries_with_rows(
    client, world, sandbox, permit, django_assert_max_num_queries
):
    pending = file_and_grant(world, sandbox, 0, grant=False)
    grow_one(world, sandbox, pending, permit, 1)
    details = [
        (world.secretary, reverse("sandbox:application", args=[pending.pk])),
        (world.proposer, reverse("sandbox:application", args=[pending.pk])),
        (sandbox.police_officer, reverse("sandbox:application", args=[pending.pk])),
        (world.secretary, reverse("sandbox:permit", args=[permit.pk])),
        (world.proposer, reverse("sandbox:permit", args=[permit.pk])),
        (world.secretary, f"/api/sandbox/applications/{pending.pk}"),
        (world.secretary, f"/api/sandbox/permits/{permit.pk}"),
    ]
    before = counts(client, details, django_assert_max_num_queries)

    grow_one(world, sandbox, pending, permit, 4)

    assert counts(client, details, django_assert_max_num_queries) == before
