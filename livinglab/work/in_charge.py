"""What the person-in-charge field of an assignment offers the reader of a page: the name,
and the buttons their role allows (claim, release, or the secretariat's choice of person).
The service checks the same policy again when a button is used."""

from dataclasses import dataclass

from livinglab.core.access import allows
from livinglab.work.forms import InChargeForm
from livinglab.work.models import Assignment
from livinglab.work.services import officers_of


@dataclass
class InCharge:
    assignment: Assignment
    can_claim: bool
    can_release: bool
    form: InChargeForm | None  # the secretariat's choice of person

    @property
    def prefix(self) -> str:
        return f"a{self.assignment.pk}"


def in_charge(user, assignment: Assignment) -> InCharge:
    form = None
    if allows(user, "assign_person", assignment):
        officers = officers_of(assignment.organisation_id)
        form = InChargeForm(assignment=assignment, officers=officers)
    return InCharge(
        assignment=assignment,
        can_claim=allows(user, "claim", assignment),
        can_release=allows(user, "release", assignment),
        form=form,
    )
