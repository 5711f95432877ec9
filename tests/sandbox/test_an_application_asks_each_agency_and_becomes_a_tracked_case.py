"""Filing asks each named agency for consent, on its officers' bell and queue, and the
trial's body follows the application as a tracked case from the first day."""

from livinglab.sandbox.models import Application, Consent
from livinglab.tracking.models import Case, CaseAgency, CaseEvent
from livinglab.work.models import Notification


def test_each_agency_is_asked_and_told(world, sandbox, application):
    consents = application.consents.order_by("organisation__name")
    assert [c.organisation for c in consents] == [world.transport, sandbox.police]
    assert all(c.status == Consent.Status.PENDING for c in consents)
    for officer in (sandbox.transport_officer, sandbox.police_officer):
        told = Notification.objects.get(user=officer, kind="sandbox_consent")
        assert told.kind == "sandbox_consent" and told.url == application.get_absolute_url()
    assert not Notification.objects.filter(user=world.officer, kind="sandbox_consent").exists()


def test_the_application_is_a_tracked_case_of_the_trials_body(world, sandbox, application):
    case = application.case
    assert case.body == world.body and case.state == Case.State.TRACKED
    assert case.deadline == application.ends_on
    assert set(CaseAgency.objects.filter(case=case).values_list("organisation", flat=True)) >= {
        world.transport.pk,
        sandbox.police.pk,
    }
    event = case.events.get()
    assert event.kind == CaseEvent.Kind.TRACKED and event.actor == world.proposer
    assert "臺北市政府警察局" in event.note


def test_attachments_are_checked_by_content(world, sandbox):
    import pytest
    from django.core.files.uploadedfile import SimpleUploadedFile

    from livinglab.sandbox import services
    from tests.sandbox.conftest import PDF, new_application

    good = SimpleUploadedFile("安全計畫.pdf", PDF)
    application = services.file_application(
        world.proposer, new_application(world, sandbox, files=[good])
    )
    assert application.attachments.get().content_type == "application/pdf"

    page = SimpleUploadedFile("保單.pdf", b"<html><script>alert(1)</script></html>")
    with pytest.raises(services.SandboxRefused, match="保單.pdf"):
        services.add_attachments(world.proposer, application, [page])
    with pytest.raises(services.SandboxRefused, match="保單.pdf"):
        services.file_application(world.proposer, new_application(world, sandbox, files=[page]))
    assert application.attachments.count() == 1
    assert Application.objects.count() == 1


def test_a_trials_second_application_is_a_case_told_apart_from_the_first(
    world, sandbox, application
):
    from livinglab.sandbox import services
    from tests.sandbox.conftest import new_application

    second = services.file_application(
        world.proposer, new_application(world, sandbox, rules="資料在地化規定暫免適用。")
    )
    assert second.case.title != application.case.title
    assert second.case.title.startswith(application.case.title)
