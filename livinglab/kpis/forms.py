from django import forms
from django.utils.translation import gettext_lazy as _


class ValuesUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of values"),
        help_text=_(
            "Columns kpi, scope, period, value and optionally unit and supplier; up to 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
