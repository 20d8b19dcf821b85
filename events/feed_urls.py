"""iCal feeds, routed at /feeds/ (not language-prefixed)."""

from django.urls import path

from .views import feeds

app_name = "events_feeds"
urlpatterns = [
    path("events.ics", feeds.all_events, name="all"),
    path("type/<slug:code>.ics", feeds.by_type, name="type"),
    path("series/<int:pk>.ics", feeds.by_series, name="series"),
    path("personal/<str:token>.ics", feeds.personal, name="personal"),
]
