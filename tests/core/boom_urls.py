"""The site's URLs plus one view that fails, to see the 500 page."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from livinglab.urls import handler403, handler404, handler500
from livinglab.urls import urlpatterns as site_patterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def boom(request):
    raise RuntimeError("secret detail that must not leak")


def forbidden(request):
    raise PermissionDenied("no")


urlpatterns = [path("boom/", boom), path("forbidden/", forbidden), *site_patterns]
