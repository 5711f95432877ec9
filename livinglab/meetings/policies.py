from livinglab.core.access import policy
from livinglab.meetings.models import Body, Meeting, MinutesDocument
from livinglab.orgs.roles import roles_of


@policy(Body)
def body_policy(user, action: str, body: Body) -> bool:
    roles = roles_of(user)
    if action == "view":
        return True  # reaching the object already went through Body.objects.visible_to
    if roles.is_admin:
        return True
    return action in {"change", "import", "manage"} and body.pk in roles.secretariat_body_ids


@policy(MinutesDocument)
def minutes_document_policy(user, action: str, document: MinutesDocument) -> bool:
    roles = roles_of(user)
    if action == "view":
        return True  # reaching the object already went through visible_to
    if roles.is_admin:
        return True
    return action in {"change", "confirm"} and document.body_id in roles.secretariat_body_ids


@policy(Meeting)
def meeting_policy(user, action: str, meeting: Meeting) -> bool:
    roles = roles_of(user)
    if action == "view":
        return True
    return roles.is_admin or (action == "change" and meeting.body_id in roles.secretariat_body_ids)
