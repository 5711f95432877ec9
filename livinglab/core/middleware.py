from django.db import connection
from django.http import HttpResponse


class HealthCheckMiddleware:
    """Answer /healthz before host checks, HTTPS redirects and sessions.

    Load balancers probe over plain HTTP with their own Host header; the answer only
    says whether this process can reach its database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != "/healthz":
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except Exception:  # any database failure means "not healthy"
            return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        return HttpResponse("ok\n", content_type="text/plain")
