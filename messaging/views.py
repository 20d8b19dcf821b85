"""Pages of the messaging app: write to an audience (compose, preview with the number of
recipients, confirm) and the history of what was sent. Thin: every decision is in
``messaging.services``; permission refused gives a 403, an unknown id a 404, an unknown audience
in a link a 400 and in a form a form error."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.params import BadParameter
from events.models import Event
from intervisions.models import Cycle

from . import services
from .errors import MessagingError
from .forms import ConfirmForm, MessageForm


def _allowed(request, target):
    if not services.can_write(request.user, target):
        raise PermissionDenied
    return target


def _pages(target) -> dict:
    """Where the page links to: back to the event or the cycle's management page, history."""
    if isinstance(target, Event):
        return {
            "back_url": target.get_absolute_url(),
            "write_url": reverse("messaging:write_event", args=[target.pk]),
            "history_url": reverse("messaging:event_history", args=[target.pk]),
        }
    return {
        "back_url": reverse("intervisions:manage_cycle", args=[target.pk]),
        "write_url": reverse("messaging:write_cycle", args=[target.pk]),
        "history_url": reverse("messaging:cycle_history", args=[target.pk]),
    }


@login_required
def write_event(request, pk: int):
    return _write(request, _allowed(request, get_object_or_404(Event, pk=pk)))


@login_required
def write_cycle(request, pk: int):
    return _write(request, _allowed(request, get_object_or_404(Cycle, pk=pk)))


def _write(request, target):
    choices = services.choices(target)
    context = {"target": target, **_pages(target)}
    if request.method != "POST":
        wanted = request.GET.get("audience")
        if wanted is not None and wanted not in {c.value for c in choices}:
            raise BadParameter(_("This audience does not exist for this page."))
        form = MessageForm(initial={"audience": wanted}, choices=choices)
        return render(request, "messaging/compose.html", {**context, "form": form})
    step = request.POST.get("step", "preview")
    if step == "edit":
        form = MessageForm(
            initial={k: request.POST.get(k, "") for k in ("audience", "subject", "body")},
            choices=choices,
        )
        return render(request, "messaging/compose.html", {**context, "form": form})
    if step == "send":
        return _send(request, target, choices, context)
    form = MessageForm(request.POST, choices=choices)
    if form.is_valid():
        data = form.cleaned_data
        try:
            preview = services.preview(
                request.user, target, data["audience"], data["subject"], data["body"]
            )
        except MessagingError as error:
            form.add_error(None, error.message)
        else:
            confirm = ConfirmForm(
                initial={
                    "audience": preview.choice.value,
                    "subject": preview.subject,
                    "body": preview.body,
                    "token": preview.token,
                },
                choices=choices,
            )
            sample = services.sample(request.user, target, preview)
            return render(
                request,
                "messaging/preview.html",
                {**context, "preview": preview, "confirm": confirm, "sample": sample},
            )
    return render(request, "messaging/compose.html", {**context, "form": form}, status=400)


def _send(request, target, choices, context):
    form = ConfirmForm(request.POST, choices=choices)
    if form.is_valid():
        data = form.cleaned_data
        try:
            message, created = services.send_message(
                request.user,
                target,
                data["audience"],
                data["subject"],
                data["body"],
                data["token"],
            )
        except MessagingError as error:
            form.add_error(None, error.message)
        else:
            if created:
                messages.success(
                    request,
                    ngettext(
                        "The message is being sent to %(n)s person.",
                        "The message is being sent to %(n)s people.",
                        message.recipient_count,
                    )
                    % {"n": message.recipient_count},
                )
            else:
                messages.info(request, _("This message was already sent; it was not sent again."))
            return redirect(context["history_url"])
    # Back to the editable form, with what was typed.
    editable = MessageForm(request.POST, choices=choices)
    editable.is_valid()
    for error in form.non_field_errors():
        editable.add_error(None, error)
    if "token" in form.errors:
        editable.add_error(None, MessagingError("bad_token").message)
    return render(request, "messaging/compose.html", {**context, "form": editable}, status=400)


@login_required
def event_history(request, pk: int):
    return _history(request, _allowed(request, get_object_or_404(Event, pk=pk)))


@login_required
def cycle_history(request, pk: int):
    return _history(request, _allowed(request, get_object_or_404(Cycle, pk=pk)))


def _history(request, target):
    page = Paginator(services.history(request.user, target), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "messaging/history.html",
        {"target": target, "page": page, "sent": page.object_list, **_pages(target)},
    )
