from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("organisations/", views.organization_list, name="organizations"),
    path("organisations/<uuid:pk>/", views.organization_detail, name="organization"),
]
