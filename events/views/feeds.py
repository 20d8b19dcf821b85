"""iCal feeds (not language-prefixed): all events, per type, per series, and a personal feed of
my registrations behind a signed token (calendar apps cannot log in)."""

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..ical import feed_ics
from ..links import read_feed_token
from ..models import Event, EventType, Series

HORIZON_DAYS = 400


def _recent(events):
    since = timezone.now() - timezone.timedelta(days=90)
    return (
        events.visible()
        .filter(ends_at__gte=since)
        .select_related("organizer", "location")
        .order_by("starts_at")[:1000]
    )


def _response(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


def all_events(request):
    return _response(feed_ics(_recent(Event.objects.all()), "Maillage"), "maillage")


def by_type(request, code):
    event_type = get_object_or_404(EventType, code=code)
    events = _recent(Event.objects.filter(event_type=event_type))
    return _response(feed_ics(events, f"Maillage · {event_type.name}"), code)


def by_series(request, pk):
    series = get_object_or_404(Series, pk=pk)
    return _response(feed_ics(_recent(series.sessions.all()), str(series.title)), f"series-{pk}")


def personal(request, token):
    user_pk = read_feed_token(token)
    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first() if user_pk else None
    if user is None:
        raise Http404
    events = _recent(
        Event.objects.filter(
            registrations__user=user, registrations__cancelled_at__isnull=True
        ).distinct()
    )
    return _response(feed_ics(events, "Maillage · mes inscriptions"), "mes-inscriptions")
