from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from livinglab.core.people import display_name
from livinglab.meetings.models import Body
from livinglab.needs.models import Call, Domain, Need
from livinglab.orgs.models import Membership, Organisation
from livinglab.orgs.roles import roles_of

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def _domain_choices(tags: bool):
    return [("", _("All"))] + [
        (d.key, d.label) for d in Domain.objects.filter(is_priority_tag=tags)
    ]


class DomainChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class TagChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class NeedFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    domain = forms.ChoiceField(label=_("Domain"), required=False)
    tag = forms.ChoiceField(label=_("Priority tag"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open to proposals")), ("all", _("All"))] + Need.Status.choices,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = _domain_choices(False)
        self.fields["tag"].choices = _domain_choices(True)


class NeedForm(forms.ModelForm):
    domain = DomainChoiceField(label=_("Domain"), queryset=Domain.objects.domains())
    tags = TagChoiceField(
        label=_("Priority tags"),
        queryset=Domain.objects.tags(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Need
        fields = [
            "title",
            "agency",
            "domain",
            "tags",
            "problem",
            "figures",
            "site_wishes",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "figures": forms.Textarea(attrs={"rows": 3}),
            "site_wishes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        roles = roles_of(user)
        agencies = Organisation.objects.agencies()
        if not roles.is_secretariat:
            agencies = Organisation.objects.filter(pk__in=roles.officer_org_ids)
        self.fields["agency"].queryset = agencies.order_by("name")
        if agencies.count() == 1 and not self.instance.pk:
            self.fields["agency"].initial = agencies.first()


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class CallForm(forms.ModelForm):
    """Dates are entered and shown in the site's time zone (Asia/Taipei)."""

    class Meta:
        model = Call
        fields = [
            "title",
            "body",
            "description",
            "opens_at",
            "closes_at",
            "review_due_at",
            "accepts_unsolicited",
            "needs",
            "reviewers",
            "is_published",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "opens_at": LocalDateTimeInput(),
            "closes_at": LocalDateTimeInput(),
            "review_due_at": LocalDateTimeInput(),
            "needs": forms.CheckboxSelectMultiple,
            "reviewers": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "opens_at": _("Taipei time."),
            "closes_at": _("Taipei time. Proposals can be changed until then."),
            "review_due_at": _("Taipei time."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        roles = roles_of(user)
        bodies = Body.objects.all()
        if not roles.is_admin:
            bodies = bodies.filter(pk__in=roles.secretariat_body_ids)
        self.fields["body"].queryset = bodies
        self.fields["needs"].queryset = (
            Need.objects.public().select_related("agency").order_by("agency__name", "title")
        )
        self.fields["needs"].label_from_instance = lambda n: f"{n.title}（{n.agency.name}）"
        self.fields["reviewers"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, memberships__role=Membership.Role.REVIEWER)
            .distinct()
            .order_by("username")
        )
        self.fields["reviewers"].label_from_instance = display_name
        for name in ("opens_at", "closes_at", "review_due_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]

    def clean(self):
        data = super().clean()
        opens, closes, due = data.get("opens_at"), data.get("closes_at"), data.get("review_due_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("A call must close after it opens."))
        if closes and due and due < closes:
            self.add_error("review_due_at", _("Reviews can be due only after the call closes."))
        return data


class GateForm(forms.Form):
    pk = forms.IntegerField(required=False, widget=forms.HiddenInput)
    question = forms.CharField(label=_("Question"), max_length=300)


class FactorForm(forms.Form):
    pk = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Factor"), max_length=200)
    guidance = forms.CharField(label=_("Guidance"), max_length=2000, required=False)
    scale_min = forms.IntegerField(label=_("Lowest"), initial=1, min_value=-100, max_value=100)
    scale_max = forms.IntegerField(label=_("Highest"), initial=5, min_value=-100, max_value=100)
    weight = forms.DecimalField(
        label=_("Weight"), initial=1, min_value=0, max_digits=5, decimal_places=2
    )

    def clean(self):
        data = super().clean()
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and high <= low:
            raise forms.ValidationError(_("The highest score must be above the lowest."))
        return data


GateFormSet = forms.formset_factory(GateForm, extra=1, can_delete=True, max_num=20)
FactorFormSet = forms.formset_factory(FactorForm, extra=1, can_delete=True, max_num=20)
