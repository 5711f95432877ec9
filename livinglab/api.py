"""The API router: mounts each app's router under /api/."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from livinglab.core.text import TypedTextParser
from livinglab.credits.api import router as credits_router
from livinglab.kpis.api import router as kpis_router
from livinglab.needs.api import router as needs_router
from livinglab.orgs.api import router as orgs_router
from livinglab.proposals.api import router as proposals_router
from livinglab.reports.api import router as reports_router
from livinglab.reviews.api import router as reviews_router
from livinglab.sandbox.api import router as sandbox_router
from livinglab.sites.api import router as sites_router
from livinglab.tracking.api import router as tracking_router
from livinglab.tracking.import_api import router as imports_router
from livinglab.tracking.invitation_api import router as invitations_router
from livinglab.trials.api import router as trials_router
from livinglab.work.api import router as work_router

api = NinjaAPI(
    title="Living Lab API",
    version="1",
    description="Tracked cases, bodies, meetings and organisations of the Living Lab platform.",
    urls_namespace="api",
    parser=TypedTextParser(),  # bodies and parameters without control characters
)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(
        request, {"detail": _("You do not have permission to do this.")}, status=403
    )


api.add_router("/", orgs_router)
api.add_router("/", tracking_router)
api.add_router("/", imports_router)
api.add_router("/", invitations_router)
api.add_router("/", work_router)
api.add_router("/", reports_router)
api.add_router("/", sites_router)
api.add_router("/", needs_router)
api.add_router("/", proposals_router)
api.add_router("/", trials_router)
api.add_router("/", reviews_router)
api.add_router("/", kpis_router)
api.add_router("/", credits_router)
api.add_router("/", sandbox_router)
