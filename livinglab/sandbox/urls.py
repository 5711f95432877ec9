from django.urls import path

from livinglab.sandbox import views

app_name = "sandbox"
urlpatterns = [
    path("", views.public_list, name="public"),
    path("mine/", views.mine, name="mine"),
    path("consents/", views.queue, name="queue"),
    path("consents/<int:pk>/", views.consent, name="consent"),
    path("trials/<int:trial_pk>/apply/", views.apply, name="apply"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/attach/", views.attach, name="attach"),
    path("applications/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("applications/<int:pk>/grant/", views.grant, name="grant"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("permits/<int:pk>/", views.permit_detail, name="permit"),
    path("permits/<int:pk>/status/", views.permit_change, name="change"),
    path("permits/<int:pk>/incidents/", views.incident, name="incident"),
    path("conditions/<int:pk>/met/", views.condition_met, name="condition_met"),
]
