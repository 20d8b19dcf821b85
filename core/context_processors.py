from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def site(request):
    """Site name, and for each language the address of the current page in that language."""
    current = get_language()
    path = request.get_full_path()
    links = [
        {"code": code, "name": name, "url": translate_url(path, code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
    return {"SITE_NAME": settings.MAILLAGE_SITE_NAME, "language_links": links}
