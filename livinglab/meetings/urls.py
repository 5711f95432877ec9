from django.urls import path

from livinglab.meetings import body_views, views

app_name = "meetings"
urlpatterns = [
    path("bodies/", views.body_list, name="bodies"),
    path("bodies/new/", body_views.body_create, name="body_new"),
    path("bodies/organisations/", body_views.organisation_picker, name="member_picker"),
    path("bodies/<int:pk>/", views.body_detail, name="body"),
    path("bodies/<int:pk>/edit/", body_views.body_edit, name="body_edit"),
    path("bodies/<int:pk>/staff/", body_views.body_staff, name="staff"),
    path("bodies/<int:pk>/staff/invite/", body_views.staff_invite, name="staff_invite"),
    path(
        "bodies/<int:pk>/staff/<int:membership_pk>/remove/",
        body_views.staff_remove,
        name="staff_remove",
    ),
    path(
        "bodies/<int:pk>/invitations/<int:invitation_pk>/resend/",
        body_views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "bodies/<int:pk>/invitations/<int:invitation_pk>/cancel/",
        body_views.invitation_cancel,
        name="invitation_cancel",
    ),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
]
