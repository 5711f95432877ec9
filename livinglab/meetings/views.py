"""Pages of bodies and meetings: the bodies, one body's meetings and cases, one meeting."""

from django.db.models import Count, Q
from django.shortcuts import render

from livinglab.core.access import allows, get_for_user
from livinglab.meetings.models import Body, Meeting
from livinglab.meetings.policies import may_create_body
from livinglab.meetings.source import highlighted
from livinglab.tracking import timeline
from livinglab.tracking.models import Case


def body_list(request):
    bodies = (
        Body.objects.visible_to(request.user)
        .select_related("parent")
        .annotate(meeting_count=Count("meetings", distinct=True))
        .order_by("name")
    )
    context = {"bodies": bodies, "can_create": may_create_body(request.user)}
    return render(request, "meetings/body_list.html", context)


def body_detail(request, pk: int):
    body = get_for_user(Body.objects.select_related("parent", "secretariat"), request.user, pk)
    counts = body.cases.aggregate(
        **{state: Count("pk", filter=Q(state=state)) for state in Case.State.values}
    )
    context = {
        "body": body,
        "counts": [(Case.State(state).label, state, n) for state, n in counts.items()],
        "meetings": body.meetings.order_by("-date", "-pk")[:500],
        "children": Body.objects.visible_to(request.user).filter(parent=body).order_by("name"),
        "members": body.members.order_by("name"),
        "can_manage": allows(request.user, "manage", body),
        "can_run": allows(request.user, "change", body) and allows(request.user, "staff", body),
    }
    return render(request, "meetings/body.html", context)


def meeting_detail(request, pk: int):
    meeting = get_for_user(Meeting.objects.select_related("body", "document"), request.user, pk)
    decisions = timeline.decisions_of(meeting)
    context = {
        "meeting": meeting,
        "decisions": decisions,
        "segments": highlighted(meeting, decisions),
        "can_correct": allows(request.user, "change", meeting),
    }
    return render(request, "meetings/meeting.html", context)
