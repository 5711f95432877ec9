from livinglab.demo.kpis import load_kpis
from livinglab.demo.people import load_people
from livinglab.kpis.models import OffTrackAlert, Scope, Value
from livinglab.kpis.services.catalogue import get_definition
from livinglab.kpis.services.rollup import roll_up_year
from livinglab.orgs.services import load_agency_directory


def test_the_demo_kpis_load_once_with_an_off_track_kpi_and_partial_coverage(db):
    load_agency_directory()
    load_people()
    added = load_kpis()
    assert added == Value.objects.count() > 800
    assert load_kpis() == 0
    taipei = Scope.objects.get(code="tpe")
    assert taipei.owner.name == "臺北市政府產業發展局"
    electricity = roll_up_year(get_definition("energy.electricity.use"), taipei, 2025)
    assert (electricity.children_reporting, electricity.children) == (7, 13)
    alert = OffTrackAlert.objects.get()
    assert (
        alert.definition.slug == "waste.municipal.generated"
        and alert.body.name == "臺北市智慧城市推動委員會"
    )
