"""Which model fields hold personal data: the rule the completeness test applies to every model.

A field is personal when it is

1. an e-mail or IP address field (``EmailField``, ``GenericIPAddressField``);
2. a link to a person's account (foreign key, one-to-one or many-to-many to the user model);
3. named like a person's detail: first or last name, phone or mobile, job function, birth date,
   IP address (``PERSONAL_NAMES``), or ending in ``_email``, ``_phone``, ``_ip``, ``_name``
   on a person record (``actor_email`` of the audit log, ``organization_name`` typed in);
4. a free-text field of a *person record*: a model whose rows are about one person (the user
   model itself, a model with a first or last name, or with a link to the account named
   ``user``, ``requester``, ``person``, ``participant``, ``registrant``, ``member`` or
   ``visitor``, such as a registration or a request). There every text or JSON field without fixed choices (the
   name, the organization typed in, a message, notes, preferences) is personal.

The rule errs on the side of asking: a field it flags that holds no personal data is declared
with its purpose anyway (e.g. ``After.PUBLIC`` for an organization's public contact address).
This module only inspects models; it never queries the database.
"""

from django.conf import settings
from django.db import models

PERSONAL_NAMES = {
    "first_name",
    "last_name",
    "phone",
    "mobile",
    "function",
    "birth_date",
    "date_of_birth",
    "ip",
    "ip_address",
}
#: A link to the account under one of these names makes the row "about one person".
PERSON_LINKS = {"user", "requester", "person", "participant", "registrant", "member", "visitor"}
PERSONAL_SUFFIXES = ("_email", "_phone", "_ip")
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def _concrete_fields(model):
    """Fields stored on the model (and its own many-to-many), not reverse relations."""
    return [
        f
        for f in model._meta.get_fields()
        if getattr(f, "concrete", False) or (f.many_to_many and not f.auto_created)
    ]


def _links_to_user(field) -> bool:
    related = getattr(field, "related_model", None)
    return related is not None and related._meta.label == settings.AUTH_USER_MODEL


def is_person_record(model) -> bool:
    if model._meta.label == settings.AUTH_USER_MODEL:
        return True
    for f in _concrete_fields(model):
        if f.name in {"first_name", "last_name"}:
            return True
        if f.name in PERSON_LINKS and f.is_relation and _links_to_user(f):
            return True
    return False


def _is_personal(f, person: bool) -> bool:
    if isinstance(f, (models.EmailField, models.GenericIPAddressField)):
        return True
    if f.is_relation:
        return _links_to_user(f)
    if f.name in PERSONAL_NAMES or f.name.endswith(PERSONAL_SUFFIXES):
        return True
    return person and isinstance(f, TEXT_FIELDS) and not f.choices


def personal_fields(model) -> list[str]:
    """Names of the fields of ``model`` that the rule above calls personal."""
    person = is_person_record(model)
    names = []
    for f in _concrete_fields(model):
        if not getattr(f, "primary_key", False) and _is_personal(f, person):
            names.append(f.name)
    return names
