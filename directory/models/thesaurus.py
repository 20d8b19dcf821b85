"""The search thesaurus: everyday words, abbreviations and situations that point to taxonomy
terms ("SDF" -> homeless people and housing), like the "use references" of the AIRS/211
taxonomy. Reference entries are loaded by migration 0009 from ``directory/thesaurus_reference.py``;
coordinators edit them in the platform (``directory.services.thesaurus``, the only writer).
Never holds personal data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..search.text import fold


class ThesaurusEntryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ThesaurusEntry(models.Model):
    """A word or phrase and the taxonomy terms it stands for."""

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")

    #: The word, abbreviation or phrase as people type it ("SDF", "plus de toit", "dakloos").
    words = models.CharField(_("word or phrase"), max_length=200)
    #: ``words`` folded (lower case, no accents, no punctuation): what a query is compared to.
    folded = models.CharField(max_length=200, db_index=True, editable=False)
    #: Language of the words (a hint for coordinators; a query matches every language).
    language = models.CharField(_("language"), max_length=2, choices=Language)
    #: The terms a service found through this entry carries (at least one).
    terms = models.ManyToManyField(
        "directory.TaxonomyTerm", related_name="thesaurus_entries", verbose_name=_("terms")
    )
    #: Why this entry exists, or a source (for coordinators).
    note = models.CharField(_("note"), max_length=300, blank=True)
    #: Inactive entries are kept (history) but not used by the search.
    is_active = models.BooleanField(_("active"), default=True)
    #: Loaded from the reference thesaurus (``directory/thesaurus_reference.py``).
    is_reference = models.BooleanField(_("reference entry"), default=False, editable=False)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    objects = ThesaurusEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("thesaurus entry")
        verbose_name_plural = _("thesaurus")
        ordering = ["folded", "language"]
        constraints = [
            models.UniqueConstraint(fields=["folded", "language"], name="thesaurus_entry_once")
        ]

    def __str__(self):
        return self.words

    def save(self, *args, **kwargs):
        self.folded = fold(self.words)[:200]
        super().save(*args, **kwargs)
