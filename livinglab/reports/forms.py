"""What the secretariat chooses about a tracking table before printing it."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TableForm(forms.Form):
    """The meeting number and date the table is for, and how much history it shows.

    Read from the query string, so that the page and its downloads share one address.
    Left empty, the number is the next meeting's and the date is left to be set.
    """

    ALL, LATEST = "all", "latest"

    number = forms.IntegerField(
        label=_("Meeting number"), required=False, min_value=1, max_value=9999
    )
    date = forms.DateField(
        label=_("Meeting date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    decisions = forms.ChoiceField(
        label=_("Decisions"),
        choices=[(ALL, _("the full history")), (LATEST, _("the latest decision only"))],
        required=False,
    )

    def options(self) -> dict:
        """Keyword arguments of `build_table` (nothing chosen when the form is invalid)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "number": data["number"],
            "date": data["date"],
            "latest_only": data["decisions"] == self.LATEST,
        }
