from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from livinglab.credits.models import Programme


class StatementForm(forms.Form):
    provider = forms.ChoiceField(label=_("Provider"))
    file = forms.FileField(label=_("Usage statement (.csv or .json)"))

    def __init__(self, *args, providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [(p, p) for p in providers]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".json")):
            raise forms.ValidationError(_("Upload a .csv or .json file."))
        return upload


class ProgrammeForm(forms.ModelForm):
    """A programme's terms; its body is one the person runs."""

    class Meta:
        model = Programme
        fields = [
            "name",
            "body",
            "budget",
            "starts_on",
            "ends_on",
            "team_cap",
            "minimum_grant",
            "credits_expire_on",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "credits_expire_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies

    def terms(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PriorityDomainForm(forms.Form):
    domain = forms.ModelChoiceField(label=_("Domain"), queryset=None)
    weight = forms.DecimalField(
        label=_("Weight"), min_value=Decimal("0.01"), max_digits=5, decimal_places=2, initial=1
    )

    def __init__(self, *args, **kwargs):
        from livinglab.needs.models import Domain

        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = Domain.objects.all()


class RateForm(forms.Form):
    provider = forms.SlugField(label=_("Provider"), max_length=40)
    gpu_class = forms.CharField(label=_("GPU class"), max_length=40)
    credits_per_hour = forms.DecimalField(
        label=_("Credits per GPU-hour"),
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
    )


PriorityDomainFormSet = forms.formset_factory(
    PriorityDomainForm, extra=2, can_delete=True, max_num=30
)
RateFormSet = forms.formset_factory(RateForm, extra=2, can_delete=True, max_num=30)


def kept(formset) -> list[dict]:
    """The filled rows of a valid formset that are not marked for deletion."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class ApplicationForm(forms.Form):
    proposal = forms.ModelChoiceField(
        label=pgettext_lazy("credit application", "Proposal"), queryset=None
    )
    requested = forms.IntegerField(label=_("Credits requested"), min_value=1)

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals
