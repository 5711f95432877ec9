from django.urls import path

from livinglab.tracking import correction_views, manage_views

app_name = "case_manage"
urlpatterns = [
    path("<int:pk>/rename/", manage_views.rename, name="rename"),
    path("<int:pk>/merge/", manage_views.merge, name="merge"),
    path("<int:pk>/unmerge/", manage_views.unmerge, name="unmerge"),
    path("<int:pk>/state/", manage_views.set_state, name="state"),
    path("<int:pk>/agencies/", manage_views.set_agencies, name="agencies"),
    path("<int:pk>/deadline/", manage_views.set_deadline, name="deadline"),
    path("<int:pk>/decisions/<int:decision_pk>/move/", manage_views.split, name="split"),
    path("meetings/<int:pk>/", correction_views.corrections, name="corrections"),
    path("meetings/<int:pk>/add/", correction_views.add, name="add_decision"),
    path("meetings/<int:pk>/cases/", correction_views.case_options, name="case_options"),
    path("decisions/<int:pk>/correct/", correction_views.correct, name="correct_decision"),
]
