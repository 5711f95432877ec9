"""The small named world most tests share: two cities, agencies, a body and one person per role."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from hypothesis import settings as hypothesis_settings

# Speed is measured in bench/, never asserted by tests: an example is not failed for the
# time it took on a loaded CI machine.
hypothesis_settings.register_profile("livinglab", deadline=None)
hypothesis_settings.load_profile("livinglab")

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def site_language():
    """Every test starts in the site's language: a page requested in English by an earlier
    test leaves English active on the worker's thread, and exports written after it in the
    same worker would come out in English."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def seeds_or_skip() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS_DIR}")
    return SEEDS_DIR


@dataclass
class World:
    taipei: object
    new_taipei: object
    industry: object  # 臺北市政府產業發展局
    transport: object  # 臺北市政府交通局
    economic: object  # 新北市政府經濟發展局
    body: object
    private_body: object
    admin: object
    secretary: object
    officer: object
    other_officer: object
    reviewer: object
    proposer: object
    company: object


def _user(username: str, **extra):
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **extra
    )


@pytest.fixture
def world(db) -> World:
    from livinglab.meetings.models import Body
    from livinglab.orgs.models import Membership, Organisation, OrganisationAlias

    org = Organisation.objects.create
    taipei = org(kind="city", name="臺北市政府", short_name="臺北市")
    new_taipei = org(kind="city", name="新北市政府", short_name="新北市")
    for city in (taipei, new_taipei):
        city.city = city
        city.save()
    industry = org(
        kind="agency",
        name="臺北市政府產業發展局",
        short_name="產業發展局",
        city=taipei,
        parent=taipei,
    )
    OrganisationAlias.objects.create(organisation=industry, name="產業局")
    OrganisationAlias.objects.create(organisation=industry, name="產發局")
    transport = org(
        kind="agency", name="臺北市政府交通局", short_name="交通局", city=taipei, parent=taipei
    )
    economic = org(
        kind="agency",
        name="新北市政府經濟發展局",
        short_name="經濟發展局",
        city=new_taipei,
        parent=new_taipei,
    )
    OrganisationAlias.objects.create(organisation=economic, name="經發局")
    company = org(kind="company", name="晨光感測股份有限公司", short_name="晨光感測")

    body = Body.objects.create(name="雙北產業合作工作小組", secretariat=industry)
    body.members.set([taipei, new_taipei])
    private_body = Body.objects.create(name="內部預算審查會", is_public=False, secretariat=industry)
    private_body.members.set([industry])

    world = World(
        taipei=taipei,
        new_taipei=new_taipei,
        industry=industry,
        transport=transport,
        economic=economic,
        body=body,
        private_body=private_body,
        admin=_user("admin", is_staff=True, is_superuser=True),
        secretary=_user("secretary"),
        officer=_user("officer"),
        other_officer=_user("other_officer"),
        reviewer=_user("reviewer"),
        proposer=_user("proposer"),
        company=company,
    )
    member = Membership.objects.create
    member(user=world.secretary, role="secretariat", body=body)
    member(user=world.officer, role="officer", organisation=industry)
    member(user=world.other_officer, role="officer", organisation=economic)
    member(user=world.reviewer, role="reviewer", body=body)
    member(user=world.proposer, role="proposer", organisation=company)
    return world
