"""Root URLs: every page is language-prefixed (/fr/, /nl/, /en/); the API and feeds are not."""

from django.conf import settings
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
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
