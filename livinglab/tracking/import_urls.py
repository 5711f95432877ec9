"""The secretary's import pages, mounted at /imports/."""

from django.urls import path

from livinglab.tracking import import_views as views

app_name = "imports"
urlpatterns = [
    path("bodies/<int:body_pk>/", views.upload, name="upload"),
    path("<int:pk>/", views.draft, name="draft"),
    path("<int:pk>/progress/", views.progress, name="progress"),
    path("<int:pk>/items/<int:m>/<int:i>/", views.save_item, name="item"),
    path("<int:pk>/discard/", views.discard, name="discard"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/read-again/", views.read_again, name="read_again"),
    path("<int:pk>/retry/", views.retry, name="retry"),
]
