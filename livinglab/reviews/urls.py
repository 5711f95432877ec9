from django.urls import path

from livinglab.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.reviews_due, name="due"),
    path("expertise/", views.expertise, name="expertise"),
    path("assignments/<int:pk>/", views.assignment, name="assignment"),
    path("assignments/<int:pk>/declare/", views.declare, name="declare"),
    path("assignments/<int:pk>/review/", views.save, name="save"),
    path("assignments/<int:pk>/move/", views.move, name="move"),
    path("calls/<int:pk>/", views.call_ranking, name="call"),
    path("calls/<int:pk>/ranking.<str:fmt>", views.call_export, name="export"),
    path("proposals/<int:pk>/", views.proposal_reviews, name="proposal"),
    path("proposals/<int:pk>/assign/", views.assign, name="assign"),
    path("proposals/<int:pk>/decide/", views.decide, name="decide"),
]
