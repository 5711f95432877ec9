"""Forms of the corrections to a confirmed meeting: one decision corrected, one added.

Agencies are picked as on the draft page (`import_forms.agency_field`: the directory
offered in a list, several names separated by 、); an existing case is picked as on the
case pages (`manage_forms`: "title #id" from a list that follows what is typed).
"""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livinglab.tracking.import_forms import agency_field, directory_agencies
from livinglab.tracking.manage_forms import resolve_case
from livinglab.tracking.models import Case, Decision, DecisionAgency
from livinglab.tracking.services.correcting import Responsible

STATUS_CHOICES = [("", _("(no status)")), *Decision.Status.choices]
Role = DecisionAgency.Role


def case_candidates(meeting, user):
    """Cases a decision of `meeting` may be about: its body's cases not merged away."""
    return (
        Case.objects.visible_to(user)
        .filter(body_id=meeting.body_id)
        .exclude(closure=Case.Closure.MERGED)
        .order_by("title", "pk")
    )


class _DecisionFields(forms.Form):
    """Status, deadline and agencies, as a decision of `meeting` may have them."""

    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        # A date input takes ISO dates whatever the page's language.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    lead = agency_field(
        _("Lead agencies (主辦)"), _("From the organisation directory; several separated by 、.")
    )
    supporting = agency_field(_("Supporting agencies (協辦)"))

    def __init__(self, data=None, *, meeting, **kwargs):
        super().__init__(data, **kwargs)
        self.meeting = meeting

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        held = self.meeting.date
        if deadline is not None and held is not None and deadline < held:
            raise forms.ValidationError(
                _("The deadline %(deadline)s is before the meeting (%(held)s)."),
                code="before_meeting",
                params={"deadline": deadline.isoformat(), "held": held.isoformat()},
            )
        if deadline is not None and deadline.year > timezone.localdate().year + 50:
            raise forms.ValidationError(
                _("The deadline %(deadline)s is too far ahead; check the year."),
                code="too_far",
                params={"deadline": deadline.isoformat()},
            )
        return deadline

    def clean(self):
        data = super().clean()
        responsible: dict[int, Responsible] = {}
        for field, role in (("lead", Role.LEAD), ("supporting", Role.SUPPORTING)):
            try:
                organisations = directory_agencies(data.get(field) or "")
            except forms.ValidationError as error:
                self.add_error(field, error)
                continue
            for organisation in organisations:
                # Named as lead and as supporting, it leads.
                if organisation.pk not in responsible or role == Role.LEAD:
                    responsible[organisation.pk] = Responsible(organisation, role)
        data["agencies"] = list(responsible.values())
        return data


def _names(decision: Decision, role: str) -> str:
    rows = decision.decision_agencies.all()
    return "、".join(row.organisation.name for row in rows if row.role == role)


class CorrectionForm(_DecisionFields):
    """A decision of a confirmed meeting corrected: status, deadline, agencies."""

    def __init__(self, data=None, *, decision: Decision):
        initial = {
            "status": decision.status,
            "deadline": decision.deadline,
            "lead": _names(decision, Role.LEAD),
            "supporting": _names(decision, Role.SUPPORTING),
        }
        super().__init__(data, meeting=decision.meeting, initial=initial, prefix=f"d{decision.pk}")
        self.decision = decision


class AddDecisionForm(_DecisionFields):
    """A decision the record missed, about an existing case of the body or a new one."""

    EXISTING, NEW = "existing", "new"

    text = forms.CharField(
        label=_("Decision text"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20000
    )
    to = forms.ChoiceField(
        label=_("The decision is about"),
        choices=[(EXISTING, _("a case of this body")), (NEW, _("a new case"))],
        widget=forms.RadioSelect,
        initial=EXISTING,
    )
    case = forms.CharField(
        label=_("Case of this body"),
        required=False,
        max_length=320,
        widget=forms.TextInput(attrs={"list": "add-case-list", "autocomplete": "off"}),
        help_text=_("Type a few words of its title and pick it from the list."),
    )
    title = forms.CharField(label=_("Title of the new case"), required=False, max_length=300)

    field_order = ["text", "to", "case", "title", "status", "deadline", "lead", "supporting"]

    def __init__(self, data=None, *, meeting, user):
        super().__init__(data, meeting=meeting, prefix="add")
        self.candidates = case_candidates(meeting, user)
        # The list under the case field follows what is typed (htmx).
        self.fields["case"].widget.attrs.update(
            {
                "hx-get": reverse("case_manage:case_options", args=[meeting.pk]),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#add-case-list",
                "hx-swap": "outerHTML",
            }
        )

    def clean(self):
        data = super().clean()
        data["existing"] = None
        value, title = (data.get("case") or "").strip(), (data.get("title") or "").strip()
        # Only one of the two filled in: that one is meant, whichever choice is ticked.
        if value and not title:
            data["to"] = self.EXISTING
        elif title and not value:
            data["to"] = self.NEW
        if data.get("to") == self.EXISTING:
            if not value:
                self.add_error("case", _("Choose the case the decision is about."))
            else:
                try:
                    data["existing"] = resolve_case(self.candidates, value)
                except forms.ValidationError as error:
                    self.add_error("case", error)
        elif data.get("to") == self.NEW and not title:
            self.add_error("title", _("Give the new case a title."))
        return data
