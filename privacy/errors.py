"""Every user-facing error of the privacy app, in one place."""

from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError


class PrivacyError(ServiceError):
    messages = {
        "hand_over": _(
            "You are the only administrator of %(organizations)s. Before erasing your account, "
            "make another member administrator (or ask a coordinator to), so that the "
            "organization keeps someone who can manage it."
        ),
        "wrong_password": _("The password is not correct."),
        "confirm": _("Please tick the box to confirm that you want to erase your account."),
        "coordinator": _(
            "A coordinator account cannot erase itself: ask another coordinator to take it over "
            "and remove your role first."
        ),
    }
