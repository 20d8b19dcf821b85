from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("journal/", views.audit_log, name="audit_log"),
    path("taches-planifiees/", views.jobs, name="jobs"),
    path("choix/<slug:source>/", views.picker_suggestions, name="picker"),
    path("mes-inscriptions/", views.my_registrations, name="my_registrations"),
]
