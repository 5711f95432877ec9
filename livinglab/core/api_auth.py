"""Who is calling the API: a personal token, a signed-in browser, or the public."""

from django.contrib.auth.models import AnonymousUser
from ninja.security import HttpBearer, SessionAuth

from livinglab.accounts.tokens import user_for_secret


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for_secret(token)
        if user is not None:
            request.user = user
        return user


def anonymous(request):
    # A caller that sent credentials which did not match must not fall back to being
    # the public: it gets 401 and knows its token is wrong.
    if request.headers.get("Authorization"):
        return None
    return AnonymousUser()


require_user = [TokenAuth(), SessionAuth()]
optional_user = [*require_user, anonymous]
