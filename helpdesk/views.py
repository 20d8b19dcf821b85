"""Helpdesk pages for professionals: a new request, their own requests, an answer and the
feedback on it; and the service picker (htmx fragment). Thin: forms check, services write.
A professional sees only their own requests; coordinators see every request.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import services
from .forms import FeedbackForm, RequestForm
from .highlight import highlighted
from .labels import label
from .models import HelpRequest
from .picker import find_services


def pii_previews(form):
    return [
        {"field": form[name], "html": highlighted(text, found)}
        for name, (text, found) in form.pii_findings.items()
    ]


def request_form_context(form, **extra):
    return {
        "form": form,
        "pii_previews": pii_previews(form),
        "picked": form.picked_services(),
        **extra,
    }


@login_required
def request_new(request):
    if request.method == "POST":
        form = RequestForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            tried = data.pop("tried_services")
            try:
                created = services.submit_request(
                    requester=request.user, data=data, tried_services=tried
                )
            except services.HelpdeskError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Your request was sent. A coordinator will answer you soon.")
                )
                return redirect("helpdesk:request_detail", pk=created.pk)
    else:
        form = RequestForm()
    return render(request, "helpdesk/request_form.html", request_form_context(form))


@login_required
def my_requests(request):
    rows = label(
        HelpRequest.objects.of_requester(request.user)
        .select_related("municipality")
        .order_by("-created_at")[:200]
    )
    return render(request, "helpdesk/my_requests.html", {"requests": rows})


def visible_request(request, pk) -> HelpRequest:
    """The request if the user may see it: its requester, or a coordinator (else 404)."""
    found = get_object_or_404(
        HelpRequest.objects.select_related("municipality", "basin", "assignee", "organization"),
        pk=pk,
    )
    if not (request.user.is_coordinator or found.requester_id == request.user.pk):
        raise Http404
    return found


@login_required
def request_detail(request, pk):
    found = visible_request(request, pk)
    label([found])
    answers = found.answers.select_related("service__organization")
    return render(
        request,
        "helpdesk/request_detail.html",
        {
            "item": found,
            "answers": answers,
            "tried": found.tried_services.select_related("organization"),
            "feedback_form": FeedbackForm(),
            "can_give_feedback": found.requester_id == request.user.pk
            and found.answered_at is not None,
        },
    )


@login_required
@require_POST
def feedback(request, pk):
    found = visible_request(request, pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say whether the answer helped: yes or no."))
        return redirect("helpdesk:request_detail", pk=found.pk)
    try:
        services.give_feedback(found, user=request.user, helped=form.cleaned_data["helped"])
    except services.HelpdeskError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you, your opinion was recorded."))
    return redirect("helpdesk:request_detail", pk=found.pk)


@login_required
@require_GET
def service_picker(request):
    """Checkboxes of services matching ``q`` (htmx fragment), the ticked ones kept first."""
    name = request.GET.get("name", "tried_services")
    if name not in ("tried_services", "services"):
        name = "tried_services"
    picked_ids = request.GET.getlist(name)[:20]
    from directory.models import Service

    try:
        picked = list(Service.objects.select_related("organization").filter(pk__in=picked_ids))
    except ValidationError:  # malformed ids
        picked = []
    results = [s for s in find_services(request.GET.get("q", "")) if s not in picked]
    return render(
        request,
        "helpdesk/includes/service_choices.html",
        {"picked": picked, "results": results, "name": name},
    )
