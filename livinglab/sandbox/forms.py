from django import forms
from django.utils.translation import gettext_lazy as _

from livinglab.orgs.models import Organisation
from livinglab.sandbox.models import Incident, PermitChange
from livinglab.sandbox.services import MAX_TEXT
from livinglab.sites.models import FieldSite
from livinglab.work.forms import MultipleFileField

# ISO values whatever the language, as a browser's date picker reads them.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AGENCY_KINDS = (Organisation.Kind.AGENCY, Organisation.Kind.UNIT, Organisation.Kind.CITY)


def _text(label, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class ApplicationForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Field site"), queryset=FieldSite.objects.none())
    rules = _text(_("Rules to relax"), help_text=_("Each rule and what the trial needs relaxed."))
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("Until"), widget=DATE)
    safety_plan = _text(_("Safety plan"), rows=6)
    insurance = _text(
        _("Insurance"), rows=3, help_text=_("Insurer, policy number, what it covers and how much.")
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies whose consent is required"),
        queryset=Organisation.objects.filter(kind__in=AGENCY_KINDS).order_by("name"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("For example the transport bureau, the police and the site's manager."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, images or office documents, up to 10 MB each."),
    )

    def __init__(self, *args, user, trial, **kwargs):
        super().__init__(*args, **kwargs)
        # The trial's own site, whoever may see it, or another the person may see.
        sites = FieldSite.objects.visible_to(user) | FieldSite.objects.filter(pk=trial.site_id)
        self.fields["site"].queryset = sites.distinct().order_by("name")
        if not self.is_bound:
            self.initial.update(
                site=trial.site_id,
                starts_on=trial.starts_on,
                ends_on=trial.ends_on,
                agencies=[trial.site.agency_id],
            )

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The period cannot end before it starts."))
        return data


class AttachForm(forms.Form):
    attachments = MultipleFileField(label=_("Attachments"))

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if not files:
            raise forms.ValidationError(_("Choose at least one file."))
        return files


class ConsentForm(forms.Form):
    CONSENT, REFUSE = "consent", "refuse"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(CONSENT, _("Consent")), (REFUSE, _("Refuse"))],
        widget=forms.RadioSelect,
    )
    condition_1 = forms.CharField(label=_("Condition"), max_length=500, required=False)
    due_1 = forms.DateField(label=_("To be met by"), required=False, widget=DATE)
    condition_2 = forms.CharField(label=_("Condition"), max_length=500, required=False)
    due_2 = forms.DateField(label=_("To be met by"), required=False, widget=DATE)
    condition_3 = forms.CharField(label=_("Condition"), max_length=500, required=False)
    due_3 = forms.DateField(label=_("To be met by"), required=False, widget=DATE)
    reason = _text(_("Reason for refusing"), rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = False

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.REFUSE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("A refusal needs its reason."))
        return data

    def conditions(self):
        from livinglab.sandbox.services import NewCondition

        data = self.cleaned_data
        return [
            NewCondition(data[f"condition_{n}"], data[f"due_{n}"])
            for n in (1, 2, 3)
            if (data.get(f"condition_{n}") or "").strip()
        ]


class GrantForm(forms.Form):
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE)


class PermitChangeForm(forms.Form):
    change = forms.ChoiceField(
        label=_("Change"),
        choices=[
            (PermitChange.Kind.SUSPENDED, _("Suspend")),
            (PermitChange.Kind.REINSTATED, _("Reinstate")),
            (PermitChange.Kind.REVOKED, _("Revoke")),
        ],
    )
    reason = _text(_("Reason"), rows=3)


class IncidentForm(forms.Form):
    occurred_at = forms.DateTimeField(
        label=_("Happened at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    severity = forms.ChoiceField(label=_("Severity"), choices=Incident.Severity.choices)
    description = _text(_("What happened"))
    measures = _text(_("Measures taken"))
