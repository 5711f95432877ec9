from django.urls import path

from livinglab.work import bulk_views, notification_views, views

app_name = "work"
urlpatterns = [
    path("", views.plate, name="plate"),
    path("assignments.<str:fmt>", views.plate_file, name="plate_file"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("assignments/<int:pk>/deadline/", views.assignment_deadline, name="deadline"),
    path("assignments/<int:pk>/in-charge/", views.assignment_in_charge, name="in_charge"),
    path("reviews/", views.review_queue, name="reviews"),
    path("reports/<int:pk>/review/", views.review, name="review"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/withdraw/", views.report_withdraw, name="report_withdraw"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("notifications/", notification_views.notification_list, name="notifications"),
    path("notifications/bell/", notification_views.bell, name="bell"),
    path(
        "notifications/<int:pk>/open/",
        notification_views.notification_open,
        name="notification_open",
    ),
    path("notifications/preferences/", notification_views.preferences, name="preferences"),
    path("bodies/<int:body_pk>/bulk/", bulk_views.bulk_update, name="bulk"),
    path(
        "bodies/<int:body_pk>/bulk/download.<str:fmt>",
        bulk_views.bulk_download,
        name="bulk_download",
    ),
    path("bulk/<int:pk>/", bulk_views.bulk_preview, name="bulk_preview"),
]
