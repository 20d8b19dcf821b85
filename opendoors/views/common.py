"""Helpers shared by the open doors views: the edition in scope, ids from URLs, errors."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Edition
from ..programme import current_edition

MAX_ID = 2**31 - 1


def edition_from(request, *, published_only=True) -> Edition:
    raw = request.GET.get("edition") or request.POST.get("edition")
    editions = Edition.objects.published() if published_only else Edition.objects.all()
    if raw:
        if not raw.isdigit() or int(raw) > MAX_ID:
            raise Http404
        return get_object_or_404(editions, pk=int(raw))
    edition = current_edition()
    if edition is None:
        raise Http404
    return edition


def show_error(request, error) -> None:
    messages.error(request, error.message)
