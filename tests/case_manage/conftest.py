"""The registry's cases, and a second decision on the traps case to move away."""

import pytest

from livinglab.tracking.models import CaseLink, Decision
from livinglab.tracking.services import lifecycle
from tests.registry.conftest import registry  # noqa: F401 (a fixture)


@pytest.fixture
def wrong_link(registry):  # noqa: F811
    """At the later meeting, a decision about another matter was linked to the traps case."""
    decision = Decision.objects.create(
        meeting=registry.later,
        position=5,
        text="山豬吊回收站設置：同意解除列管。",
        span_start=0,
        span_end=0,
        status="delisted",
    )
    link = CaseLink.objects.create(
        decision=decision, case=registry.traps, name="山豬吊回收站設置", method="similar"
    )
    lifecycle.record(registry.traps, "delisted", actor=None, decision=decision)
    return link
