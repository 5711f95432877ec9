from django.urls import path

from livinglab.work import views

app_name = "work"
urlpatterns = [
    path("", views.plate, name="plate"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("assignments/<int:pk>/deadline/", views.assignment_deadline, name="deadline"),
    path("reviews/", views.review_queue, name="reviews"),
    path("reports/<int:pk>/review/", views.review, name="review"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
]
