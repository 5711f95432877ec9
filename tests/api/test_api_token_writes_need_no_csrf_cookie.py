"""A script posts with its token alone (no browser session, no CSRF cookie); a browser
session without the CSRF token is refused, as everywhere else."""

from livinglab.work.models import Notification
from tests.api.conftest import TokenClient


def test_a_token_writes_without_a_csrf_cookie(world, script_client):
    Notification.objects.create(user=world.officer, kind="reminder", subject="產業發展局")
    api = TokenClient(script_client, world.officer)
    answer = api.post("/api/notifications/read")
    assert answer.status_code == 200
    assert answer.json()["marked"] == 1


def test_a_browser_session_without_the_csrf_token_is_refused(world, script_client):
    Notification.objects.create(user=world.officer, kind="reminder", subject="產業發展局")
    script_client.force_login(world.officer)
    answer = script_client.post("/api/notifications/read", {}, "application/json")
    assert answer.status_code in (401, 403)
    assert Notification.objects.filter(read_at__isnull=True).count() == 1
