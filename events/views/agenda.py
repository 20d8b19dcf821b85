"""Agenda pages: upcoming events with filters, the month view, an event (with the visitor's own
registration, if any), its .ics and a series. Read-only; "my registrations" lives in
core.my_registrations (this app fills its events section, see events.mine)."""

import calendar
import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dates import MONTHS

from ..forms import AgendaFilterForm, GuestRegistrationForm, MemberRegistrationForm
from ..ical import event_ics
from ..links import personal_feed_url
from ..mine import describe
from ..models import Event, Series
from ..seats import attach_option_seats, attach_seats
from ..services import can_create, can_manage, registration_for


def _visible(request):
    events = Event.objects.visible().select_related(
        "event_type", "theme", "basin", "organizer", "series"
    )
    if request.user.is_authenticated and request.user.is_coordinator:
        events = Event.objects.select_related("event_type", "theme", "basin", "organizer", "series")
    elif request.user.is_authenticated and (own := request.user.organization_ids()):
        # Organizers also see their own drafts (the page says "Draft").
        events = events | Event.objects.filter(organizer_id__in=own)
    return events


def agenda(request):
    form = AgendaFilterForm(request.GET or None)
    events = form.filter(_visible(request).upcoming())
    page = Paginator(events, 25).get_page(request.GET.get("page"))
    page.object_list = attach_seats(page.object_list)
    today = timezone.localdate()
    context = {
        "form": form,
        "page": page,
        "filters": form.querystring(),
        "now": timezone.now(),
        "month_year": today.year,
        "month": today.month,
    }
    if request.user.is_authenticated:
        context["personal_feed_url"] = personal_feed_url(request.user)
        context["can_create"] = can_create(request.user)
    return render(request, "events/agenda.html", context)


def month(request, year=None, month=None):
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    form = AgendaFilterForm(request.GET or None)
    first = datetime.date(year, month, 1)
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
    last_day = calendar.monthrange(year, month)[1]
    end = start + datetime.timedelta(days=last_day)
    events = form.filter(_visible(request).filter(starts_at__gte=start, starts_at__lt=end))
    by_day: dict = {}
    for event in events.order_by("starts_at"):
        by_day.setdefault(timezone.localtime(event.starts_at).date(), []).append(event)
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "events": by_day.get(day, []),
                "today": day == today,
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous = first - datetime.timedelta(days=1)
    following = first + datetime.timedelta(days=last_day)
    return render(
        request,
        "events/month.html",
        {
            "form": form,
            "weeks": weeks,
            "first": first,
            "month_name": MONTHS[month],
            "previous": previous,
            "following": following,
            "filters": form.querystring(),
            "count": sum(len(v) for v in by_day.values()),
        },
    )


def _mine(request, event):
    """The visitor's active registration to this event, described for the page, or None."""
    if not request.user.is_authenticated:
        return None
    registration = registration_for(event, user=request.user)
    return describe(registration) if registration else None


def detail(request, pk):
    event = get_object_or_404(_visible(request).prefetch_related("options", "subgroups"), pk=pk)
    attach_seats([event])
    mine = _mine(request, event)
    state = event.registration_state()
    form = None
    if state == "open" and mine is None:
        form = (
            MemberRegistrationForm(event=event)
            if request.user.is_authenticated
            else GuestRegistrationForm(event=event)
        )
    previous = []
    if event.series_id:
        previous = (
            event.series.sessions.visible()
            .filter(starts_at__lt=event.starts_at)
            .select_related("report")
            .order_by("-starts_at")
        )
    report = getattr(event, "report", None)
    if report and not report.is_published and not can_manage(request.user, event):
        report = None
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "mine": mine,
            "registration": mine["registration"] if mine else None,
            "state": state,
            "form": form,
            "options": attach_option_seats(event.options.all()),
            "previous_sessions": previous,
            "report": report,
            "can_manage": can_manage(request.user, event),
            "now": timezone.now(),
            "expectations": event.expectations.prefetch_related("actions"),
            "personal_feed_url": (
                personal_feed_url(request.user) if request.user.is_authenticated else ""
            ),
        },
    )


def calendar_file(request, pk):
    """The event as an .ics file ("add to my calendar"); the online meeting link only for a
    confirmed participant."""
    event = get_object_or_404(_visible(request).select_related("organizer", "location"), pk=pk)
    mine = _mine(request, event)
    body = event_ics(event, with_online_link=bool(mine and mine["confirmed"]))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def series_detail(request, pk):
    series = get_object_or_404(Series.objects.select_related("theme", "organizer", "basin"), pk=pk)
    sessions = series.sessions.visible().select_related("report").order_by("-starts_at")
    return render(
        request,
        "events/series.html",
        {
            "series": series,
            "sessions": sessions,
            "now": timezone.now(),
            "committee": series.steering_committee.all(),
        },
    )


@login_required
def my_registrations(request):
    """The old address of "my registrations": the page now covers every app."""
    return redirect("core:my_registrations")
