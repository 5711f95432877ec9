"""Until the proposals app has its pages: the site's URLs plus `proposals:detail`, which
its services reverse when they tell a proposer of a new status. Used only when the real
name is missing (see conftest)."""

from django.http import HttpResponse
from django.urls import include, path

from livinglab.urls import handler403, handler404, handler500  # noqa: F401  the site's pages
from livinglab.urls import urlpatterns as site


def _placeholder(request, pk):
    return HttpResponse(status=204)


urlpatterns = [
    *site,
    path("proposals/", include(([path("<int:pk>/", _placeholder, name="detail")], "proposals"))),
]
