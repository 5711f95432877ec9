from django.urls import path

from livinglab.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("export.<str:fmt>", views.organisation_list_file, name="list_file"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
]
