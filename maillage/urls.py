"""Root URLs: every page is language-prefixed (/fr/, /nl/, /en/); the API and feeds are not."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("directory.api_urls")),
    path("api/helpdesk/", include("helpdesk.api_urls")),
    path("feeds/", include("events.feed_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("compte/", include("allauth.urls")),
    path("profil/", include("accounts.urls")),
    path("annuaire/", include("directory.urls")),
    path("agenda/", include("events.urls")),
    path("intervisions/", include("intervisions.urls")),
    path("helpdesk/", include("helpdesk.urls")),
    path("portes-ouvertes/", include("opendoors.urls")),
    path("orientation/", include("orientation.urls")),
    path("vie-privee/", include("privacy.urls")),
    path("messages/", include("messaging.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
# Uploaded files are never served as public media, not even in DEBUG: each app serves its own
# through a view that checks who may read them (core.uploads.attachment_response).

handler400 = "core.error_pages.bad_request"
handler403 = "core.error_pages.permission_denied"
handler404 = "core.error_pages.page_not_found"
handler500 = "core.error_pages.server_error"
