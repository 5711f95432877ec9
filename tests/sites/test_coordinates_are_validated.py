from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from livinglab.sites import services
from livinglab.sites.models import FieldSite


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [("91", "121.5"), ("-90.5", "121.5"), ("25.03", "181"), ("25.03", "-180.1"), ("25.03", None)],
)
def test_coordinates_out_of_range_or_half_given_are_refused(world, latitude, longitude):
    with pytest.raises(ValidationError):
        services.create_site(
            world.secretary,
            name="錯誤座標",
            agency=world.industry,
            latitude=Decimal(latitude),
            longitude=None if longitude is None else Decimal(longitude),
        )
    assert not FieldSite.objects.exists()


def test_the_database_refuses_a_latitude_beyond_the_pole(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        FieldSite.objects.create(
            name="北極", agency=world.industry, latitude=Decimal("95"), longitude=Decimal("0")
        )


def test_a_site_without_coordinates_is_allowed(world):
    site = services.create_site(world.secretary, name="待定場域", agency=world.industry)
    assert not site.has_location
