from django.urls import path

from livinglab.sites import views

app_name = "sites"
urlpatterns = [
    path("", views.site_list, name="list"),
    path("map/", views.site_map, name="map"),
    path("new/", views.site_create, name="create"),
    path("<int:pk>/", views.site_detail, name="detail"),
    path("<int:pk>/edit/", views.site_edit, name="edit"),
    path("<int:pk>/calendar/", views.site_calendar, name="calendar"),
    path("<int:pk>/bookings/<int:booking_pk>/cancel/", views.booking_cancel, name="cancel"),
]
