"""Demo accounts, one per role, so a newcomer can sign in as each of them."""

from django.contrib.auth import get_user_model
from django.db import transaction

from livinglab.meetings.models import Body
from livinglab.orgs.models import Membership, Organisation

DEMO_PASSWORD = "livinglab-demo"  # noqa: S105  printed on the demo console, never in production

# (username, full name, role, organisation name or None, body name or None, staff)
PEOPLE = [
    ("admin", "系統管理員", None, None, None, True),
    ("secretary", "林書記", "secretariat", None, "臺北市智慧城市推動委員會", False),
    ("officer", "陳科員", "officer", "臺北市政府產業發展局", None, False),
    ("reviewer", "王審查委員", "reviewer", None, "臺北市智慧城市推動委員會", False),
    ("proposer", "張創辦人", "proposer", "晨曦智慧感測股份有限公司", None, False),
]


@transaction.atomic
def load_people() -> list[str]:
    User = get_user_model()
    Organisation.objects.get_or_create(
        name="晨曦智慧感測股份有限公司", defaults={"kind": "company", "short_name": "晨曦感測"}
    )
    Body.objects.get_or_create(
        name="臺北市智慧城市推動委員會",
        defaults={"secretariat": Organisation.objects.filter(name="臺北市政府資訊局").first()},
    )
    names = []
    for username, full_name, role, org_name, body_name, staff in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": full_name, "is_staff": staff, "is_superuser": staff},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if role:
            Membership.objects.get_or_create(
                user=user,
                role=role,
                organisation=Organisation.objects.filter(name=org_name).first()
                if org_name
                else None,
                body=Body.objects.filter(name=body_name).first() if body_name else None,
            )
        names.append(username)
    return names
