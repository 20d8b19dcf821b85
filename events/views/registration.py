"""Registering and cancelling: the views parse the form, call events.services and show the
service's message (EventError / BookingError); they never decide about seats. Cancelling takes
two steps without JavaScript: a GET shows what will be cancelled, the POST of that page does it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.errors import ServiceError
from privacy.models import Consent
from privacy.services.consent import record_consent

from .. import services
from ..errors import EventError
from ..forms import GuestRegistrationForm, MemberRegistrationForm
from ..mine import describe
from ..models import Event


def _confirmation(request, registration):
    if registration.booking.is_confirmed:
        messages.success(request, _("You are registered. A confirmation e-mail is on its way."))
    else:
        messages.info(
            request,
            _(
                "The event is full: you are number %(position)s on the waiting list. "
                "We will e-mail you if a seat is freed."
            )
            % {"position": registration.booking.waiting_position()},
        )


def register(request, pk):
    event = get_object_or_404(Event.objects.visible(), pk=pk)
    if request.user.is_authenticated and services.registration_for(event, user=request.user):
        messages.info(request, _("You are already registered for this event."))
        return redirect(event)
    form_class = MemberRegistrationForm if request.user.is_authenticated else GuestRegistrationForm
    form = form_class(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if request.user.is_authenticated:
                registration = services.register(
                    event,
                    user=request.user,
                    options=data.get("options") or (),
                    table_choice=data.get("table_choice"),
                )
            else:
                registration = services.register(
                    event,
                    name=data["name"],
                    email=data["email"],
                    organization=data.get("organization"),
                    organization_name=data.get("organization_name", ""),
                    language=get_language() or "fr",
                    options=data.get("options") or (),
                    table_choice=data.get("table_choice"),
                    consent=data["consent"],
                )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            _confirmation(request, registration)
            record_consent(request.user, Consent.Context.EVENT_REGISTRATION, registration)
            if request.user.is_authenticated:
                return redirect(event)
            return render(
                request, "events/registered.html", {"event": event, "registration": registration}
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "events/register.html", {"event": event, "form": form}, status=status)


def cancel(request, pk):
    """GET: "do you really want to cancel?"; POST (from that page): cancel."""
    event = get_object_or_404(Event, pk=pk)
    registration = (
        services.registration_for(event, user=request.user)
        if request.user.is_authenticated
        else None
    )
    if registration is None:
        messages.error(request, EventError("no_registration_to_cancel").message)
        return redirect(event)
    if request.method != "POST":
        mine = describe(registration)
        if not mine["can_cancel"]:
            messages.error(request, EventError("cancellation_closed").message)
            return redirect(event)
        return render(request, "events/cancel_confirm.html", mine)
    try:
        services.cancel_registration(registration)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(event)


def cancel_by_token(request, token):
    from ..links import read_cancel_token
    from ..models import Registration

    data = read_cancel_token(token) or {}
    registration = (
        Registration.objects.select_related("event", "booking")
        .filter(pk=data.get("r"), email=data.get("e"))
        .first()
    )
    error = None
    done = False
    if registration is None:
        error = EventError("invalid_token").message
    elif request.method == "POST":
        try:
            services.cancel_by_token(token)
            done = True
        except ServiceError as exc:
            error = exc.message
    return render(
        request,
        "events/cancel_token.html",
        {
            "registration": registration,
            "error": error,
            "done": done,
        },
        status=400 if error else 200,
    )
