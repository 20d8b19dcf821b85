"""Accounts: a professional's login (by e-mail), role on the platform, and memberships of
organizations of the directory.

State changes of a membership go through ``accounts.services`` only (one door); this module
never sends e-mail nor writes other models.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, role=User.Role.COORDINATOR)
        return self._create_user(email, password, **extra)

    def coordinators(self):
        return self.filter(role=User.Role.COORDINATOR, is_active=True)


class User(AbstractUser):
    """A person with a login. Professionals, facilitators and coordinators are all users."""

    class Role(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional")
        FACILITATOR = "facilitator", _("Facilitator")
        COORDINATOR = "coordinator", _("Coordinator (network staff)")

    username = None
    #: Login identifier, unique, stored lower-case.
    email = models.EmailField(_("e-mail address"), unique=True)
    #: Role on the platform; organization-level rights come from memberships.
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.PROFESSIONAL)
    #: Job title, e.g. "assistante sociale", "psychologue".
    function = models.CharField(_("function"), max_length=120, blank=True)
    #: Professional phone number (never a beneficiary's).
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    #: Languages spoken, as codes ("fr", "nl", "en", "ar"...).
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    #: Preferred interface language, used for e-mails.
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="fr"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR or self.is_superuser

    @property
    def is_facilitator(self) -> bool:
        return self.role == self.Role.FACILITATOR

    def administered_organization_ids(self) -> set:
        return set(
            self.memberships.accepted()
            .filter(is_admin=True)
            .values_list("organization_id", flat=True)
        )

    def organization_ids(self) -> set:
        return set(self.memberships.accepted().values_list("organization_id", flat=True))


class MembershipQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Membership.Status.PENDING)

    def accepted(self):
        return self.filter(status=Membership.Status.ACCEPTED)

    def administrators(self):
        return self.accepted().filter(is_admin=True)


class Membership(models.Model):
    """A user's link to an organization of the directory: asked, then accepted or refused."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")

    #: The member.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("member"),
    )
    #: The organization (the directory's spine).
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organization"),
    )
    #: Only changed through accounts.services (request, accept, refuse).
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, editable=False
    )
    #: An organization administrator accepts members and edits the organization's sheets.
    is_admin = models.BooleanField(_("organization administrator"), default=False)
    #: Free text from the person asking ("I work at the social service since 2023").
    message = models.TextField(_("message"), blank=True)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(
        pgettext_lazy("membership request", "decided at"), null=True, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    #: Why a request was refused, shown to the person.
    refusal_reason = models.TextField(_("refusal reason"), blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} → {self.organization} ({self.get_status_display()})"
