from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The user name or password is not correct. Check both and try again; "
            "after several failed attempts, sign-in is paused for a while."
        ),
    }


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What the token is for"), max_length=100)
    expires_in_days = forms.IntegerField(
        label=_("Valid for (days, empty for no expiry)"),
        required=False,
        min_value=1,
        max_value=3650,
    )
