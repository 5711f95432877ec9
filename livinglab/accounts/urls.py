from django.contrib.auth import views as auth_views
from django.urls import path

from livinglab.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signin/", views.SignInView.as_view(), name="login"),
    path("signout/", auth_views.LogoutView.as_view(), name="logout"),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("invitations/<str:token>/", views.accept_invitation, name="invitation"),
]
