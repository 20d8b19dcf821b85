from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("", views.policy, name="policy"),
    path("accepter/", views.accept, name="accept"),
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/export.json", views.export_json, name="export_json"),
    path("mes-donnees/export/", views.export_page, name="export_page"),
    path("mes-donnees/effacer/", views.erase, name="erase"),
    path("coordination/conservation/", views.retention_schedule, name="schedule"),
    path("coordination/lectures/", views.read_log, name="read_log"),
]
