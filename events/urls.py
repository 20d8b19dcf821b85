"""Agenda pages, under /<lang>/agenda/."""

from django.urls import path

from .views import agenda, editing, followup, organizer, registration

app_name = "events"
urlpatterns = [
    path("", agenda.agenda, name="agenda"),
    path("mois/", agenda.month, name="month_current"),
    path("mois/<int:year>/<int:month>/", agenda.month, name="month"),
    path("nouveau/", editing.edit, name="create"),
    path("<int:pk>/modifier/", editing.edit, name="edit"),
    path("mes-inscriptions/", agenda.my_registrations, name="my_registrations"),
    path("series/<int:pk>/", agenda.series_detail, name="series"),
    path("suivi/", followup.followup, name="followup"),
    path("actions/nouvelle/", followup.action_new, name="action_new"),
    path("actions/<int:pk>/modifier/", followup.action_edit, name="action_edit"),
    path("attentes/<int:pk>/statut/", followup.expectation_status, name="expectation_status"),
    path("annulation/<str:token>/", registration.cancel_by_token, name="cancel_by_token"),
    path("<int:pk>/", agenda.detail, name="detail"),
    path("<int:pk>/calendrier.ics", agenda.calendar_file, name="ics"),
    path("<int:pk>/inscription/", registration.register, name="register"),
    path("<int:pk>/annuler/", registration.cancel, name="cancel"),
    path("<int:pk>/inscriptions/", organizer.registrants, name="registrants"),
    path("<int:pk>/inscriptions/export.<str:fmt>", organizer.export, name="export"),
    path(
        "<int:pk>/inscriptions/<int:registration_pk>/presence/", organizer.check_in, name="check_in"
    ),
    path(
        "<int:pk>/inscriptions/<int:registration_pk>/annuler/",
        organizer.cancel_for,
        name="cancel_for",
    ),
    path("<int:pk>/presences/", organizer.attendance, name="attendance"),
    path("<int:pk>/tables/", organizer.tables, name="tables"),
    path("<int:pk>/compte-rendu/", followup.report_edit, name="report_edit"),
    path(
        "<int:pk>/compte-rendu/pieces/<int:attachment_pk>/",
        followup.attachment,
        name="attachment",
    ),
    path(
        "<int:pk>/compte-rendu/pieces/<int:attachment_pk>/supprimer/",
        followup.attachment_remove,
        name="attachment_remove",
    ),
    path("<int:pk>/attentes/", followup.expectation_add, name="expectation_add"),
]
