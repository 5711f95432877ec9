"""The sandbox's small world, shared by its tests and the browser journey: a running trial
of the world's body at a transport site; the transport bureau and the police are the
agencies asked for consent, each with an officer."""

from dataclasses import dataclass

from tests.conftest import PASSWORD


@dataclass
class Sandbox:
    trial: object
    police: object
    transport_officer: object
    police_officer: object


def make_sandbox(world, django_user_model):
    from livinglab.orgs.models import Membership, Organisation
    from livinglab.trials.services import change_status, start_trial
    from tests.trials.conftest import new_trial

    police = Organisation.objects.create(
        kind="agency", name="臺北市政府警察局", short_name="警察局", city=world.taipei
    )
    transport_officer = django_user_model.objects.create_user(
        "transport_officer", password=PASSWORD, email="transport@example.org"
    )
    police_officer = django_user_model.objects.create_user(
        "police_officer", password=PASSWORD, email="police@example.org"
    )
    Membership.objects.create(user=transport_officer, role="officer", organisation=world.transport)
    Membership.objects.create(user=police_officer, role="officer", organisation=police)
    trial = start_trial(world.secretary, new_trial(world, title="自駕接駁車內湖試營運"))
    change_status(world.secretary, trial, "running")
    return Sandbox(trial, police, transport_officer, police_officer)
