from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from livinglab.needs.forms import DomainChoiceField
from livinglab.needs.models import Domain, Need
from livinglab.orgs.models import Organisation
from livinglab.proposals.models import TRL_MAX, TRL_MIN, Proposal, ProposerOrganisation
from livinglab.work.forms import MultipleFileField

UNSOLICITED = "unsolicited"


class ProposalForm(forms.ModelForm):
    """A proposal as its writer fills it in; a draft needs only a title and a domain,
    the rest is checked when it is submitted."""

    organisation = forms.ModelChoiceField(
        label=_("Proposing organisation"), queryset=Organisation.objects.none()
    )
    answers = forms.ChoiceField(label=_("Answers the need"))
    domain = DomainChoiceField(label=_("Domain"), queryset=Domain.objects.domains())
    trl = forms.TypedChoiceField(
        label=_("Technology readiness level"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—")] + [(n, str(n)) for n in range(TRL_MIN, TRL_MAX + 1)],
        help_text=_(
            "1: basic principles observed … 6: shown in a relevant setting … 9: proven in operation."
        ),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, images or office documents; up to 10 MB each, checked by content."),
    )

    class Meta:
        model = Proposal
        fields = [
            "organisation",
            "answers",
            "title",
            "domain",
            "summary",
            "solution",
            "team",
            "trl",
            "site_wanted",
            "period_months",
            "budget",
            "funding",
            "credits_requested",
            "expected_kpis",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "solution": forms.Textarea(attrs={"rows": 6}),
            "team": forms.Textarea(attrs={"rows": 3}),
            "site_wanted": forms.Textarea(attrs={"rows": 2}),
            "expected_kpis": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, call, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )
        self.only_organisation = organisations[0] if len(organisations) == 1 else None
        if self.only_organisation:
            self.fields["organisation"].initial = self.only_organisation.pk
            self.fields["organisation"].required = False
            self.fields["organisation"].widget = forms.HiddenInput()
        if self.instance.pk:
            del self.fields["organisation"]
        needs = list(call.needs.filter(status__in=[Need.Status.PUBLISHED, Need.Status.MATCHED]))
        choices = [(str(n.pk), n.title) for n in needs]
        if call.accepts_unsolicited:
            choices.append((UNSOLICITED, _("None: an unsolicited proposal")))
        self.fields["answers"].choices = choices
        self.needs = {str(n.pk): n for n in needs}
        if self.instance.pk:
            self.initial["answers"] = str(self.instance.need_id or UNSOLICITED)
        elif str(self.initial.get("answers", "")) in self.needs:
            # a proposal to a need starts in the need's domain
            self.initial.setdefault("domain", self.needs[str(self.initial["answers"])].domain_id)

    def clean(self):
        data = super().clean()
        answers = data.get("answers")
        data["need"] = self.needs.get(answers) if answers != UNSOLICITED else None
        if not data.get("organisation"):
            data["organisation"] = self.only_organisation
        return data

    def _post_clean(self):
        # The need is set by the service, which checks it against the call.
        pass


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (optional; the secretariat reads it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ProposerSignUpForm(forms.Form):
    """The organisation part of signing up: make a new one or ask to join one."""

    CREATE, JOIN = "create", "join"

    kind = forms.ChoiceField(label=_("You propose as"), choices=ProposerOrganisation.Kind.choices)
    mode = forms.ChoiceField(
        label=_("Organisation"),
        choices=[
            (CREATE, _("Register a new organisation")),
            (JOIN, _("Join an organisation already registered (its proposers approve)")),
        ],
        widget=forms.RadioSelect,
        initial=CREATE,
    )
    organisation_name = forms.CharField(
        label=_("Organisation's full name"),
        max_length=200,
        required=False,
        help_text=_("As registered, e.g. 晨曦智慧感測股份有限公司. Not needed for a person."),
    )
    message = forms.CharField(
        label=_("A word to its proposers (when joining)"), max_length=500, required=False
    )

    def clean(self):
        data = super().clean()
        kind, mode = data.get("kind"), data.get("mode")
        name = " ".join((data.get("organisation_name") or "").split())
        data["organisation_name"] = name
        if kind != ProposerOrganisation.Kind.PERSON or mode == self.JOIN:
            if not name:
                self.add_error("organisation_name", _("Name the organisation."))
        return data


class AccountForm(UserCreationForm):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("Decisions on your proposals are sent here.")
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ["username", "full_name", "email"]

    def save(self, commit=True):
        user = super().save(commit=False)
        user.first_name = self.cleaned_data["full_name"]
        user.email = self.cleaned_data["email"]
        if commit:
            user.save()
        return user


class JoinDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        choices=[("1", _("Approve")), ("0", _("Refuse"))], coerce=lambda v: v == "1"
    )


class ProposalFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Proposal.Status.choices
    )
