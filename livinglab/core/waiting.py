"""What waits for a signed-in person, gathered from each app for their home page.

Each app that gives people work ships a `waiting.for_user(user, roles)` returning
`Waiting` lines; the home page shows those with a count, the most urgent first. Apps are
named here rather than discovered so that the order on the page is deliberate.
"""

from dataclasses import dataclass
from importlib import import_module

from livinglab.orgs.roles import roles_of

PROVIDERS = [
    "livinglab.tracking.waiting",
    "livinglab.work.waiting",
    "livinglab.reviews.waiting",
    "livinglab.proposals.waiting",
    "livinglab.sandbox.waiting",
]


@dataclass(frozen=True)
class Waiting:
    label: str
    count: int
    url: str
    # Late work (overdue assignments, reviews past their deadline) is shown first, in red.
    urgent: bool = False


def waiting_for(user) -> list[Waiting]:
    roles = roles_of(user)
    lines: list[Waiting] = []
    for name in PROVIDERS:
        lines.extend(line for line in import_module(name).for_user(user, roles) if line.count)
    return sorted(lines, key=lambda line: not line.urgent)
