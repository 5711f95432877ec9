from axes.helpers import get_cool_off
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from livinglab.accounts import invitations, tokens
from livinglab.accounts.forms import AcceptInvitationForm, SignInForm, TokenForm
from livinglab.accounts.models import ApiToken
from livinglab.core.access import get_for_user


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


def locked_out(request, response=None, credentials=None):
    """Shown by django-axes after too many failed sign-ins."""
    cool_off = get_cool_off(request)
    minutes = max(1, int(cool_off.total_seconds() // 60)) if cool_off else None
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


@never_cache  # the page shows a new token's secret once; no cache may keep it
@login_required
def token_list(request):
    secret = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, secret = tokens.create_token(
            request.user,
            form.cleaned_data["name"],
            expires_in_days=form.cleaned_data["expires_in_days"],
        )
        form = TokenForm()
    user_tokens = ApiToken.objects.visible_to(request.user).filter(user=request.user)
    context = {"tokens": user_tokens, "form": form, "secret": secret}
    return render(request, "accounts/tokens.html", context)


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_for_user(ApiToken.objects, request.user, pk, "revoke")
    tokens.revoke_token(request.user, token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:tokens")


@never_cache
def accept_invitation(request, token: str):
    """The invitee's page: choose a display name and password, once, before the link expires."""
    opened = invitations.open_link(token)
    if opened.problem:
        context = {"problem": invitations.problem_message(opened.problem)}
        status = 404 if opened.problem == invitations.Problem.INVALID else 410
        return render(request, "accounts/invitation.html", context, status=status)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = invitations.accept(token, data["display_name"], data["password"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            body = opened.invitation.body
            messages.success(
                request,
                _("Welcome, %(name)s. You are on the staff of %(body)s.")
                % {"name": user.first_name, "body": body.name},
            )
            return redirect(body.get_absolute_url())
    context = {"invitation": opened.invitation, "form": form}
    return render(request, "accounts/invitation.html", context)
