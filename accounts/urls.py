from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("organisations/rejoindre/", views.join_organization, name="join"),
    path("demandes/", views.membership_requests, name="requests"),
    path(
        "demandes/<int:pk>/<str:decision>/",
        views.decide_membership,
        name="decide",
    ),
]
