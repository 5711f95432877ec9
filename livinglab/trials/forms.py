import datetime as dt
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from livinglab.meetings.models import Body
from livinglab.orgs.models import Organisation
from livinglab.orgs.roles import roles_of
from livinglab.sites.models import FieldSite
from livinglab.trials.measurement_csv import MAX_BYTES, MAX_NOTE
from livinglab.trials.models import KpiDefinition, Trial

DATE = {"type": "date"}
VALUE_LIMIT = Decimal("9999999999")


def _value_field(label, required=True):
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=14,
        decimal_places=4,
        min_value=-VALUE_LIMIT,
        max_value=VALUE_LIMIT,
    )


class StartTrialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=pgettext_lazy("trial", "Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.ModelChoiceField(
        label=pgettext_lazy("trial", "Sponsoring body"), queryset=Body.objects.none()
    )
    agency = forms.ModelChoiceField(
        label=pgettext_lazy("trial", "Sponsoring agency"), queryset=Organisation.objects.agencies()
    )
    site = forms.ModelChoiceField(label=_("Field site"), queryset=FieldSite.objects.none())
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )
    ends_on = forms.DateField(
        label=_("Ends on"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )
    milestones = forms.CharField(
        label=_("Milestones"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: the date, then what is due (2026-05-01 感測器安裝完成)."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        roles = roles_of(user)
        bodies = Body.objects.all()
        if not roles.is_admin:
            bodies = bodies.filter(pk__in=roles.secretariat_body_ids)
        self.fields["body"].queryset = bodies.order_by("name")
        self.fields["site"].queryset = FieldSite.objects.visible_to(user).order_by("name")

    def clean_milestones(self):
        milestones = []
        for number, line in enumerate(self.cleaned_data["milestones"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            date_text, _space, title = line.partition(" ")
            try:
                due_on = dt.date.fromisoformat(date_text)
            except ValueError:
                due_on = None
            if due_on is None or not title.strip():
                raise forms.ValidationError(
                    _("Line %(line)s: write the date (2026-05-01), a space, then the milestone.")
                    % {"line": number}
                )
            milestones.append((title.strip(), due_on))
        return milestones

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The trial cannot end before it starts."))
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Trial.Status.choices)
    outcome = forms.ChoiceField(
        label=_("Adopted as"), required=False, choices=[("", "—"), *Trial.Outcome.choices]
    )
    outcome_note = forms.CharField(
        label=_("What was adopted"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    lessons = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class KpiForm(forms.Form):
    name = forms.CharField(label=_("KPI"), max_length=120)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    direction = forms.ChoiceField(
        label=_("Direction"),
        choices=KpiDefinition.Direction.choices,
        initial=KpiDefinition.Direction.UP,
    )
    baseline = _value_field(_("Baseline"), required=False)
    target = _value_field(_("Target"), required=False)
    description = forms.CharField(
        label=_("How it is measured"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(
        label=_("Due on"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )


class MeasurementForm(forms.Form):
    kpi = forms.ModelChoiceField(label=_("KPI"), queryset=None, empty_label=None)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    value = _value_field(_("Value"))
    note = forms.CharField(label=_("Note"), required=False, max_length=MAX_NOTE)

    def __init__(self, *args, trial, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kpi"].queryset = trial.kpis.select_related("definition")


class MeasurementUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns kpi, date, value and optionally note (指標, 日期, 數值, 備註); "
            "UTF-8 or Big5, up to 1 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        return upload
