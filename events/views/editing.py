"""Organizers create and edit events (coordinators and members of an organization); saving
goes through events.services.save_event, so seats follow the capacity."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.errors import ServiceError

from .. import services
from ..forms import EventForm
from ..models import Event


@login_required
def edit(request, pk=None):
    event = get_object_or_404(Event, pk=pk) if pk else Event()
    allowed = services.can_manage(request.user, event) if pk else services.can_create(request.user)
    if not allowed:
        raise PermissionDenied
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                event = form.save(commit=False)
                services.save_event(event, user=request.user)
                services.save_event_option(
                    event,
                    form.cleaned_data["option_label"].strip(),
                    form.cleaned_data["option_capacity"],
                )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Event saved."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": event if pk else None})
