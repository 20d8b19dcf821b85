"""Triage pages for coordinators: the queue with waiting times against the target, one
request with its actions (take, assign, answer with directory services, no solution, close),
and a phone call logged with the request form. Thin: services decide and write.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import coordinator_required
from privacy.audit import log_read

from . import services
from .forms import AnswerForm, AssignForm, NoSolutionForm, PhoneCallForm
from .labels import label
from .models import HelpRequest
from .picker import find_services
from .views import pii_previews, request_form_context

STATUS_FILTERS = {"open": HelpRequest.OPEN_STATUSES, **{s: (s,) for s in HelpRequest.Status}}


@coordinator_required
def triage(request):
    status = request.GET.get("status", "open")
    if status not in STATUS_FILTERS:
        status = "open"
    rows = (
        HelpRequest.objects.filter(status__in=STATUS_FILTERS[status])
        .select_related("municipality", "assignee", "organization")
        .order_by("created_at" if status == "open" else "-created_at")
    )
    if request.GET.get("mine") == "1":
        rows = rows.filter(assignee=request.user)
    log_read(request, "helpdesk_triage")
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    now = timezone.now()
    target = services.target_hours()
    label(page.object_list)
    for item in page:
        item.waited = services.waiting_so_far(item, now)
        item.late = item.waited > target
    return render(
        request,
        "helpdesk/triage.html",
        {
            "page": page,
            "status": status,
            "statuses": HelpRequest.Status.choices,
            "target": target,
            "mine": request.GET.get("mine") == "1",
        },
    )


def _detail_context(request, item, **forms):
    query = request.GET.get("q", "")
    nis = item.municipality.nis_code if item.municipality else ""
    suggestions = find_services(query, need=item.need, nis=nis)
    item.waited = services.waiting_so_far(item)
    label([item])
    return {
        "item": item,
        "assign_form": forms.get("assign_form") or AssignForm(initial={"assignee": item.assignee}),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "no_solution_form": forms.get("no_solution_form") or NoSolutionForm(),
        "answer_previews": pii_previews(forms["answer_form"]) if "answer_form" in forms else [],
        "gap_previews": pii_previews(forms["no_solution_form"])
        if "no_solution_form" in forms
        else [],
        "suggestions": suggestions,
        "query": query,
        "answers": item.answers.select_related("service__organization"),
        "tried": item.tried_services.select_related("organization"),
        "target": services.target_hours(),
    }


def _item(pk):
    return get_object_or_404(
        HelpRequest.objects.select_related(
            "municipality", "basin", "assignee", "organization", "requester"
        ),
        pk=pk,
    )


@coordinator_required
def triage_detail(request, pk):
    item = _item(pk)
    log_read(request, "helpdesk_request", item)
    return render(request, "helpdesk/triage_detail.html", _detail_context(request, item))


@coordinator_required
@require_POST
def triage_action(request, pk):
    """One POST endpoint for the simple actions: take, assign, close, reopen."""
    item = _item(pk)
    action = request.POST.get("action", "")
    try:
        if action == "take":
            services.take(item, by=request.user)
        elif action == "assign":
            form = AssignForm(request.POST)
            if not form.is_valid():
                return render(
                    request,
                    "helpdesk/triage_detail.html",
                    _detail_context(request, item, assign_form=form),
                    status=400,
                )
            services.assign(item, form.cleaned_data["assignee"], by=request.user)
        elif action == "close":
            services.close(item, by=request.user)
        elif action == "reopen":
            services.reopen(item, by=request.user)
        else:
            messages.error(request, _("Unknown action."))
            return redirect("helpdesk:triage_detail", pk=item.pk)
    except services.HelpdeskError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Saved."))
    return redirect("helpdesk:triage_detail", pk=item.pk)


@coordinator_required
@require_POST
def triage_answer(request, pk):
    item = _item(pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer(
                item,
                by=request.user,
                services=form.cleaned_data["services"],
                text=form.cleaned_data["text"],
            )
        except services.HelpdeskError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The answer was sent to the requester."))
            return redirect("helpdesk:triage_detail", pk=item.pk)
    return render(
        request,
        "helpdesk/triage_detail.html",
        _detail_context(request, item, answer_form=form),
        status=400,
    )


@coordinator_required
@require_POST
def triage_no_solution(request, pk):
    item = _item(pk)
    form = NoSolutionForm(request.POST)
    if form.is_valid():
        try:
            services.no_solution(item, by=request.user, gap=form.cleaned_data["gap"])
        except services.HelpdeskError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The request is closed as “no solution found”."))
            return redirect("helpdesk:triage_detail", pk=item.pk)
    return render(
        request,
        "helpdesk/triage_detail.html",
        _detail_context(request, item, no_solution_form=form),
        status=400,
    )


@coordinator_required
def log_call(request):
    if request.method == "POST":
        form = PhoneCallForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            tried = data.pop("tried_services")
            requester = data.pop("requester_email")
            try:
                created = services.submit_request(
                    requester=requester, data=data, tried_services=tried, logged_by=request.user
                )
            except services.HelpdeskError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The phone call was logged."))
                return redirect("helpdesk:triage_detail", pk=created.pk)
    else:
        form = PhoneCallForm()
    return render(
        request, "helpdesk/request_form.html", request_form_context(form, phone_call=True)
    )
