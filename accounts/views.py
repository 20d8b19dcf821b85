"""Account pages: profile, my organizations, and membership requests to decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import JoinOrganizationForm, ProfileForm, RefusalForm
from .middleware import needs_name
from .models import Membership


@login_required
def profile(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    incomplete = needs_name(request.user)
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(request.user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect(next_url or "accounts:profile")
    if request.method == "POST":
        # The bound form copied the invalid values onto the user: show the saved state.
        request.user.refresh_from_db()
    user = request.user
    context = {
        "form": form,
        "memberships": user.memberships.select_related("organization"),
        "incomplete": incomplete,
        "next": next_url,
        "decides_memberships": user.is_coordinator or bool(user.administered_organization_ids()),
    }
    return render(request, "accounts/profile.html", context)


@login_required
def join_organization(request):
    form = JoinOrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_membership(
                request.user, form.cleaned_data["organization"], form.cleaned_data["message"]
            )
        except services.MembershipError as error:
            form.add_error("organization", error.message)
        else:
            messages.success(
                request,
                _("Your request has been sent. You will receive an e-mail once it is decided."),
            )
            return redirect("accounts:profile")
    return render(request, "accounts/join.html", {"form": form})


@login_required
def membership_requests(request):
    """Pending requests the current user may decide on (organization admins, coordinators)."""
    pending = Membership.objects.pending().select_related("user", "organization")
    if not request.user.is_coordinator:
        pending = pending.filter(
            Q(organization_id__in=request.user.administered_organization_ids())
        )
    return render(
        request,
        "accounts/requests.html",
        {"pending": pending, "refusal_form": RefusalForm()},
    )


@login_required
@require_POST
def decide_membership(request, pk: int, decision: str):
    get_object_or_404(Membership, pk=pk)
    try:
        if decision == "accept":
            services.accept_membership(pk, request.user)
            messages.success(request, _("The request has been accepted."))
        else:
            form = RefusalForm(request.POST)
            form.is_valid()
            services.refuse_membership(pk, request.user, form.cleaned_data.get("reason", ""))
            messages.success(request, _("The request has been refused."))
    except services.MembershipError as error:
        messages.error(request, error.message)
        return redirect("accounts:requests") if request.user.is_authenticated else redirect("/")
    return redirect("accounts:requests")
