"""Messages to participants: the copy kept of every e-mail a coordinator or an event's organizer
sent to an audience (an event's registrants or waiting list, an intervision group, the
facilitators of a cycle).

Only ``messaging.services.send_message`` creates rows; nothing edits them afterwards. The
recipients themselves are not stored (only their count and languages): they are read from the
registrations when the message is sent. This module never sends e-mail.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Audience(models.TextChoices):
    EVENT_REGISTRANTS = "event_registrants", _("Registrants of the event (confirmed seats)")
    EVENT_WAITING = "event_waiting", _("Waiting list of the event")
    GROUP = "group", _("Members and facilitators of an intervision group")
    CYCLE_FACILITATORS = "cycle_facilitators", _("All facilitators of the cycle")


#: Audiences of each kind of target.
EVENT_AUDIENCES = (Audience.EVENT_REGISTRANTS, Audience.EVENT_WAITING)
CYCLE_AUDIENCES = (Audience.GROUP, Audience.CYCLE_FACILITATORS)


class MessageQuerySet(models.QuerySet):
    def about(self, target):
        """Messages of an event, a cycle (all its groups included) or one group."""
        from events.models import Event
        from intervisions.models import Cycle

        if isinstance(target, Event):
            return self.filter(event=target)
        if isinstance(target, Cycle):
            return self.filter(cycle=target)
        return self.filter(group=target)

    def sent_before(self, moment):
        return self.filter(sent_at__lt=moment)


class Message(models.Model):
    """One message sent to one audience; a copy for the coordinators' history."""

    #: Given by the preview step; unique, so that a double submission sends once.
    token = models.UUIDField(_("sending token"), unique=True, editable=False)
    audience = models.CharField(
        pgettext_lazy("message", "audience"), max_length=20, choices=Audience
    )
    #: The event (audiences of an event).
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("event"),
    )
    #: The cycle (audiences of a cycle, a group's included).
    cycle = models.ForeignKey(
        "intervisions.Cycle",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("intervision cycle"),
    )
    #: The group, for the "group" audience.
    group = models.ForeignKey(
        "intervisions.Group",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("intervision group"),
    )
    #: Who sent it (cut when the account is erased).
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    subject = models.CharField(_("subject"), max_length=150)
    #: Plain text, as typed (never rendered as HTML).
    body = models.TextField(_("message"))
    #: How many people it was sent to, and how many in each language ({"fr": 3, "nl": 2}).
    recipient_count = models.PositiveIntegerField(_("recipients"))
    languages = models.JSONField(_("languages of the recipients"), default=dict)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(event__isnull=False, cycle__isnull=True, group__isnull=True)
                    | models.Q(event__isnull=True, cycle__isnull=False)
                ),
                name="messaging_message_one_target",
            ),
        ]

    def __str__(self):
        return self.subject

    @property
    def target(self):
        return self.event if self.event_id else self.cycle

    def history_url(self) -> str:
        if self.event_id:
            return reverse("messaging:event_history", args=[self.event_id])
        return reverse("messaging:cycle_history", args=[self.cycle_id])
