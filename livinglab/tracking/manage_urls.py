from django.urls import path

from livinglab.tracking import manage_views

app_name = "case_manage"
urlpatterns = [
    path("<int:pk>/rename/", manage_views.rename, name="rename"),
    path("<int:pk>/merge/", manage_views.merge, name="merge"),
    path("<int:pk>/unmerge/", manage_views.unmerge, name="unmerge"),
    path("<int:pk>/decisions/<int:decision_pk>/move/", manage_views.split, name="split"),
]
