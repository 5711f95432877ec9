from django.urls import path

from livinglab.opendata import feeds, views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("catalog.jsonld", views.catalogue, name="catalogue"),
    path("kpis/", views.kpi_overview, name="kpis"),
    path("datasets/<slug:slug>/", views.dataset_page, name="dataset"),
    path("datasets/<slug:slug>.<str:fmt>", views.download, name="download"),
    path("bodies/<int:body_id>/decisions.atom", feeds.DecisionsFeed(), name="decisions_feed"),
]
