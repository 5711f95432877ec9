import datetime as dt

import pytest

from livinglab.tracking.models import CaseEvent, Decision
from tests.corrections.conftest import add_url, correct_url, correction


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2024-08-01", "The deadline 2024-08-01 is before the meeting (2024-09-10)."),
        ("2025-02-30", "Enter a valid date."),
        ("9999-01-01", "is too far ahead; check the year."),
    ],
)
def test_the_deadline_is_refused_and_what_was_typed_stays(client, world, lamp, typed, message):
    client.force_login(world.secretary)

    response = client.post(
        correct_url(lamp), correction(lamp, status="delisted", deadline=typed, lead="交通局")
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Nothing was saved" in page
    # What was typed is on the page again, in the decision's own form.
    form = page.split(f'id="decision-{lamp.pk}"', 1)[1].split("</form>", 1)[0]
    assert f'value="{typed}"' in form and 'value="交通局"' in form
    assert '<option value="delisted" selected>' in form
    lamp.refresh_from_db()
    assert lamp.status == "tracked" and lamp.deadline == dt.date(2024, 12, 31)
    assert not CaseEvent.objects.filter(kind="corrected").exists()


def test_an_added_decision_with_a_deadline_before_the_meeting_is_refused(client, world, meeting):
    client.force_login(world.secretary)

    response = client.post(
        add_url(meeting),
        {
            "add-text": "請交通局研議路燈故障通報流程。",
            "add-to": "new",
            "add-title": "路燈故障通報案",
            "add-deadline": "2024-01-01",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "is before the meeting" in page
    assert "請交通局研議路燈故障通報流程。" in page and 'value="路燈故障通報案"' in page
    assert Decision.objects.filter(meeting=meeting).count() == 4
