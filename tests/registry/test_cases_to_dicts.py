"""The API list's values-based serializer prints exactly what `case_to_dict` prints."""

import pytest
from django.utils import timezone

from livinglab.tracking.models import Case, CaseAlias, CaseLink
from livinglab.tracking.serializers import case_to_dict, cases_to_dicts, with_export_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_same_dicts_as_case_to_dict(registry, django_assert_num_queries):
    CaseAlias.objects.create(case=registry.traps, name="山豬吊宣導", kind="renamed")
    link = CaseLink.objects.get(case=registry.energy)
    link.needs_review = True
    link.save()
    moved = CaseLink.objects.get(case=registry.youth)
    moved.split_at = timezone.now()  # moved away: not listed
    moved.save()
    cases = Case.objects.order_by("-last_decided_on", "-pk")
    expected = [case_to_dict(case) for case in with_export_data(cases)]
    with django_assert_num_queries(3):
        assert cases_to_dicts(cases[:10]) == expected
    assert expected[0]["decisions"][0]["needs_review"] is True
