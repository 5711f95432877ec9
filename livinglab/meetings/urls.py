from django.urls import path

from livinglab.meetings import views

app_name = "meetings"
urlpatterns = [
    path("bodies/", views.body_list, name="bodies"),
    path("bodies/<int:pk>/", views.body_detail, name="body"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
]
