"""The closed loop: a KPI off track proposes a tracked case to the responsible body.

`check` compares a KPI of a scope with its target path (`progress`). Off track and no
open alert: an `OffTrackAlert` and a draft in the body's imports, built as the minutes
reader builds them (one meeting, one item tracking a new case, the scope's owner as
lead agency, the figures in the text), which the secretariat reviews and confirms like
any other record. Back on track: the alert is closed, and the case page says so.
`check_after_write` runs it, after commit, for every scope above the written values
that has a target for the KPI.
"""

import datetime as dt
import hashlib

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.kpis.models import Definition, OffTrackAlert, Scope, ScopeAncestor, Target
from livinglab.kpis.services.progress import progress
from livinglab.kpis.services.scopes import responsible_body
from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.services.drafting import blank_item, blank_meeting


def check(definition: Definition, scope: Scope, today: dt.date | None = None):
    """Open or close the alert of this KPI and scope; returns the open alert or None."""
    state = progress(definition, scope, today)
    alert = OffTrackAlert.objects.filter(
        definition=definition, scope=scope, back_on_track_at__isnull=True
    ).first()
    if state.off_track and alert is None:
        return _open(state, today or timezone.localdate())
    if not state.off_track and alert is not None:
        alert.back_on_track_at = timezone.now()
        alert.save(update_fields=["back_on_track_at"])
        return None
    return alert


def check_after_write(definition: Definition, scope_ids) -> None:
    """After commit: check each scope above these that has a target for the KPI."""
    ids = list(scope_ids)

    def run():
        above = ScopeAncestor.objects.filter(descendant_id__in=ids).values("ancestor_id")
        targeted = Target.objects.filter(definition=definition, scope_id__in=above)
        for scope in Scope.objects.filter(pk__in=targeted.values("scope_id")):
            check(definition, scope)

    transaction.on_commit(run)


def _figures(state) -> dict:
    return {
        "reason": state.reason,
        "years": [
            {
                "year": y.year,
                "actual": y.value,
                "projected": y.projected,
                "target": y.target,
                "missed": y.missed,
            }
            for y in state.years
            if y.value is not None or y.is_set
        ],
    }


def _text(state) -> str:
    definition, scope = state.definition, state.scope
    lines = [
        _("%(kpi)s (%(id)s) of %(scope)s is off track: %(why)s")
        % {
            "kpi": definition.name_zh,
            "id": definition.identifier,
            "scope": scope.name_zh,
            "why": _("this year's projection misses the target path")
            if state.reason == "projected"
            else _("the last %(n)s years missed the target path")
            % {"n": definition.off_track_after},
        }
    ]
    for year in state.years:
        if year.value is None:
            continue
        figure = year.projected if year.projected is not None else year.value
        target = "—" if year.target is None else f"{year.target:,.2f}"
        lines.append(f"{year.year}: {figure:,.2f} {definition.unit_label} / {target}")
    lines.append(_("Please review the figures and propose corrective measures."))
    return "\n".join(lines)


@transaction.atomic
def _open(state, today: dt.date) -> OffTrackAlert | None:
    body = responsible_body(state.scope)
    if body is None:
        return None
    definition, scope = state.definition, state.scope
    text = _text(state)
    title = _("Off-track KPI: %(kpi)s (%(scope)s)") % {
        "kpi": definition.name_zh,
        "scope": scope.name_zh,
    }
    meeting = blank_meeting(_("KPI review %(date)s") % {"date": today.isoformat()}, (0, len(text)))
    meeting["date"] = today.isoformat()
    item = blank_item(text, (0, len(text)))
    item.update(status="tracked", cases=[title])
    if scope.owner_id:
        item["agencies"] = [{"name": scope.owner.name, "mention": scope.owner.name, "role": "lead"}]
    item["links"] = [
        {
            "name": title,
            "case": "new:1",
            "title": title,
            "method": "new",
            "confidence": 1.0,
            "review": False,
            "suggested": None,
            "suggested_score": None,
            "role": "subject",
        }
    ]
    meeting["items"] = [item]
    key = f"kpi-off-track:{definition.identifier}:{scope.pk}:{today.isoformat()}"
    draft = MinutesDocument.objects.create(
        body=body,
        filename=f"kpi-{definition.slug}-{scope.code}-{today.isoformat()}.txt"[:255],
        sha256=hashlib.sha256(key.encode()).hexdigest(),
        text=text,
        status=MinutesDocument.Status.DRAFT,
        progress=100,
        proposal={"source": "kpis", "meetings": [meeting]},
    )
    return OffTrackAlert.objects.create(
        definition=definition,
        scope=scope,
        body=body,
        draft=draft,
        figures=_figures(state),
        reason=state.reason,
    )
