"""Messages to participants, under /<lang>/messages/."""

from django.urls import path

from . import views

app_name = "messaging"
urlpatterns = [
    path("agenda/<int:pk>/ecrire/", views.write_event, name="write_event"),
    path("agenda/<int:pk>/", views.event_history, name="event_history"),
    path("intervisions/<int:pk>/ecrire/", views.write_cycle, name="write_cycle"),
    path("intervisions/<int:pk>/", views.cycle_history, name="cycle_history"),
]
