from django.shortcuts import render

from livinglab.orgs.models import Organisation


def home(request):
    counts = {
        "cities": Organisation.objects.cities().count(),
        "agencies": Organisation.objects.agencies().count(),
    }
    return render(request, "core/home.html", {"counts": counts})


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_500(request):
    return render(request, "errors/500.html", status=500)
