"""Use cases around the search: counting searches that found nothing (words only, never a
user) and editing the thesaurus. The only writer of ``ZeroResultSearch`` and
``ThesaurusEntry``; every thesaurus change tells the search processes to reload it.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import ThesaurusEntry, ZeroResultSearch
from ..search import thesaurus
from ..search.text import fold
from .errors import DirectoryError


def count_zero_result(query: str, language: str, basin=None) -> None:
    """Count one search without result this month (folded words, language, basin)."""
    words = fold(query)[:200]
    if not words:
        return
    month = timezone.localdate().replace(day=1)
    key = {"words": words, "language": (language or "fr")[:8], "basin": basin, "month": month}
    updated = ZeroResultSearch.objects.filter(**key).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                ZeroResultSearch.objects.create(**key, count=1)
        except IntegrityError:  # another request created it meanwhile
            ZeroResultSearch.objects.filter(**key).update(count=F("count") + 1)


def save_entry(entry: ThesaurusEntry, terms) -> ThesaurusEntry:
    """Create or update a thesaurus entry with its terms (at least one)."""
    if not fold(entry.words):
        raise DirectoryError("thesaurus_empty")
    if not terms:
        raise DirectoryError("thesaurus_no_term")
    clash = ThesaurusEntry.objects.filter(folded=fold(entry.words)[:200], language=entry.language)
    if entry.pk:
        clash = clash.exclude(pk=entry.pk)
    if clash.exists():
        raise DirectoryError("thesaurus_duplicate")
    with transaction.atomic():
        entry.save()
        entry.terms.set(terms)
        _changed()
    return entry


def delete_entry(entry: ThesaurusEntry) -> None:
    with transaction.atomic():
        entry.delete()
        _changed()


def _changed():
    thesaurus.bump_version()
    transaction.on_commit(thesaurus.bump_version)
