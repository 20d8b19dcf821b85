"""The vocabulary of the retention policy: what a field of personal data is for, how long it is
kept and what happens after.

Each app declares its policies in ``<app>/retention.py`` with these classes (see
``privacy.registry``). The same declarations are read by three consumers: the public privacy page
(``privacy:policy``), the coordinators' schedule (what will be removed when) and the retention
job (``manage.py apply_retention``). This module only describes; it never queries nor writes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _


def lazy_text(build: Callable[[], str]):
    """A text computed when shown (in the reader's language, with today's settings), for
    retention periods that include a figure: ``lazy_text(lambda: _("%(d)s days") % {...})``."""
    return lazy(build, str)()


class After:
    """What happens to a field when its retention period is over."""

    DELETE = "delete"  #: the row is deleted
    ANONYMISE = "anonymise"  #: the value is replaced by a placeholder, the row stays
    STATISTICS = "statistics"  #: kept, no longer linked to a person, for the network's figures
    LEGAL = "legal"  #: kept as long as the law requires (accounting: invoices)
    WITH_ACCOUNT = "with_account"  #: kept while the account exists, removed when it is erased
    PUBLIC = "public"  #: not a person's data: a public contact of an organization

    labels = {
        DELETE: _("deleted"),
        ANONYMISE: _("anonymised"),
        STATISTICS: _("kept for anonymous statistics"),
        LEGAL: _("kept as the law requires"),
        WITH_ACCOUNT: _("removed when the account is erased"),
        PUBLIC: _("public contact of an organization, edited by the organization"),
    }

    @classmethod
    def label(cls, value: str):
        return cls.labels[value]


@dataclass(frozen=True)
class FieldRule:
    """One field: why it is there and what happens to it after the record's retention period
    (``kept`` overrides the record's retention text when the field lives shorter or longer)."""

    purpose: object
    after: str
    kept: object = None

    def __post_init__(self):
        if self.after not in After.labels:
            raise ValueError(f"unknown retention outcome {self.after!r}")


@dataclass(frozen=True)
class Upcoming:
    """A line of the coordinators' schedule: ``count`` rows of ``label`` treated on ``due``
    (a date; ``None`` means the next run of the job)."""

    due: object
    count: int
    label: str


@dataclass
class RecordPolicy:
    """The policy of one model: purpose, retention period, outcome, and per-field rules.

    - ``model``: the model label, ``"events.Registration"``;
    - ``key``: a stable code used in the job's log (``"event_registrations"``);
    - ``title``, ``purpose``, ``kept``: readable texts for the public page (translatable);
    - ``after``: the outcome of the record when ``kept`` is over;
    - ``fields``: ``{field name: FieldRule}``, every personal field of the model;
    - ``apply(now, dry_run) -> int``: the action of the retention job (None: nothing automatic,
      e.g. data kept while the account exists);
    - ``schedule(now) -> list[Upcoming]``: what the job will treat, and when;
    - ``optional``: the model may be absent (an app not installed on every platform).
    """

    model: str
    key: str
    title: object
    purpose: object
    kept: object
    after: str
    fields: dict[str, FieldRule] = field(default_factory=dict)
    apply: Callable | None = None
    schedule: Callable | None = None
    optional: bool = False
    public: bool = True

    def __post_init__(self):
        if self.after not in After.labels:
            raise ValueError(f"unknown retention outcome {self.after!r}")

    def rule(self, field_name: str) -> FieldRule | None:
        return self.fields.get(field_name)

    def field_kept(self, field_name: str):
        rule = self.fields[field_name]
        return rule.kept or self.kept
