from django.urls import path

from livinglab.trials import views

app_name = "trials"
urlpatterns = [
    path("", views.trial_list, name="list"),
    path("export.<str:fmt>", views.trial_list_file, name="list_file"),
    path("register.<str:fmt>", views.register_file, name="register_file"),
    path("funnel/", views.funnel, name="funnel"),
    path("start/", views.candidates, name="candidates"),
    path("start/<int:proposal>/", views.start, name="start"),
    path("<int:pk>/", views.trial_detail, name="detail"),
    path("<int:pk>/status/", views.change_status, name="status"),
    path("<int:pk>/kpis/", views.add_kpi, name="add_kpi"),
    path("<int:pk>/milestones/", views.add_milestone, name="add_milestone"),
    path(
        "<int:pk>/milestones/<int:milestone>/done/",
        views.complete_milestone,
        name="complete_milestone",
    ),
    path("<int:pk>/measurements/", views.add_measurement, name="add_measurement"),
    path("<int:pk>/measurements/upload/", views.upload_measurements, name="upload"),
]
