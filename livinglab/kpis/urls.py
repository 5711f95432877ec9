from django.urls import path, register_converter

from livinglab.kpis import upload_views, views


class IdentifierConverter:
    """`slug@version` or a bare slug."""

    regex = r"[a-z0-9][a-z0-9.\-_]*(?:@[0-9]+)?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(IdentifierConverter, "kpi")

app_name = "kpis"
urlpatterns = [
    path("", views.catalogue_list, name="catalogue"),
    path("scopes/<int:pk>/", views.scope_detail, name="scope"),
    path("upload/", upload_views.upload, name="upload"),
    path("upload/<int:pk>/", upload_views.upload_preview, name="upload_preview"),
    path("<kpi:identifier>/", views.definition_detail, name="definition"),
    path("<kpi:identifier>/scopes/<int:pk>/", views.kpi_page, name="kpi"),
]
