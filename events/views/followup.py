"""Reports (minutes), expectations and actions, and the follow-up page: for a series or a basin,
what was asked, what was done, what is still waiting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from core.params import id_param
from core.uploads import attachment_response
from territory.models import Basin

from .. import services
from ..errors import EventError
from ..forms import ActionForm, AttachmentForm, ExpectationForm, ExpectationStatusForm, ReportForm
from ..models import Action, Event, Expectation, Report, ReportAttachment, Series
from .organizer import _managed_event


@login_required
def report_edit(request, pk):
    event = _managed_event(request, pk)
    report = Report.objects.filter(event=event).first()
    form = ReportForm(request.POST or None, initial={"body": report.body if report else ""})
    attachment_form = AttachmentForm()
    if request.method == "POST":
        if request.POST.get("action") == "attach" and report:
            attachment_form = AttachmentForm(request.POST, request.FILES)
            if attachment_form.is_valid():
                services.add_attachment(report, user=request.user, **attachment_form.cleaned_data)
                messages.success(request, _("Attachment added."))
                return redirect("events:report_edit", pk=event.pk)
        elif form.is_valid():
            try:
                report = services.save_report(event, form.cleaned_data["body"], user=request.user)
                if request.POST.get("action") == "publish":
                    count = services.publish_report(report, user=request.user)
                    messages.success(
                        request,
                        _("Report published; %(count)s participants notified.") % {"count": count},
                    )
                else:
                    messages.success(request, _("Report saved."))
                return redirect("events:report_edit", pk=event.pk)
            except ServiceError as error:
                form.add_error(None, error.message)
    return render(
        request,
        "events/report_form.html",
        {
            "event": event,
            "report": report,
            "form": form,
            "attachment_form": attachment_form,
            "expectation_form": ExpectationForm(initial={"theme": event.theme_id}),
            "expectations": event.expectations.prefetch_related("actions"),
            "status_choices": Expectation.Status.choices,
        },
    )


@login_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    """Remove an attachment of the report (the event's organizers; audited)."""
    event = _managed_event(request, pk)
    item = get_object_or_404(ReportAttachment, pk=attachment_pk, report__event=event)
    try:
        services.remove_attachment(item, user=request.user)
        messages.success(request, _("Attachment “%(title)s” removed.") % {"title": item.title})
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("events:report_edit", pk=event.pk)


def attachment(request, pk, attachment_pk):
    """Download a report attachment: anyone who may see the event once the report is
    published, only its organizers before. Always a download, with a locked-down CSP."""
    item = get_object_or_404(
        ReportAttachment.objects.select_related("report__event"),
        pk=attachment_pk,
        report__event_id=pk,
    )
    event = item.report.event
    if not services.can_manage(request.user, event):
        visible = Event.objects.visible().filter(pk=event.pk).exists()
        if not (visible and item.report.is_published):
            raise Http404
    return attachment_response(item.file, item.title)


@login_required
@require_POST
def expectation_add(request, pk):
    event = _managed_event(request, pk)
    form = ExpectationForm(request.POST)
    if form.is_valid():
        services.add_expectation(
            event,
            form.cleaned_data["text"],
            theme=form.cleaned_data["theme"],
            raised_by=form.cleaned_data["raised_by"],
            user=request.user,
        )
        messages.success(request, _("Expectation recorded."))
    else:
        messages.error(request, EventError("expectation_empty").message)
    return redirect("events:report_edit", pk=event.pk)


@login_required
@require_POST
def expectation_status(request, pk):
    expectation = get_object_or_404(Expectation.objects.select_related("event"), pk=pk)
    if not services.can_manage(request.user, expectation.event):
        raise PermissionDenied
    form = ExpectationStatusForm(request.POST)
    if form.is_valid():
        try:
            services.set_expectation_status(
                expectation,
                form.cleaned_data["status"],
                form.cleaned_data["note"],
                user=request.user,
            )
            messages.success(request, _("Status updated."))
        except ServiceError as error:
            messages.error(request, error.message)
    target = request.POST.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        target = expectation.event.get_absolute_url()
    return HttpResponseRedirect(target)


@login_required
def action_new(request):
    event = None
    if request.GET.get("event"):
        event = get_object_or_404(Event, pk=id_param(request, "event"))
    if event is not None:
        if not services.can_manage(request.user, event):
            raise PermissionDenied
        expectations = event.expectations.all()
        if event.series_id:
            expectations = Expectation.objects.filter(event__series=event.series)
    elif request.user.is_coordinator:
        expectations = Expectation.objects.open()
    else:
        raise PermissionDenied
    form = ActionForm(
        request.POST or None,
        expectations=expectations.select_related("event"),
        user=request.user,
        initial={
            "owner": request.user.pk,
            "basin": event.basin_id if event else None,
            "series": event.series_id if event else None,
            "owner_organization": event.organizer_id if event else None,
        },
    )
    if request.method == "POST" and form.is_valid():
        action = form.save(commit=False)
        try:
            services.save_action(action, list(form.cleaned_data["expectations"]), user=request.user)
            messages.success(request, _("Action saved."))
            return redirect(event.get_absolute_url() if event else "events:followup")
        except ServiceError as error:
            form.add_error(None, error.message)
    return render(request, "events/action_form.html", {"form": form, "event": event})


@login_required
def action_edit(request, pk):
    """Coordinators change an action of the plan: status, due date, who carries it."""
    action = get_object_or_404(Action.objects.select_related("series"), pk=pk)
    if not services.can_edit_actions(request.user):
        raise PermissionDenied
    expectations = Expectation.objects.open() | action.expectations.all()
    form = ActionForm(
        request.POST or None,
        instance=action,
        expectations=expectations.distinct().select_related("event"),
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_action(
                form.save(commit=False), list(form.cleaned_data["expectations"]), user=request.user
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Action saved."))
            return redirect(_followup_url(action))
    return render(request, "events/action_form.html", {"form": form, "action": action})


def _followup_url(action) -> str:
    url = reverse("events:followup")
    if action.series_id:
        return f"{url}?series={action.series_id}"
    if action.basin_id:
        return f"{url}?basin={action.basin.code}"
    return url


def followup(request):
    """What was asked, what was done, what is still waiting: for a series or a basin."""
    series = basin = None
    expectations = Expectation.objects.filter(event__status=Event.Status.PUBLISHED)
    actions = Action.objects.all()
    if request.GET.get("series"):
        series = get_object_or_404(Series, pk=id_param(request, "series"))
        expectations = expectations.filter(event__series=series)
        actions = actions.filter(series=series) | actions.filter(expectations__event__series=series)
    elif request.GET.get("basin"):
        basin = get_object_or_404(Basin, code=request.GET["basin"])
        expectations = expectations.filter(event__basin=basin)
        actions = actions.filter(basin=basin) | actions.filter(expectations__event__basin=basin)
    expectations = expectations.select_related("event", "theme").prefetch_related(
        Prefetch("actions", queryset=Action.objects.order_by("due_date"))
    )
    actions = actions.distinct().select_related("owner_organization", "basin")
    return render(
        request,
        "events/followup.html",
        {
            "series": series,
            "basin": basin,
            "asked": expectations,
            "waiting": [e for e in expectations if e.status in ("to_examine", "taken_up")],
            "answered": [e for e in expectations if e.status in ("answered", "declined")],
            "actions_done": [a for a in actions if a.status == Action.Status.DONE],
            "actions_pending": [
                a for a in actions if a.status in (Action.Status.PLANNED, Action.Status.IN_PROGRESS)
            ],
            "all_series": Series.objects.all(),
            "basins": Basin.objects.all(),
            "status_choices": Expectation.Status.choices,
            "can_edit": services.can_edit_actions(request.user),
            "today": timezone.localdate(),
        },
    )
