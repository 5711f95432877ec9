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


class AcceptInvitationForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name as others will see it"),
        max_length=150,
        help_text=_("For example 林書記 or 陳科員: shown on reports, reviews and case history."),
    )
    password = forms.CharField(
        label=_("Choose a password"), strip=False, widget=forms.PasswordInput(render_value=False)
    )
    password_again = forms.CharField(
        label=_("The password again"), strip=False, widget=forms.PasswordInput(render_value=False)
    )

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data
