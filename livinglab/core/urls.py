from django.templatetags.static import static
from django.urls import path
from django.views.generic.base import RedirectView

from livinglab.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    # Browsers and feed readers ask for /favicon.ico whatever the page says.
    path("favicon.ico", RedirectView.as_view(url=static("img/favicon.svg"), permanent=True)),
]
