"""Needs and calls: writing, publishing and closing them, and a call's rubric.

Every function checks the caller's permission with `require` before it changes
anything, so pages, the API and commands share one set of rules.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livinglab.core.access import require
from livinglab.needs.models import Call, Domain, Factor, Gate, Need
from livinglab.needs.policies import may_run_calls_of, may_write_needs_for

# The city's screening strategy: three premises as gates, four factors scored 1–5.
DEFAULT_GATES = [
    gettext_lazy("Does it serve a public duty of the city?"),
    gettext_lazy("Is it smart infrastructure the city should invest in?"),
    gettext_lazy("Does it have policy support?"),
]
DEFAULT_FACTORS = [
    (
        gettext_lazy("A smart-technology solution"),
        gettext_lazy("Does it apply sensing, data or AI to the problem, rather than more staff?"),
    ),
    (
        gettext_lazy("Can scale"),
        gettext_lazy("Could it serve the whole city, or other agencies, after the trial?"),
    ),
    (
        gettext_lazy("A market business model"),
        gettext_lazy("Can it earn its keep after the trial without a standing subsidy?"),
    ),
    (
        gettext_lazy("Can be exported"),
        gettext_lazy("Could other cities in Taiwan or abroad buy it as it is?"),
    ),
]

# Fields of a need that its writer sets; the rest are kept by the services.
NEED_FIELDS = [
    "title",
    "problem",
    "figures",
    "domain",
    "agency",
    "contact_name",
    "contact_email",
    "site_wishes",
]
CALL_FIELDS = [
    "title",
    "body",
    "description",
    "opens_at",
    "closes_at",
    "review_due_at",
    "accepts_unsolicited",
    "is_published",
]

NEED_MOVES = {
    Need.Status.DRAFT: {Need.Status.PUBLISHED},
    Need.Status.PUBLISHED: {Need.Status.MATCHED, Need.Status.CLOSED, Need.Status.DRAFT},
    Need.Status.MATCHED: {Need.Status.CLOSED, Need.Status.PUBLISHED},
    Need.Status.CLOSED: {Need.Status.PUBLISHED},
}
MOVE_ACTIONS = {
    Need.Status.PUBLISHED: "publish",
    Need.Status.DRAFT: "publish",
    Need.Status.MATCHED: "match",
    Need.Status.CLOSED: "close",
}


# --- Needs ---------------------------------------------------------------------------


def create_need(user, data: dict, tags=()) -> Need:
    """A new draft need for an agency the user writes for."""
    if not may_write_needs_for(user, data["agency"].pk):
        raise PermissionDenied("may not write needs for this agency")
    need = Need(**{k: data[k] for k in NEED_FIELDS if k in data}, created_by=user)
    need.full_clean()
    with transaction.atomic():
        need.save()
        need.tags.set(tags)
    return need


def update_need(user, need: Need, data: dict, tags=None) -> Need:
    require(user, "change", need)
    if "agency" in data and not may_write_needs_for(user, data["agency"].pk):
        raise PermissionDenied("may not move a need to an agency one does not write for")
    for name in NEED_FIELDS:
        if name in data:
            setattr(need, name, data[name])
    need.full_clean()
    with transaction.atomic():
        need.save()
        if tags is not None:
            need.tags.set(tags)
    return need


def set_need_status(user, need: Need, status: str) -> Need:
    """Publish, match, close or take back a need, along the allowed moves."""
    status = Need.Status(status)
    require(user, MOVE_ACTIONS[status], need)
    if status not in NEED_MOVES[Need.Status(need.status)]:
        raise ValidationError(
            _("A need that is %(now)s cannot become %(then)s.")
            % {"now": need.get_status_display(), "then": status.label}
        )
    need.status = status
    fields = ["status", "updated_at"]
    if status == Need.Status.PUBLISHED and need.published_at is None:
        need.published_at = timezone.now()
        fields.append("published_at")
    need.save(update_fields=fields)
    return need


def publish_need(user, need: Need) -> Need:
    return set_need_status(user, need, Need.Status.PUBLISHED)


# --- Calls ---------------------------------------------------------------------------


@dataclass
class GateRow:
    question: str
    pk: int | None = None


@dataclass
class FactorRow:
    name: str
    guidance: str = ""
    scale_min: int = 1
    scale_max: int = 5
    weight: Decimal = field(default_factory=lambda: Decimal("1.00"))
    pk: int | None = None


def default_rubric(call: Call) -> None:
    """Give a call the city's default rubric: three gates and four factors (1–5, weight 1).

    Written in the language active when the call is made (zh-Hant by default); a call
    that already has a rubric keeps it.
    """
    if call.gates.exists() or call.factors.exists():
        return
    Gate.objects.bulk_create(
        Gate(call=call, question=str(question), order=i) for i, question in enumerate(DEFAULT_GATES)
    )
    Factor.objects.bulk_create(
        Factor(call=call, name=str(name), guidance=str(guidance), order=i)
        for i, (name, guidance) in enumerate(DEFAULT_FACTORS)
    )


def create_call(user, data: dict, needs=(), reviewers=(), rubric: bool = True) -> Call:
    """A new call of a body the user is secretariat of, with the default rubric."""
    if not may_run_calls_of(user, data["body"].pk):
        raise PermissionDenied("may not run calls of this body")
    call = Call(**{k: data[k] for k in CALL_FIELDS if k in data}, created_by=user)
    call.full_clean()
    with transaction.atomic():
        call.save()
        set_call_needs(user, call, needs)
        call.reviewers.set(reviewers)
        if rubric:
            default_rubric(call)
    return call


def update_call(user, call: Call, data: dict, needs=None, reviewers=None) -> Call:
    require(user, "change", call)
    if "body" in data and not may_run_calls_of(user, data["body"].pk):
        raise PermissionDenied("may not move a call to a body one does not run")
    for name in CALL_FIELDS:
        if name in data:
            setattr(call, name, data[name])
    call.full_clean()
    with transaction.atomic():
        call.save()
        if needs is not None:
            set_call_needs(user, call, needs)
        if reviewers is not None:
            call.reviewers.set(reviewers)
    return call


def set_call_needs(user, call: Call, needs) -> None:
    """Only published (or matched) needs go into a call."""
    needs = list(needs)
    drafts = [n.title for n in needs if not n.is_public]
    if drafts:
        raise ValidationError(
            _("Only published needs can be in a call: %(titles)s") % {"titles": "、".join(drafts)}
        )
    call.needs.set(needs)


def set_rubric(user, call: Call, gates: list[GateRow], factors: list[FactorRow]) -> Call:
    """Replace the call's gates and factors with these rows, in this order.

    Rows with the pk of an existing gate or factor update it (scores given against it
    stay attached); the others are created; those left out are deleted, unless reviewers
    already answered or scored them: then nothing at all is saved, and the refusal names
    each one (a submitted score is never lost).
    """
    require(user, "rubric", call)
    if call.status_at() == Call.Status.CLOSED:
        raise ValidationError(
            _("The call has closed and its proposals are being scored: its rubric stays as it is.")
        )
    _check_rubric(gates, factors)
    with transaction.atomic():
        refused = _replace(call, Gate, gates, ["question"])
        refused += _replace(
            call, Factor, factors, ["name", "guidance", "scale_min", "scale_max", "weight"]
        )
        if refused:
            raise ValidationError(refused)
    return call


# What a gate or factor that reviewers already answered or scored cannot lose.
_KEPT = {
    Gate: gettext_lazy(
        "Reviewers have already answered “%(name)s”: a gate with answers cannot be removed "
        "(change its wording instead). Nothing was saved."
    ),
    Factor: gettext_lazy(
        "Reviewers have already scored “%(name)s”: a factor with scores cannot be removed "
        "(change its wording or weight instead). Nothing was saved."
    ),
}


def _check_rubric(gates: list[GateRow], factors: list[FactorRow]) -> None:
    if not factors:
        raise ValidationError(_("A rubric needs at least one scored factor."))
    for row in factors:
        if row.scale_max <= row.scale_min:
            raise ValidationError(
                _("The highest score of “%(name)s” must be above its lowest.") % {"name": row.name}
            )
        if row.weight < 0:
            raise ValidationError(_("The weight of “%(name)s” is negative.") % {"name": row.name})
    if sum((row.weight for row in factors), Decimal(0)) <= 0:
        raise ValidationError(_("At least one factor needs a weight above zero."))


def _replace(call: Call, model, rows, fields: list[str]) -> list[str]:
    """Write the rows; returns why a row left out could not be removed (none: all done)."""
    existing = {obj.pk: obj for obj in model.objects.filter(call=call)}
    kept = []
    for order, row in enumerate(rows):
        values = {name: getattr(row, name) for name in fields}
        obj = existing.get(row.pk) if row.pk else None
        if obj is None:
            obj = model(call=call, order=order, **values)
        else:
            for name, value in values.items():
                setattr(obj, name, value)
            obj.order = order
        obj.full_clean(exclude=["call"])
        obj.save()
        kept.append(obj.pk)
    # Removed one by one: a gate or factor that reviews refer to (they PROTECT it) is
    # named in the refusal, and the caller's transaction undoes the whole edit.
    refused = []
    for obj in model.objects.filter(call=call).exclude(pk__in=kept):
        try:
            with transaction.atomic():
                obj.delete()
        except ProtectedError:
            refused.append(str(_KEPT[model] % {"name": obj}))
    return refused


def domains_and_tags():
    """The taxonomy for a form or filter: (domains, priority tags)."""
    rows = list(Domain.objects.all())
    return [d for d in rows if not d.is_priority_tag], [d for d in rows if d.is_priority_tag]
