from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from livinglab.needs.models import Need
from livinglab.orgs.models import Organisation
from livinglab.orgs.roles import roles_of
from livinglab.sites.models import Booking, Capability, FieldSite


class CapabilityChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class NeedChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} · {obj.agency.name}"


class FieldSiteForm(forms.ModelForm):
    """A site's facts; the agencies offered are those the user may add sites for."""

    capabilities = CapabilityChoices(
        label=_("Capabilities"),
        queryset=Capability.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    needs = NeedChoices(
        label=_("Needs it serves"),
        queryset=Need.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_(
            "Needs that can offer this site for their trials (hold Ctrl to choose several)."
        ),
    )

    class Meta:
        model = FieldSite
        fields = [
            "name",
            "agency",
            "address",
            "latitude",
            "longitude",
            "capabilities",
            "needs",
            "description",
            "sandbox_rules",
            "permits_needed",
            "capacity",
            "is_public",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "sandbox_rules": forms.Textarea(attrs={"rows": 3}),
            "permits_needed": forms.Textarea(attrs={"rows": 2}),
            "latitude": forms.NumberInput(attrs={"step": "0.000001"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        roles = roles_of(user)
        agencies = Organisation.objects.filter(
            kind__in=[Organisation.Kind.CITY, Organisation.Kind.AGENCY, Organisation.Kind.UNIT]
        )
        if not roles.is_secretariat:
            agencies = agencies.filter(pk__in=roles.officer_org_ids)
        self.fields["agency"].queryset = agencies.order_by("name")
        if not self.instance.pk and not roles.is_secretariat:
            own = list(agencies.values_list("pk", flat=True)[:2])
            if len(own) == 1:  # an officer of one agency adds sites for it
                self.fields["agency"].initial = own[0]
        # Needs still open to offers (a closed one keeps the sites it already had).
        chosen = self.instance.needs.values("pk") if self.instance.pk else Need.objects.none()
        self.fields["needs"].queryset = (
            Need.objects.visible_to(user)
            .filter(~Q(status=Need.Status.CLOSED) | Q(pk__in=chosen))
            .select_related("agency")
            .order_by("title", "pk")
        )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            raise forms.ValidationError(_("Give both the latitude and the longitude, or neither."))
        return cleaned

    def site_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("capabilities", None)
        data.pop("needs", None)
        return data


class BookingForm(forms.Form):
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(
        label=_("Until (included)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    label = forms.CharField(
        label=_("Label"), max_length=Booking._meta.get_field("label").max_length
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The last day comes before the first."))
        return cleaned


class SiteFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or address"), required=False, max_length=100)
    capability = forms.ChoiceField(label=_("Capability"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capability"].choices = [("", _("any capability"))] + [
            (c.key, c.label) for c in Capability.objects.all()
        ]

    def apply(self, sites):
        if not self.is_valid():
            return sites
        text = self.cleaned_data["q"].strip()
        if text:
            sites = sites.filter(Q(name__icontains=text) | Q(address__icontains=text))
        if self.cleaned_data["capability"]:
            sites = sites.filter(capabilities__key=self.cleaned_data["capability"])
        return sites
