"""A confirmed meeting (the sample record) and the pages in English."""

import pytest

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Decision
from tests.imports.records import INDUSTRY_MEETING


@pytest.fixture
def meeting(world) -> Meeting:
    from livinglab.tracking.services.importing import import_minutes

    import_minutes(
        world.secretary, world.body, [("紀錄.txt", INDUSTRY_MEETING.encode())], confirm=True
    )
    return Meeting.objects.get()


@pytest.fixture
def lamp(meeting) -> Decision:
    """智慧路燈合作案: tracked, lead 產業局, deadline 2024-12-31."""
    return meeting.decisions.get(position=0)


@pytest.fixture(autouse=True)
def english(client):
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    yield
    translation.deactivate()


def corrections_url(meeting) -> str:
    return f"/cases/manage/meetings/{meeting.pk}/"


def correct_url(decision) -> str:
    return f"/cases/manage/decisions/{decision.pk}/correct/"


def add_url(meeting) -> str:
    return f"/cases/manage/meetings/{meeting.pk}/add/"


def correction(decision, **fields) -> dict:
    """The correction form of `decision` as posted, with `fields` changed."""
    prefix = f"d{decision.pk}-"
    values = {"status": decision.status, "deadline": "", "lead": "", "supporting": ""}
    if decision.deadline:
        values["deadline"] = decision.deadline.isoformat()
    values.update(fields)
    return {prefix + key: value for key, value in values.items()}
