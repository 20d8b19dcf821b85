"""Pages of the privacy app: the public data policy (generated from the declared retention
policy), accepting a new version, "My data" (download, correct, erase), and the coordinators'
retention schedule and read log. Thin: the services do the work."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from accounts.permissions import coordinator_required

from . import audit, registry
from .errors import PrivacyError
from .forms import AcceptForm, EraseForm
from .models import Consent, ReadLog, RetentionRun
from .policy import After
from .services import erasure, export
from .services import retention as retention_service
from .services.consent import accepted_version, record_consent
from .versions import current_version, history


def _policy_rows(policy):
    from django.apps import apps

    model = apps.get_model(policy.model)
    rows = []
    for name, rule in policy.fields.items():
        try:
            label = model._meta.get_field(name).verbose_name
        except Exception:  # noqa: BLE001 - a declared field of a library model without a label
            label = name
        rows.append({"label": label, "rule": rule, "after": After.label(rule.after)})
    return rows


def policy(request):
    sections = [
        {"policy": p, "after": After.label(p.after), "fields": _policy_rows(p)}
        for p in registry.policies()
        if p.public
    ]
    context = {
        "sections": sections,
        "version": current_version(),
        "history": history(),
        "contact_email": getattr(settings, "PRIVACY_CONTACT_EMAIL", ""),
    }
    return render(request, "privacy/policy.html", context)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a printable local path: a control character would make the redirect a 500.
    if (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    ):
        return target
    return ""


@login_required
def accept(request):
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_consent(request.user, Consent.Context.RENEWAL, request=request)
        messages.success(request, _("Thank you: your choice is recorded."))
        return redirect(_next_url(request) or "privacy:my_data")
    context = {
        "form": form,
        "version": current_version(),
        "accepted": accepted_version(request.user),
        "history": history(),
        "next": _next_url(request),
    }
    return render(request, "privacy/accept.html", context, status=400 if form.errors else 200)


@login_required
def my_data(request):
    data = export.collect(request.user)
    counts = [(s["title"], len(s["items"])) for s in data["sections"]]
    context = {
        "counts": counts,
        "hand_over": erasure.organizations_to_hand_over(request.user),
        "accepted": accepted_version(request.user),
        "version": current_version(),
        "form": EraseForm(),
    }
    return render(request, "privacy/my_data.html", context)


@login_required
def export_json(request):
    data = export.collect(request.user)
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="maillage-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def export_page(request):
    data = export.collect(request.user)
    response = render(request, "privacy/export.html", {"data": data})
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def erase(request):
    form = EraseForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            erasure.erase_account(
                request.user,
                password=form.cleaned_data["password"],
                confirmed=form.cleaned_data["confirm"],
            )
        except PrivacyError as error:
            form.add_error(None, error.message)
            status = 400
        else:
            logout(request)
            messages.success(request, _("Your account has been erased."))
            return redirect("core:home")
    elif request.method == "POST":
        status = 400
    context = {
        "form": form,
        "hand_over": erasure.organizations_to_hand_over(request.user),
    }
    return render(request, "privacy/erase.html", context, status=status)


@coordinator_required
def retention_schedule(request):
    context = {
        "rows": retention_service.schedule(),
        "runs": RetentionRun.objects.all()[:10],
        "manual": [p for p in registry.policies() if p.apply is None],
    }
    return render(request, "privacy/schedule.html", context)


@coordinator_required
def read_log(request):
    audit.log_read(request, "read_log")
    rows = ReadLog.objects.select_related("reader")
    list_name = request.GET.get("list", "")
    if list_name:
        rows = rows.filter(list_name=list_name[:60])
    names = ReadLog.objects.order_by("list_name").values_list("list_name", flat=True).distinct()
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {"page": page, "list_name": list_name, "names": list(names)}
    return render(request, "privacy/read_log.html", context)
