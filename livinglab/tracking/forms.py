from functools import cache

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from livinglab.meetings.models import Body
from livinglab.orgs.models import Organisation
from livinglab.tracking.models import Case, CaseAgency
from livinglab.tracking.registry import RegistryFilter


class RegistryForm(forms.Form):
    """The registry's filters, as read from the query string.

    Bodies, agencies and cities are plain choices of (id, name) read in one query each:
    the page prints them as options and checks a chosen id against them, so no model
    is built for a list that every registry page shows.
    """

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    body = forms.TypedChoiceField(
        label=pgettext_lazy("meeting series", "Body"), coerce=int, empty_value=None, required=False
    )
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("all states")), *Case.State.choices], required=False
    )
    agency = forms.TypedChoiceField(label=_("Agency"), coerce=int, empty_value=None, required=False)
    city = forms.TypedChoiceField(label=_("City"), coerce=int, empty_value=None, required=False)
    meeting = forms.IntegerField(required=False, widget=forms.HiddenInput)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, data, user):
        super().__init__(data)
        bodies = Body.objects.visible_to(user).order_by("name")
        orgs = Organisation.objects.visible_to(user)
        responsible = CaseAgency.objects.filter(organisation=OuterRef("pk"))
        agencies = orgs.agencies().filter(Exists(responsible)).order_by("name")
        cities = orgs.cities().order_by("name")
        for name, rows, everything in (
            ("body", bodies, _("all bodies")),
            ("agency", agencies, _("all agencies")),
            ("city", cities, _("all cities")),
        ):
            self.fields[name].choices = _read_once(rows, everything)

    def registry_filter(self) -> RegistryFilter:
        if not self.is_valid():
            return RegistryFilter(q=str(self.data.get("q", ""))[:100])
        data = self.cleaned_data
        return RegistryFilter(
            body=data["body"],
            state=data["state"],
            agency=data["agency"],
            city=data["city"],
            meeting=data["meeting"],
            overdue=data["overdue"],
            q=data["q"],
        )


def _read_once(rows, everything):
    """A filter's choices, read when first needed: the search box asks for rows alone,
    without printing the options or choosing among them, and then never reads them."""

    @cache
    def choices():
        return [("", everything), *rows.values_list("pk", "name")]

    return choices


class SplitForm(forms.Form):
    into = forms.IntegerField(label=_("Move to case number"), required=False, min_value=1)
    title = forms.CharField(label=_("or a new case named"), required=False, max_length=300)
