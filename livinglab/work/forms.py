from django import forms
from django.utils.translation import gettext_lazy as _

from livinglab.core.people import display_name
from livinglab.work.attachments import MAX_FILES
from livinglab.work.models import Proposal


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most %(count)s attachments.") % {"count": MAX_FILES})
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ProgressReportForm(forms.Form):
    text = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 6}), max_length=4000
    )
    percent_complete = forms.IntegerField(
        label=_("Percent complete"), min_value=0, max_value=100, initial=0
    )
    expected_completion = forms.DateField(
        label=_("Expected completion"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    proposal = forms.ChoiceField(
        label=_("Proposal"), choices=Proposal.choices, initial=Proposal.KEEP
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, images or office documents; up to 10 MB each."),
    )


class ReportEditForm(ProgressReportForm):
    """A report corrected before its review; its attachments stay as filed."""

    attachments = None

    @classmethod
    def of(cls, report, data=None):
        initial = {
            "text": report.text,
            "percent_complete": report.percent_complete,
            "expected_completion": report.expected_completion,
            "proposal": report.proposal,
        }
        return cls(data, initial=initial)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=500)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("return", _("Return"))], widget=forms.HiddenInput
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DeadlineForm(forms.Form):
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class PreferenceForm(forms.Form):
    email_digest = forms.BooleanField(
        label=_("E-mail me a digest of deadlines due soon and overdue"), required=False
    )
    days_ahead = forms.IntegerField(
        label=_("Days ahead"),
        min_value=1,
        max_value=60,
        help_text=_("Deadlines within this many days are in the digest (1–60)."),
    )


class BulkUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled-in spreadsheet"),
        help_text=_(".ods or .xlsx in the layout of the download; up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".ods,.xlsx"}),
    )


class InChargeForm(forms.Form):
    """Claim, release, or (the secretariat) name the person in charge of an assignment."""

    action = forms.ChoiceField(
        choices=[("claim", _("Claim")), ("release", _("Release")), ("assign", _("Set"))],
        widget=forms.HiddenInput,
    )
    person = forms.ModelChoiceField(
        label=_("Person in charge"),
        queryset=None,
        required=False,
        empty_label=_("(no one)"),
    )

    def __init__(self, data=None, *, assignment, officers):
        super().__init__(data, prefix=f"a{assignment.pk}")
        self.fields["person"].queryset = officers
        self.fields["person"].label_from_instance = display_name
        self.initial["person"] = assignment.responsible_id
