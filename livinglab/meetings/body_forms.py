"""Forms of the secretariat's body pages: the body itself and the people on its staff."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from livinglab.meetings.models import Body
from livinglab.meetings.services import (
    STAFF_ROLES,
    BodyFields,
    parent_choices,
    secretariat_choices,
    staff_agencies,
)
from livinglab.orgs.models import Membership, Organisation

MAX_MEMBERS = 200


class BodyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    short_name = forms.CharField(label=_("Short name"), max_length=100, required=False)
    parent = forms.ModelChoiceField(
        label=_("Reports to"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("— none —"),
        help_text=_("The body this one reports to."),
    )
    # Rendered by the template as the chosen organisations plus a directory search.
    members = forms.ModelMultipleChoiceField(
        label=_("Member cities and agencies"),
        queryset=Organisation.objects.filter(is_personal=False),
        required=False,
    )
    secretariat = forms.ModelChoiceField(
        label=_("Secretariat"), queryset=Organisation.objects.none(), required=False
    )
    is_public = forms.BooleanField(
        label=_("Public"),
        required=False,
        initial=True,
        help_text=_("Its case registry can be read by anyone."),
    )
    hosting_rotation = forms.CharField(
        label=_("Hosting rotation"),
        max_length=200,
        required=False,
        help_text=_("Member cities in the order they host, if the body rotates."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, user, *args, body: Body | None = None, **kwargs):
        if body is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "name": body.name,
                "short_name": body.short_name,
                "parent": body.parent_id,
                "members": list(body.members.values_list("pk", flat=True)),
                "secretariat": body.secretariat_id,
                "is_public": body.is_public,
                "hosting_rotation": body.hosting_rotation,
                "description": body.description,
            }
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["parent"].queryset = parent_choices(user, body)
        self.fields["secretariat"].queryset = secretariat_choices(user, body)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Body.objects.filter(name=name)
        if self.body is not None:
            others = others.exclude(pk=self.body.pk)
        if others.exists():
            raise forms.ValidationError(_("A body with this name exists already."))
        return name

    def clean_members(self):
        members = self.cleaned_data["members"]
        if len(members) > MAX_MEMBERS:
            raise forms.ValidationError(_("A body has at most 200 members."))
        return members

    def chosen_members(self):
        """The organisations ticked now: as sent, or as the body has them."""
        value = self["members"].value() or []
        ids = [int(v) for v in value if str(v).isdigit()][:MAX_MEMBERS]
        return Organisation.objects.filter(pk__in=ids).order_by("kind", "name")

    def fields_for_service(self) -> BodyFields:
        data = self.cleaned_data
        return BodyFields(
            name=data["name"],
            short_name=data["short_name"].strip(),
            parent=data["parent"],
            members=list(data["members"]),
            secretariat=data["secretariat"],
            is_public=data["is_public"],
            hosting_rotation=data["hosting_rotation"].strip(),
            description=data["description"].strip(),
        )


def _role_choices():
    labels = dict(Membership.Role.choices)
    names = {Membership.Role.SECRETARIAT: _("secretary")}
    return [(role.value, names.get(role, labels[role])) for role in STAFF_ROLES]


class _RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=_role_choices)
    agency = forms.ModelChoiceField(
        label=_("Agency (for an agency officer)"),
        queryset=Organisation.objects.none(),
        required=False,
    )

    def __init__(self, body: Body, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = staff_agencies(body).select_related("city")


class AddStaffForm(_RoleForm):
    person = forms.CharField(
        label=_("Login name or e-mail address"),
        max_length=254,
        help_text=_("Someone who already has an account."),
    )
    field_order = ["person", "role", "agency"]

    def clean_person(self):
        text = self.cleaned_data["person"].strip()
        people = get_user_model().objects.filter(is_active=True)
        found = list(people.filter(Q(username__iexact=text) | Q(email__iexact=text))[:2])
        if not found:
            raise forms.ValidationError(
                _("No account has this login name or e-mail address. Invite the person below.")
            )
        if len(found) > 1:
            raise forms.ValidationError(
                _("Several accounts have this e-mail address: give the login name.")
            )
        return found[0]


class InviteForm(_RoleForm):
    prefix = "invite"  # beside the form for adding someone, on the same page
    email = forms.EmailField(label=_("E-mail address"))
    field_order = ["email", "role", "agency"]
