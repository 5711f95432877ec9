from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from livinglab.meetings.models import Body
from livinglab.orgs.models import Organisation
from livinglab.tracking.models import Case, CaseAgency
from livinglab.tracking.registry import RegistryFilter


class RegistryForm(forms.Form):
    """The registry's filters, as read from the query string."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    body = forms.ModelChoiceField(
        label=pgettext_lazy("meeting series", "Body"), queryset=Body.objects.none(), required=False
    )
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("all states")), *Case.State.choices], required=False
    )
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Organisation.objects.none(), required=False
    )
    city = forms.ModelChoiceField(
        label=_("City"), queryset=Organisation.objects.none(), required=False
    )
    meeting = forms.IntegerField(required=False, widget=forms.HiddenInput)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, data, user):
        super().__init__(data)
        self.fields["body"].queryset = Body.objects.visible_to(user).order_by("name")
        orgs = Organisation.objects.visible_to(user)
        responsible = CaseAgency.objects.filter(organisation=OuterRef("pk"))
        self.fields["agency"].queryset = (
            orgs.agencies().filter(Exists(responsible)).order_by("name")
        )
        self.fields["city"].queryset = orgs.cities().order_by("name")

    def registry_filter(self) -> RegistryFilter:
        if not self.is_valid():
            return RegistryFilter(q=str(self.data.get("q", ""))[:100])
        data = self.cleaned_data
        return RegistryFilter(
            body=data["body"].pk if data["body"] else None,
            state=data["state"],
            agency=data["agency"].pk if data["agency"] else None,
            city=data["city"].pk if data["city"] else None,
            meeting=data["meeting"],
            overdue=data["overdue"],
            q=data["q"],
        )


class SplitForm(forms.Form):
    into = forms.IntegerField(label=_("Move to case number"), required=False, min_value=1)
    title = forms.CharField(label=_("or a new case named"), required=False, max_length=300)
