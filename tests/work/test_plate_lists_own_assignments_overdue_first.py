from django.urls import reverse

from livinglab.tracking.models import Case
from livinglab.work.models import Assignment
from livinglab.work.services import sync_assignments


def test_plate_lists_own_agency_open_assignments_overdue_first(client, world, cases):
    client.force_login(world.officer)
    response = client.get(reverse("work:plate"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("青創交流合作") < page.index("新興能源經驗交流合作案")
    assert "瑞芳工業區事業廢棄物清運案" not in page
    assert "is-overdue" in page


def test_assignments_follow_the_registry_and_keep_edited_deadlines(world, cases):
    sync_assignments(Case.objects.all())
    assert Assignment.objects.count() == 4  # the supporting agency has one too
    supporting = Assignment.objects.get(case=cases["soon"], organisation=world.economic)
    assert supporting.role == "supporting"
    assert sync_assignments(Case.objects.all()) == 0  # idempotent
    late = Assignment.objects.get(case=cases["late"])
    assert late.is_overdue() and Assignment.objects.overdue().filter(pk=late.pk).exists()
    late.deadline_edited, late.deadline = True, cases["soon"].deadline
    late.save()
    sync_assignments(Case.objects.all())
    late.refresh_from_db()
    assert late.deadline == cases["soon"].deadline and not late.is_overdue()
