"""Who reaches which dashboard: a body's for its secretariat, an agency's for its officers
too, the platform's for secretariats; proposers, reviewers and the public see none."""

import pytest
from django.urls import reverse

from livinglab.tracking.models import Case
from tests.work.conftest import make_case


def _urls(world):
    body, agency = world.body.pk, world.industry.pk
    return {
        "body": [
            reverse("reports:dashboard", args=[body]),
            reverse("reports:chart", args=[body, "states"]),
            reverse("reports:dashboard_file", args=[body, "odt"]),
        ],
        "agency": [
            reverse("reports:agency_dashboard", args=[agency]),
            reverse("reports:agency_chart", args=[agency, "timeline"]),
            reverse("reports:agency_dashboard_file", args=[agency, "docx"]),
        ],
        "platform": [
            reverse("reports:platform_dashboard"),
            reverse("reports:platform_chart", args=["ageing"]),
            reverse("reports:platform_dashboard_file", args=["odt"]),
        ],
    }


ALLOWED = {
    "admin": {"body", "agency", "platform"},
    "secretary": {"body", "agency", "platform"},
    "officer": {"agency"},  # an officer of the industry bureau
    "other_officer": set(),
    "reviewer": set(),
    "proposer": set(),
}


@pytest.mark.parametrize("person", ALLOWED)
def test_each_role_reaches_only_its_dashboards(client, world, person):
    make_case(world, "智慧路燈合作案", lead=world.industry)
    client.force_login(getattr(world, person))
    for scope, urls in _urls(world).items():
        for url in urls:
            expected = 200 if scope in ALLOWED[person] else 403
            assert client.get(url).status_code == expected, (person, url)


def test_the_public_is_sent_to_sign_in(client, world):
    for urls in _urls(world).values():
        for url in [*urls, reverse("reports:dashboards"), reverse("reports:agenda", args=[1])]:
            response = client.get(url)
            assert response.status_code == 302 and "/accounts/signin/" in response["Location"]


def test_a_private_body_is_not_found_by_outsiders(client, world):
    client.force_login(world.other_officer)
    url = reverse("reports:dashboard", args=[world.private_body.pk])
    assert client.get(url).status_code == 404


def test_an_officer_counts_only_cases_they_may_see(client, world):
    """The industry bureau's officer sees its cases in the private body; the economic
    bureau's officer opening the platform view is refused, not shown fewer numbers."""
    private = Case.objects.create(body=world.private_body, title="內部預算案", state="tracked")
    private.case_agencies.create(organisation=world.industry)
    make_case(world, "智慧路燈合作案", lead=world.industry)
    make_case(world, "觀光工廠串聯", lead=world.economic)
    client.force_login(world.officer)
    html = client.get(reverse("reports:agency_dashboard", args=[world.industry.pk])).content
    assert '<td class="num" data-state="tracked">2</td>' in html.decode()
    client.force_login(world.secretary)
    html = client.get(reverse("reports:agency_dashboard", args=[world.industry.pk])).content
    assert '<td class="num" data-state="tracked">1</td>' in html.decode()


def test_dashboards_index_lists_what_the_user_may_open(client, world):
    make_case(world, "智慧路燈合作案", lead=world.industry)
    client.force_login(world.officer)
    html = client.get(reverse("reports:dashboards")).content.decode()
    assert reverse("reports:agency_dashboard", args=[world.industry.pk]) in html
    assert reverse("reports:platform_dashboard") not in html
    client.force_login(world.secretary)
    html = client.get(reverse("reports:dashboards")).content.decode()
    assert reverse("reports:platform_dashboard") in html
    assert reverse("reports:dashboard", args=[world.body.pk]) in html
    client.force_login(world.proposer)
    assert client.get(reverse("reports:dashboards")).status_code == 403


def test_a_dashboards_heading_reads_with_a_full_width_colon_in_chinese(client, world):
    client.force_login(world.secretary)
    html = client.get(reverse("reports:dashboard", args=[world.body.pk])).content.decode()
    assert f"<h1>儀表板：{world.body.name}</h1>" in html
    client.cookies["django_language"] = "en"
    html = client.get(reverse("reports:dashboard", args=[world.body.pk])).content.decode()
    assert f"<h1>Dashboard: {world.body.name}</h1>" in html
