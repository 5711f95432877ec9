from django.urls import path

from livinglab.needs import views

app_name = "needs"
urlpatterns = [
    path("needs/", views.need_list, name="list"),
    path("needs/export.<str:fmt>", views.need_list_file, name="list_file"),
    path("needs/new/", views.need_create, name="need_new"),
    path("needs/<int:pk>/", views.need_detail, name="need"),
    path("needs/<int:pk>/edit/", views.need_edit, name="need_edit"),
    path("needs/<int:pk>/status/", views.need_status, name="need_status"),
    path("calls/", views.call_list, name="calls"),
    path("calls/new/", views.call_create, name="call_new"),
    path("calls/<int:pk>/", views.call_detail, name="call"),
    path("calls/<int:pk>/edit/", views.call_edit, name="call_edit"),
    path("calls/<int:pk>/rubric/", views.call_rubric, name="rubric"),
]
