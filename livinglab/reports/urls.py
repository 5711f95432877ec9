from django.urls import path

from livinglab.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.tables, name="tables"),
    path("bodies/<int:pk>/table/", views.tracking_table, name="table"),
    path("bodies/<int:pk>/table.<str:fmt>", views.tracking_table_file, name="table_file"),
]
urlpatterns.append(path("bodies/<int:pk>/dashboard/", views.dashboard, name="dashboard"))
