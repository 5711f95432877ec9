from django.contrib import admin
from django.urls import include, path

from livinglab.api import api
from livinglab.opendata import ckan

urlpatterns = [
    path("", include("livinglab.core.urls")),
    path("accounts/", include("livinglab.accounts.urls")),
    path("organisations/", include("livinglab.orgs.urls")),
    path("sites/", include("livinglab.sites.urls")),
    path("cases/manage/", include("livinglab.tracking.manage_urls")),
    path("cases/", include("livinglab.tracking.urls")),
    path("", include("livinglab.meetings.urls")),
    path("work/", include("livinglab.work.urls")),
    path("reports/", include("livinglab.reports.urls")),
    path("trials/", include("livinglab.trials.urls")),
    path("kpis/", include("livinglab.kpis.urls")),
    path("credits/", include("livinglab.credits.urls")),
    path("sandbox/", include("livinglab.sandbox.urls")),
    path("reviews/", include("livinglab.reviews.urls")),
    path("imports/", include("livinglab.tracking.import_urls")),
    path("", include("livinglab.needs.urls")),
    path("", include("livinglab.proposals.urls")),
    path("opendata/", include("livinglab.opendata.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # CKAN's action API shape, for open data portals that harvest (before the API router).
    path("api/3/action/<str:name>", ckan.action, name="ckan"),
    path("api/", api.urls),
]

handler403 = "livinglab.core.views.error_403"
handler404 = "livinglab.core.views.error_404"
handler500 = "livinglab.core.views.error_500"
