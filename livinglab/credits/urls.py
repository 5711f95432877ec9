from django.urls import path

from livinglab.credits import views

app_name = "credits"
urlpatterns = [
    path("", views.programme_list, name="list"),
    path("new/", views.programme_create, name="new"),
    path("<int:pk>/edit/", views.programme_edit, name="edit"),
    path("<int:pk>/apply/", views.apply, name="apply"),
    path("<int:pk>/applications/", views.application_list, name="applications"),
    path("applications/<int:pk>/decide/", views.application_decide, name="decide"),
    path("<int:pk>/", views.programme_detail, name="programme"),
    path("<int:pk>/burn.svg", views.burn_chart, name="burn"),
    path("<int:pk>/allocate/", views.allocate, name="allocate"),
    path("<int:pk>/statements/", views.upload_statement, name="upload"),
    path("statements/<int:pk>/", views.statement_preview, name="statement"),
    path("accounts/<int:pk>/", views.account_statement, name="account"),
    path("accounts/<int:pk>/statement.<str:fmt>", views.account_export, name="account_export"),
]
