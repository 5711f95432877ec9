from django.urls import path, register_converter

from livinglab.kpis import exchange_views, upload_views, views


class IdentifierConverter:
    """`slug@version` or a bare slug."""

    regex = r"[a-z0-9][a-z0-9.\-_]*(?:@[0-9]+)?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(IdentifierConverter, "kpi")


class FormatConverter:
    regex = "json|csv"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "fmt")

app_name = "kpis"
urlpatterns = [
    path("", views.catalogue_list, name="catalogue"),
    path("scopes/<int:pk>/", views.scope_detail, name="scope"),
    path("scopes/<int:pk>/export.<fmt:fmt>", exchange_views.export_file, name="export"),
    path("imports/", exchange_views.imports, name="imports"),
    path("imports/<int:pk>/", exchange_views.import_detail, name="import"),
    path("conflicts/<int:pk>/", exchange_views.settle_conflict, name="settle_conflict"),
    path("upload/", upload_views.upload, name="upload"),
    path("upload/<int:pk>/", upload_views.upload_preview, name="upload_preview"),
    path("<kpi:identifier>/", views.definition_detail, name="definition"),
    path("<kpi:identifier>/scopes/<int:pk>/", views.kpi_page, name="kpi"),
]
