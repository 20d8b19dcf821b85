"""Orientation tool: anonymous counts of completed paths and the unmet needs they reveal.

These rows never hold a user, a free text or anything that identifies a beneficiary: only the
need, the answers chosen (codes), the territory and what was found. The needs watch (helpdesk
app) reads them.

The trees: one ``Tree`` per need, a numbered ``TreeVersion`` per edit (a published version is
never changed again, so that a shared link that names its version keeps working), its ``Node``
rows (questions and leaves) and the ``Choice`` rows of each question. Texts are translated
(modeltranslation, FR/NL/EN with fallback). Rows are written by ``orientation.services`` only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from territory.models import Situated

from . import tree as pure


class PathRecord(Situated):
    """One completed orientation path, counted without a person."""

    #: Need code (``orientation.needs.NEEDS``).
    need = models.SlugField(_("need"), max_length=40)
    #: The answers chosen, as {question code: answer code}; codes only, never free text.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    #: How many directory services fitted.
    result_count = models.PositiveIntegerField(_("services found"), default=0)
    #: Ids of the services opened from the result page.
    opened_services = models.JSONField(_("services opened"), default=list, blank=True)
    #: Day the path was completed (a day, not a time: counts, not traces).
    completed_on = models.DateField(_("completed on"), db_index=True)

    class Meta:
        verbose_name = _("completed path")
        verbose_name_plural = _("completed paths")
        ordering = ["-completed_on", "-id"]

    def __str__(self):
        return f"{self.need} {self.completed_on}"

    @property
    def found(self) -> bool:
        return self.result_count > 0


class UnmetNeed(Situated):
    """A path that ended with no fitting service: a gap in the offer, without a person."""

    #: Need code (``orientation.needs.NEEDS``).
    need = models.SlugField(_("need"), max_length=40)
    #: The answers chosen, as {question code: answer code}.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    #: Day it was recorded.
    recorded_on = models.DateField(_("recorded on"), db_index=True)

    class Meta:
        verbose_name = _("unmet need")
        verbose_name_plural = _("unmet needs")
        ordering = ["-recorded_on", "-id"]

    def __str__(self):
        return f"{self.need} {self.recorded_on}"


class Tree(models.Model):
    """The orientation path of one need."""

    #: Need code (``orientation.needs.NEEDS``), also the path's address.
    need = models.SlugField(_("need"), max_length=40, unique=True)
    #: Translated title, e.g. "Housing".
    title = models.CharField(_("title"), max_length=160)
    #: Translated one-line introduction shown before the first question.
    intro = models.TextField(_("introduction"), blank=True)
    #: The version new paths start on (None: the path is not offered).
    published = models.ForeignKey(
        "TreeVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published version"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("orientation tree")
        verbose_name_plural = _("orientation trees")
        ordering = ["position", "need"]

    def __str__(self):
        return self.title


class TreeVersionQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(status=TreeVersion.Status.DRAFT)

    def frozen(self):
        """Versions a link may name: published now or before (never changed again)."""
        return self.exclude(status=TreeVersion.Status.DRAFT)


class TreeVersion(models.Model):
    """One numbered state of a tree. Drafts are edited; published and retired ones are
    frozen."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("tree version", "Published")
        RETIRED = "retired", _("Replaced by a newer version")

    tree = models.ForeignKey(
        Tree, on_delete=models.CASCADE, related_name="versions", verbose_name=_("tree")
    )
    #: 1, 2, 3... within the tree; shared links carry it.
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    #: Code of the first node.
    root = models.SlugField(_("first question"), max_length=40)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    #: The coordinator who made the draft (a professional, never a beneficiary).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    published_at = models.DateTimeField(
        pgettext_lazy("tree version", "published at"), null=True, blank=True
    )

    objects = TreeVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("tree version")
        verbose_name_plural = _("tree versions")
        ordering = ["tree", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["tree", "number"], name="unique_tree_version"),
            models.UniqueConstraint(
                fields=["tree"],
                condition=models.Q(status="draft"),
                name="one_draft_per_tree",
            ),
        ]

    def __str__(self):
        return f"{self.tree} v{self.number}"

    def as_data(self) -> dict:
        """The version as the plain dict of ``orientation.tree``."""
        nodes = {}
        for node in self.nodes.prefetch_related("choices"):
            data = {"kind": node.kind, "next": node.next, "level": node.level}
            data["require"], data["prefer"] = list(node.require), list(node.prefer)
            if node.kind == pure.QUESTION:
                data["choices"] = [
                    {
                        "code": c.code,
                        "next": c.next,
                        "level": c.level,
                        "require": list(c.require),
                        "prefer": list(c.prefer),
                        "age": c.age,
                    }
                    for c in node.choices.all()
                ]
            nodes[node.code] = data
        return {"root": self.root, "nodes": nodes}


class Node(models.Model):
    """A question or a leaf of a tree version."""

    class Kind(models.TextChoices):
        QUESTION = pure.QUESTION, _("Question with choices")
        LANGUAGE = pure.LANGUAGE, _("Language of the person")
        MUNICIPALITY = pure.MUNICIPALITY, _("Municipality of the person")
        SEARCH = pure.SEARCH, _("End: search the directory")
        HELPDESK = pure.HELPDESK, _("End: contact the helpdesk")

    version = models.ForeignKey(
        TreeVersion, on_delete=models.CASCADE, related_name="nodes", verbose_name=_("version")
    )
    #: Code within the version (the key in the link's query string).
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind)
    #: Translated question, or the title of a leaf.
    text = models.CharField(_("text"), max_length=255)
    #: Translated help under the question, or the explanation of a leaf.
    help = models.TextField(_("help"), blank=True)
    #: Language and municipality questions: the node that follows.
    next = models.SlugField(_("next node"), max_length=40, blank=True)
    #: Search leaf: stepped-care level when the path chose none.
    level = models.SlugField(_("stepped-care level"), max_length=20, blank=True)
    #: Search leaf: "taxonomy:code" terms a service must have (any of them per taxonomy).
    require = models.JSONField(_("required terms"), default=list, blank=True)
    #: Search leaf: "taxonomy:code" terms that rank a service higher.
    prefer = models.JSONField(_("preferred terms"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("tree node")
        verbose_name_plural = _("tree nodes")
        ordering = ["version", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="unique_node_code")]

    def __str__(self):
        return self.code

    @property
    def is_leaf(self) -> bool:
        return self.kind in pure.LEAVES


class Choice(models.Model):
    """An answer of a question: where it leads and what it asks of the directory."""

    node = models.ForeignKey(
        Node, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    #: Code within the question (the value in the link's query string).
    code = models.SlugField(_("code"), max_length=40)
    #: Translated answer.
    label = models.CharField(_("answer"), max_length=255)
    #: Code of the node that follows.
    next = models.SlugField(_("next node"), max_length=40, blank=True)
    #: Stepped-care level this answer points to (the last one chosen wins).
    level = models.SlugField(_("stepped-care level"), max_length=20, blank=True)
    #: "taxonomy:code" terms a service must have.
    require = models.JSONField(_("required terms"), default=list, blank=True)
    #: "taxonomy:code" terms that rank a service higher (and say why it fits).
    prefer = models.JSONField(_("preferred terms"), default=list, blank=True)
    #: An age that stands for this answer, checked against the services' age limits.
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["node", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["node", "code"], name="unique_choice_code")]

    def __str__(self):
        return self.code
