"""Forms of the reviews pages: they validate input; the services apply the rules."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from livinglab.core.people import display_name
from livinglab.reviews.services import ReviewInput

TEXT_MAX = 2000


class DeclareForm(forms.Form):
    CHOICES = [
        ("none", _("I have no conflict of interest with this proposal")),
        ("conflict", _("I have a conflict of interest")),
    ]
    declaration = forms.ChoiceField(
        label=_("Conflict of interest"), choices=CHOICES, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("What is the conflict?"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: I advise the proposing company, or a relative works there."),
    )

    def clean(self):
        data = super().clean()
        if data.get("declaration") == "conflict" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say what the conflict of interest is."))
        return data

    @property
    def conflict(self) -> bool:
        return self.cleaned_data["declaration"] == "conflict"


class ReviewForm(forms.Form):
    """One score and comment per factor, one answer and reason per gate.

    Scores are taken as whole numbers without bounds here: the service checks them
    against each factor's scale and says which one is out of it.
    """

    ANSWERS = [("", _("not answered yet")), ("yes", _("yes")), ("no", _("no"))]

    def __init__(self, *args, factors=(), gates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.factors, self.gates = list(factors), list(gates)
        for gate in self.gates:
            self.fields[f"gate_{gate.pk}"] = forms.ChoiceField(
                label=gate.question, choices=self.ANSWERS, required=False, widget=forms.RadioSelect
            )
            self.fields[f"gate_reason_{gate.pk}"] = forms.CharField(
                label=_("Reason"),
                required=False,
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for factor in self.factors:
            self.fields[f"score_{factor.pk}"] = forms.IntegerField(
                label=factor.name,
                required=False,
                widget=forms.NumberInput(
                    attrs={"min": factor.scale_min, "max": factor.scale_max, "step": 1}
                ),
                help_text=factor.guidance,
            )
            self.fields[f"comment_{factor.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @classmethod
    def initial_from(cls, review: ReviewInput) -> dict:
        initial = {}
        for factor_id, (value, comment) in review.scores.items():
            initial[f"score_{factor_id}"] = value
            initial[f"comment_{factor_id}"] = comment
        for gate_id, (answer, reason) in review.gates.items():
            initial[f"gate_{gate_id}"] = "" if answer is None else ("yes" if answer else "no")
            initial[f"gate_reason_{gate_id}"] = reason
        return initial

    def review_input(self) -> ReviewInput:
        data = self.cleaned_data
        answers = {"yes": True, "no": False, "": None}
        return ReviewInput(
            scores={
                f.pk: (data.get(f"score_{f.pk}"), data.get(f"comment_{f.pk}") or "")
                for f in self.factors
            },
            gates={
                g.pk: (
                    answers[data.get(f"gate_{g.pk}") or ""],
                    data.get(f"gate_reason_{g.pk}") or "",
                )
                for g in self.gates
            },
        )

    def gate_rows(self):
        return [
            (gate, self[f"gate_{gate.pk}"], self[f"gate_reason_{gate.pk}"]) for gate in self.gates
        ]

    def factor_rows(self):
        return [
            (factor, self[f"score_{factor.pk}"], self[f"comment_{factor.pk}"])
            for factor in self.factors
        ]


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class AssignForm(forms.Form):
    reviewer = ReviewerChoiceField(label=_("Reviewer"), queryset=get_user_model().objects.none())

    def __init__(self, *args, committee=None, exclude=(), **kwargs):
        super().__init__(*args, **kwargs)
        if committee is not None:
            people = committee.exclude(pk__in=list(exclude))
            self.fields["reviewer"].queryset = people.order_by("first_name", "username")


class DecisionForm(forms.Form):
    OUTCOMES = [
        ("accept", pgettext_lazy("proposal decision", "Accept")),
        ("revise", pgettext_lazy("proposal decision", "Ask to revise")),
        ("reject", pgettext_lazy("proposal decision", "Reject")),
    ]
    outcome = forms.ChoiceField(label=_("Decision"), choices=OUTCOMES, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reasons the proposer reads"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") in ("reject", "revise") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the proposer a reason."))
        return data


class ExpertiseForm(forms.Form):
    domains = forms.ModelMultipleChoiceField(
        label=_("Topics you know"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Used to suggest you for proposals on these topics."),
    )

    def __init__(self, *args, **kwargs):
        from livinglab.needs.models import Domain

        super().__init__(*args, **kwargs)
        self.fields["domains"].queryset = Domain.objects.all()
        self.fields["domains"].label_from_instance = lambda domain: domain.label
