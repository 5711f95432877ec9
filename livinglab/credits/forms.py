from django import forms
from django.utils.translation import gettext_lazy as _


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
