from django.urls import path

from livinglab.reports import catalogue_kpi_views, trial_views, views

app_name = "reports"
urlpatterns = [
    path("", views.tables, name="tables"),
    path("bodies/<int:pk>/table/", views.tracking_table, name="table"),
    path("bodies/<int:pk>/table.<str:fmt>", views.tracking_table_file, name="table_file"),
    path("bodies/<int:pk>/agenda/", views.agenda, name="agenda"),
    path("bodies/<int:pk>/agenda.<str:fmt>", views.agenda_file, name="agenda_file"),
    path("dashboards/", views.dashboards, name="dashboards"),
    path("bodies/<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("bodies/<int:pk>/dashboard.<str:fmt>", views.dashboard_file, name="dashboard_file"),
    path("bodies/<int:pk>/charts/<str:name>.svg", views.chart, name="chart"),
    path("agencies/<int:pk>/dashboard/", views.agency_dashboard, name="agency_dashboard"),
    path(
        "agencies/<int:pk>/dashboard.<str:fmt>",
        views.agency_dashboard_file,
        name="agency_dashboard_file",
    ),
    path("agencies/<int:pk>/charts/<str:name>.svg", views.agency_chart, name="agency_chart"),
    path("dashboard/", views.platform_dashboard, name="platform_dashboard"),
    path("dashboard.<str:fmt>", views.platform_dashboard_file, name="platform_dashboard_file"),
    path("charts/<str:name>.svg", views.platform_chart, name="platform_chart"),
    path("trials/<int:pk>/kpis/<int:kpi>.svg", trial_views.kpi_chart, name="trial_kpi_chart"),
    path(
        "kpis/<str:identifier>/scopes/<int:pk>.svg",
        catalogue_kpi_views.catalogue_kpi_chart,
        name="catalogue_kpi_chart",
    ),
]
