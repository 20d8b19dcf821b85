from django.urls import path

from .views import groups, manage, public

app_name = "intervisions"
urlpatterns = [
    path("", public.home, name="home"),
    path("cycles/<int:pk>/", public.cycle_detail, name="cycle"),
    path("cycles/<int:pk>/inscription/", public.register, name="register"),
    path("inscription/<str:token>/", public.my_registration, name="my_registration"),
    path("inscription/<str:token>/retrait/", public.withdraw, name="withdraw"),
    path("inscription/<str:token>/calendrier.ics", public.ics, name="ics"),
    path("inscription/<str:token>/facture.pdf", public.invoice_pdf, name="my_invoice"),
    path("inscription/<str:token>/attestation.pdf", public.certificate_pdf, name="my_certificate"),
    path("inscription/<str:token>/donnees.json", public.my_data, name="my_data"),
    path("flux/<str:token>.ics", public.feed, name="feed"),
    path("groupes/<int:pk>/", groups.group_detail, name="group"),
    path("groupes/<int:pk>/calendrier/", groups.plan, name="plan"),
    path("groupes/<int:pk>/echange/", groups.swap, name="swap"),
    path("seances/<int:pk>/presences/", groups.attendance, name="attendance"),
    path("seances/<int:pk>/lieu/", groups.session_place, name="session_place"),
    path("gestion/", manage.cycles, name="manage_cycles"),
    path("gestion/nouveau/", manage.cycle_form, name="cycle_create"),
    path("gestion/<int:pk>/", manage.manage_cycle, name="manage_cycle"),
    path("gestion/<int:pk>/modifier/", manage.cycle_form, name="cycle_edit"),
    path("gestion/<int:pk>/statut/", manage.cycle_status, name="cycle_status"),
    path("gestion/<int:pk>/composer/", manage.compose, name="compose"),
    path("gestion/<int:pk>/publier/", manage.publish, name="publish"),
    path("gestion/<int:pk>/accepter/", manage.bulk_accept, name="bulk_accept"),
    path("gestion/<int:pk>/export.<str:fmt>", manage.export, name="export"),
    path("gestion/<int:pk>/factures/", manage.invoices, name="invoices"),
    path("gestion/<int:cycle_pk>/groupes/nouveau/", manage.group_form, name="group_create"),
    path("gestion/<int:cycle_pk>/groupes/<int:pk>/", manage.group_form, name="group_edit"),
    path("gestion/inscriptions/<int:pk>/", manage.registration_action, name="registration_action"),
    path("gestion/factures/<int:pk>.pdf", manage.invoice_pdf, name="invoice_pdf"),
    path("gestion/attestations/<int:pk>.pdf", manage.certificate, name="certificate"),
]
