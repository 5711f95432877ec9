"""Forms of the secretariat's case pages: rename, merge and split (move a decision).

A case is picked by title as on the import page: the datalist offers "title #id", and
a typed title or alias is taken when exactly one candidate bears it.
"""

import re

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from livinglab.tracking.import_forms import agency_field, directory_agencies
from livinglab.tracking.models import Case, DecisionAgency
from livinglab.tracking.services.correcting import Responsible

CASE_NUMBER = re.compile(r"#(\d+)\s*$")
DATALIST_LIMIT = 500


def merge_candidates(target: Case, user):
    """Cases that may be merged into `target`: the other open cases of its body."""
    return (
        Case.objects.visible_to(user)
        .filter(body_id=target.body_id)
        .open()
        .exclude(pk=target.pk)
        .order_by("title", "pk")
    )


def split_candidates(origin: Case, user):
    """Cases a decision of `origin` may move to: its body's cases not merged away."""
    return (
        Case.objects.visible_to(user)
        .filter(body_id=origin.body_id)
        .exclude(pk=origin.pk)
        .exclude(closure=Case.Closure.MERGED)
        .order_by("title", "pk")
    )


def datalist(cases) -> list[tuple[str, str]]:
    """(value, label) of the options a case input offers."""
    return [
        (f"{case.title} #{case.pk}", case.get_state_display())
        for case in cases.only("pk", "title", "state")[:DATALIST_LIMIT]
    ]


def resolve_case(candidates, value: str) -> Case:
    """The one case among `candidates` that `value` ("title #id", title or alias) names."""
    number = CASE_NUMBER.search(value)
    if number:
        found = candidates.filter(pk=int(number.group(1)))
    else:
        found = candidates.filter(Q(title=value) | Q(aliases__name=value)).distinct()
    found = list(found[:2])
    if not found:
        raise forms.ValidationError(
            _("No case of this body that can be chosen here is named “%(name)s”."),
            code="unknown",
            params={"name": value},
        )
    if len(found) > 1:
        raise forms.ValidationError(
            _("Several cases are named “%(name)s”; pick one from the list."),
            code="ambiguous",
            params={"name": value},
        )
    return found[0]


class CaseByTitleField(forms.CharField):
    """A case among `candidates`, typed as "title #id", a title or an alias."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 320)
        super().__init__(*args, **kwargs)
        self.candidates = Case.objects.none()

    def clean(self, value):
        value = super().clean(value)
        return resolve_case(self.candidates, value) if value else None


class RenameForm(forms.Form):
    title = forms.CharField(label=_("New title"), max_length=300)

    def __init__(self, data=None, *, case: Case):
        super().__init__(data, initial={"title": case.title})
        self.case = case

    def clean_title(self):
        title = self.cleaned_data["title"]
        if title == self.case.title:
            raise forms.ValidationError(_("This is already the case's title."), code="same")
        return title


class MergeForm(forms.Form):
    source = CaseByTitleField(
        label=_("Case to merge into this one"),
        widget=forms.TextInput(attrs={"list": "id_source_list", "autocomplete": "off"}),
        help_text=_("An open case of the same body; type its title and pick it from the list."),
    )

    def __init__(self, data=None, *, target: Case, user):
        super().__init__(data)
        self.target = target
        self.fields["source"].candidates = merge_candidates(target, user)

    def clean(self):
        if self.target.closure == Case.Closure.MERGED:
            raise forms.ValidationError(
                _("This case is merged into another; merge into that one instead."),
                code="merged",
            )
        return super().clean()


class SplitForm(forms.Form):
    """Where a decision goes: an existing case of the body, or a new case."""

    EXISTING, NEW = "existing", "new"

    to = forms.ChoiceField(
        label=_("Move the decision to"),
        choices=[(EXISTING, _("another case")), (NEW, _("a new case"))],
    )
    into = forms.CharField(
        label=_("Title of the case"),
        required=False,
        max_length=320,
        widget=forms.TextInput(attrs={"list": "id_into_list", "autocomplete": "off"}),
    )
    title = forms.CharField(label=_("Title of the new case"), required=False, max_length=300)

    def __init__(self, data=None, *, origin: Case, name: str, user):
        super().__init__(data, initial={"to": self.NEW, "title": name})
        self.candidates = split_candidates(origin, user)

    def clean(self):
        data = super().clean()
        data["case"] = None
        if data.get("to") == self.EXISTING:
            if not data.get("into"):
                self.add_error("into", _("Choose the case the decision belongs to."))
            else:
                try:
                    data["case"] = resolve_case(self.candidates, data["into"])
                except forms.ValidationError as error:
                    self.add_error("into", error)
        elif data.get("to") == self.NEW and not data.get("title"):
            self.add_error("title", _("Give the new case a title."))
        return data


# --- What the secretariat sets by hand: state, agencies, deadline ------------------------


class StateForm(forms.Form):
    state = forms.ChoiceField(
        label=_("State"),
        choices=[
            ("tracked", _("tracked")),
            ("proposed", _("proposed")),
            ("delisted", _("closed: delisted")),
            ("regular", _("closed: regular exchange")),
            ("merged", _("closed: merged into another case")),
        ],
    )
    into = CaseByTitleField(
        label=_("Merged into"),
        required=False,
        widget=forms.TextInput(attrs={"list": "state-into-list", "autocomplete": "off"}),
        help_text=_("Only when merged: an open case of the same body."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept on the case's history, e.g. the meeting that decided it."),
    )

    def __init__(self, data=None, *, case: Case, user):
        from livinglab.tracking.services.editing import state_of

        super().__init__(data, initial={"state": state_of(case)}, prefix="state")
        self.candidates = merge_candidates(case, user)
        self.fields["into"].candidates = self.candidates

    def clean(self):
        data = super().clean()
        if data.get("state") == "merged" and not data.get("into") and "into" not in self.errors:
            self.add_error("into", _("Choose the case it is merged into."))
        return data


class AgenciesForm(forms.Form):
    lead = agency_field(
        _("Lead agencies (主辦)"), _("From the organisation directory; several separated by 、.")
    )
    supporting = agency_field(_("Supporting agencies (協辦)"))

    def __init__(self, data=None, *, case: Case):
        rows = case.case_agencies.select_related("organisation").order_by("pk")
        names = {role: [] for role in DecisionAgency.Role.values}
        for row in rows:
            names.setdefault(row.role, []).append(row.organisation.name)
        initial = {"lead": "、".join(names["lead"]), "supporting": "、".join(names["supporting"])}
        super().__init__(data, initial=initial, prefix="agencies")

    def clean(self):
        data = super().clean()
        agencies = []
        for field, role in (("lead", "lead"), ("supporting", "supporting")):
            try:
                found = directory_agencies(data.get(field) or "")
            except forms.ValidationError as error:
                self.add_error(field, error)
                continue
            agencies += [Responsible(organisation, role) for organisation in found]
        data["agencies"] = agencies
        if not self.errors and not any(r.role == "lead" for r in agencies):
            self.add_error("lead", _("Name at least one lead agency (主辦)."))
        return data


class CaseDeadlineForm(forms.Form):
    deadline = forms.DateField(
        label=_("Current deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Empty for no deadline. The agencies' assignments follow it."),
    )

    def __init__(self, data=None, *, case: Case):
        super().__init__(data, initial={"deadline": case.deadline}, prefix="deadline")
