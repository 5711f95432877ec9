from django.urls import path

from livinglab.tracking import views

app_name = "tracking"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("export.<str:fmt>", views.case_list_file, name="list_file"),
    path("<int:pk>/", views.case_detail, name="case"),
    path("agencies/<int:pk>/", views.agency_cases, name="agency"),
    path("review/", views.review_queue, name="review"),
    path("review/<int:pk>/", views.review_answer, name="review_answer"),
]
