"""``{% messaging_panel event %}`` (or a cycle, or a group): the "Write to the participants"
button and the last messages sent, for the people allowed to write; nothing for anyone else.
Other apps' pages include it with one line; it only reads."""

from django import template
from django.urls import reverse

from intervisions.models import Cycle, Group

from .. import services
from ..models import Message

register = template.Library()

LAST = 3


@register.inclusion_tag("messaging/_panel.html", takes_context=True)
def messaging_panel(context, target):
    request = context.get("request")
    user = getattr(request, "user", None)
    if isinstance(target, Group):
        cycle, group = target.cycle, target
    elif isinstance(target, Cycle):
        cycle, group = target, None
    else:
        cycle, group = None, None
    if not services.can_write(user, cycle or target):
        return {"show": False}
    if cycle is None:
        write_url = reverse("messaging:write_event", args=[target.pk])
        history_url = reverse("messaging:event_history", args=[target.pk])
    else:
        write_url = reverse("messaging:write_cycle", args=[cycle.pk])
        if group is not None:
            write_url += f"?audience={services.GROUP_PREFIX}{group.pk}"
        history_url = reverse("messaging:cycle_history", args=[cycle.pk])
    sent = Message.objects.about(target).select_related("sender", "group")
    return {
        "show": True,
        "write_url": write_url,
        "history_url": history_url,
        "sent": list(sent[:LAST]),
        "more": sent.count() > LAST,
        "can_write_group": group is None or (cycle.is_published and not group.cancelled),
    }
