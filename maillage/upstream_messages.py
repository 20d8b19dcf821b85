"""Messages of Django and django-allauth that the project's catalogue translates itself.

Django falls back to the default language (French) when a Dutch translation is missing: a Dutch
sign-up page said "Ce mot de passe est trop court", because Django 5.2's Dutch catalogue still
carries the old msgid of the password-length message. allauth's Dutch also says "je" where the
platform says "u". The msgids below are copied exactly from the upstream source so that
``makemessages`` keeps them in ``maillage/locale``; ``LOCALE_PATHS`` comes before the
packages' catalogues, so these translations win. ``accounts/tests/test_errors_in_dutch.py`` shows
each of them on a Dutch page.

This module is only read by ``makemessages``: nothing imports it.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO = [
    # django/contrib/auth/password_validation.py, MinimumLengthValidator
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    # UserAttributeSimilarityValidator (Dutch: "lijkt te veel op de e-mailadres")
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    # django/db/models/fields/related.py, ForeignKey.validate
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
]

ALLAUTH = [
    # allauth/account/adapter.py: the errors of sign-up, sign-in and passwords
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Please type your current password."),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("You must type the same email each time."),
]
