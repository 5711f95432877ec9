from django.urls import path

from livinglab.proposals import desk, views

app_name = "proposals"
urlpatterns = [
    path("lab/", desk.desk, name="desk"),
    path("lab/search/", desk.search, name="search"),
    path("lab/signup/", views.signup, name="signup"),
    path("lab/joins/<int:pk>/", views.join_decide, name="join_decide"),
    path("proposals/", views.proposal_list, name="list"),
    path("proposals/export.<str:fmt>", views.proposal_list_file, name="list_file"),
    path("proposals/new/", views.proposal_new, name="new"),
    path("proposals/<int:pk>/", views.proposal_detail, name="detail"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="edit"),
    path("proposals/<int:pk>/submit/", views.proposal_submit, name="submit"),
    path("proposals/<int:pk>/withdraw/", views.proposal_withdraw, name="withdraw"),
    path("proposals/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path(
        "proposals/attachments/<int:pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
]
