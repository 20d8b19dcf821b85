"""URLs of the open doors week, under /<lang>/portes-ouvertes/."""

from django.urls import path

from .views import coordination, host, mine, public

app_name = "opendoors"

urlpatterns = [
    path("", public.programme_page, name="programme"),
    path("programme.pdf", public.programme_pdf, name="programme_pdf"),
    path("creneau/<int:pk>/", public.slot_detail, name="slot"),
    path("creneau/<int:pk>/reserver/", public.book, name="book"),
    path("mes-visites/", mine.my_visits, name="my_visits"),
    path("mes-visites.pdf", mine.my_visits_pdf, name="my_visits_pdf"),
    path("visite/<int:pk>/annuler/", mine.cancel, name="cancel"),
    path("visite/<int:pk>/evaluation/", mine.evaluate, name="evaluate"),
    path("voeux/", mine.wishes, name="wishes"),
    path("accueil/", host.host_home, name="host_home"),
    path("accueil/<int:pk>/", host.participation, name="participation"),
    path("accueil/<int:pk>/creneau/", host.slot_form, name="slot_new"),
    path("accueil/<int:pk>/creneau/<int:slot_pk>/", host.slot_form, name="slot_edit"),
    path("creneau/<int:pk>/supprimer/", host.slot_delete, name="slot_delete"),
    path("creneau/<int:pk>/visiteurs/", host.visitors, name="visitors"),
    path("visite/<int:pk>/presence/", host.attendance, name="attendance"),
    path("coordination/", coordination.review_list, name="review_list"),
    path("coordination/participation/<int:pk>/", coordination.review, name="review"),
    path("coordination/voeux/", coordination.wish_round, name="wish_round"),
    path("coordination/tableau/", coordination.dashboard, name="dashboard"),
    path("coordination/graphique/<slug:name>.svg", coordination.chart, name="chart"),
    path("coordination/export/<slug:what>.<str:fmt>", coordination.export, name="export"),
]
