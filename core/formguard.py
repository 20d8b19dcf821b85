"""One guard for every model choice of every form: an id too large for the database is an
invalid choice (a form error), not a server error.

Django's ``ModelChoiceField`` and ``ModelMultipleChoiceField`` turn a malformed id into a form
error, but a well-formed integer above 2**63 reaches the database, where SQLite raises
``OverflowError`` (PostgreSQL a data error). ``install()`` (from ``CoreConfig.ready``) makes both
fields refuse such values before any query. This module changes no other behaviour.
"""

from django import forms
from django.core.exceptions import ValidationError

LIMIT = 2**63 - 1


def _too_large(value) -> bool:
    text = str(value).strip()
    return text.lstrip("-").isdigit() and abs(int(text)) > LIMIT


def install() -> None:
    single = forms.ModelChoiceField.to_python
    multiple = forms.ModelMultipleChoiceField._check_values

    def to_python(self, value):
        if value not in self.empty_values and _too_large(value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return single(self, value)

    def check_values(self, value):
        for item in value or ():
            if _too_large(item):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return multiple(self, value)

    if not getattr(forms.ModelChoiceField, "_maillage_guarded", False):
        forms.ModelChoiceField.to_python = to_python
        forms.ModelMultipleChoiceField._check_values = check_values
        forms.ModelChoiceField._maillage_guarded = True
