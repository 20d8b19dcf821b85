"""Public pages: cycles (with the visitor's own registration, if any), registration, a
registration's own page reached by its signed link. Withdrawing takes two steps without
JavaScript: a GET shows what will happen, the POST of that page does it."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.params import id_param
from privacy.models import Consent
from privacy.services.consent import record_consent

from .. import ical, mine, pdf, services
from ..errors import IntervisionError
from ..forms import RegistrationForm
from ..models import CreditNote, Cycle, Group, Registration
from ..services.attendance import certificate_facts
from ..services.calendar import host_address
from ..services.composition import waiting_group
from .common import attended, file_response


def home(request):
    cycles = Cycle.objects.exclude(status=Cycle.Status.DRAFT).filter(anonymised_at__isnull=True)
    mine, facilitated = [], []
    if request.user.is_authenticated:
        facilitated = (
            Group.objects.filter(
                Q(facilitator_social=request.user) | Q(facilitator_mental_health=request.user),
                cancelled=False,
                cycle__anonymised_at__isnull=True,
            )
            .select_related("cycle")
            .order_by("-cycle__start_date", "name")
        )
        mine = (
            Registration.objects.personal()
            .filter(user=request.user)
            .select_related("cycle", "group")
            .order_by("-created_at")
        )
        mine = [(r, services.page_token(r)) for r in mine]
    return render(
        request,
        "intervisions/home.html",
        {"cycles": cycles, "mine": mine, "facilitated": facilitated},
    )


def cycle_detail(request, pk: int):
    cycle = get_object_or_404(Cycle, pk=pk)
    if cycle.status == Cycle.Status.DRAFT and not request.user.is_authenticated:
        raise Http404
    if cycle.status == Cycle.Status.DRAFT and not request.user.is_coordinator:
        raise Http404
    groups = cycle.groups.filter(cancelled=False).select_related(
        "facilitator_social", "facilitator_mental_health"
    )
    return render(
        request,
        "intervisions/cycle_detail.html",
        {"cycle": cycle, "groups": groups, "mine": mine.registration_in(cycle, request.user)},
    )


def register(request, pk: int):
    cycle = get_object_or_404(Cycle, pk=pk)
    if mine.registration_in(cycle, request.user):
        messages.info(request, _("You are already registered for this cycle."))
        return redirect("intervisions:cycle", pk=cycle.pk)
    if not cycle.accepts_registrations():
        messages.error(request, IntervisionError("registration_closed").message)
        return redirect("intervisions:cycle", pk=cycle.pk)
    initial = {}
    if request.user.is_authenticated:
        user = request.user
        initial = {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "phone": user.phone,
            "function": user.function,
        }
        orgs = list(user.organization_ids())
        if len(orgs) == 1:
            initial["organization"] = orgs[0]
    form = RegistrationForm(request.POST or None, cycle=cycle, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.register(
                cycle,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                phone=data["phone"],
                function=data["function"],
                organization=data["organization"],
                proposed_organization={"name": data["new_organization"].strip()},
                sector=data["sector"],
                language=data["language"],
                preferences=data["preferences"],
                member_declared=data["member_declared"],
                commitment=data["commitment"],
                consent=data["consent"],
                user=request.user,
            )
        except IntervisionError as error:
            field = {
                "already_registered": "email",
                "no_commitment": "commitment",
                "no_consent": "consent",
                "no_institution": "organization",
                "other_language": "choice_1",
                "group_cancelled": "choice_1",
                "unknown_group": "choice_1",
                "no_preferences": "choice_1",
                "duplicate_preference": "choice_1",
            }.get(error.code)
            form.add_error(field, error.message)
        else:
            record_consent(request.user, Consent.Context.INTERVISION_REGISTRATION, registration)
            messages.success(
                request,
                _(
                    "Thank you, your registration is recorded. A confirmation has been sent to %(email)s."
                )
                % {"email": registration.email},
            )
            return redirect("intervisions:my_registration", token=services.page_token(registration))
    return render(request, "intervisions/register.html", {"cycle": cycle, "form": form})


def _by_token(token: str, *, feed: bool = False) -> Registration:
    registration = services.registration_from_token(token, feed=feed)
    if registration is None:
        raise Http404
    return registration


def my_registration(request, token: str):
    registration = _by_token(token)
    group = registration.group if registration.cycle.is_published else None
    sessions = []
    if group is not None:
        for s in group.sessions.select_related("host").prefetch_related(
            "presentations__registration"
        ):
            sessions.append((s, host_address(s), [p.registration for p in s.presentations.all()]))
    context = {
        "registration": registration,
        "token": token,
        "group": group,
        "sessions": sessions,
        "waiting": waiting_group(registration) if registration.cycle.is_published else None,
        "feed_token": services.feed_token(registration),
        "invoice": registration.live_invoice,
        "credited": registration.credited_invoices,
        "attended": attended(registration)[0],
    }
    return render(request, "intervisions/my_registration.html", context)


def withdraw(request, token: str):
    """GET: "do you really want to withdraw?"; POST (from that page): withdraw."""
    registration = _by_token(token)
    if request.method != "POST":
        if registration.status not in mine.ACTIVE:
            messages.error(request, IntervisionError("not_active").message)
            return redirect("intervisions:my_registration", token=token)
        context = mine.describe(registration)
        return render(request, "intervisions/withdraw_confirm.html", context)
    try:
        services.withdraw(registration)
    except IntervisionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have withdrawn from the cycle. Your seat is freed."))
    return redirect("intervisions:my_registration", token=token)


def feed(request, token: str):
    registration = _by_token(token, feed=True)
    response = HttpResponse(
        ical.registration_calendar(registration), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=3600"
    return response


def ics(request, token: str):
    registration = _by_token(token)
    return file_response(
        ical.registration_calendar(registration), "intervisions.ics", "text/calendar"
    )


def invoice_pdf(request, token: str):
    """The live invoice; ``?invoice=<id>``: one of the registration's former invoices (it says
    it is cancelled); ``?credit_note=<id>``: the credit note that cancelled one."""
    registration = _by_token(token)
    if "credit_note" in request.GET:
        note = get_object_or_404(
            CreditNote.objects.select_related("invoice"),
            pk=id_param(request, "credit_note"),
            invoice__registration=registration,
        )
        content = pdf.credit_note(note)
        return file_response(content, f"credit-note-{note.number}.pdf", "application/pdf")
    if "invoice" in request.GET:
        invoice = get_object_or_404(registration.invoices, pk=id_param(request, "invoice"))
    else:
        invoice = registration.live_invoice
    if invoice is None:
        raise Http404
    return file_response(pdf.invoice(invoice), f"invoice-{invoice.number}.pdf", "application/pdf")


def certificate_pdf(request, token: str):
    registration = _by_token(token)
    try:
        facts = certificate_facts(registration)
    except IntervisionError:
        raise Http404 from None  # no session held or attended yet: no certificate
    return file_response(pdf.certificate(facts), "certificate.pdf", "application/pdf")


def my_data(request, token: str):
    """The person's own data (GDPR access), as JSON."""
    from django.http import JsonResponse

    r = _by_token(token)
    data = {
        "cycle": str(r.cycle),
        "first_name": r.first_name,
        "last_name": r.last_name,
        "email": r.email,
        "phone": r.phone,
        "function": r.function,
        "institution": r.organization.name,
        "sector": r.sector,
        "language": r.language,
        "preferences": [g.name for g in r.preferred_groups()],
        "member_of_the_network": r.is_member,
        "fee": str(r.fee),
        "status": r.status,
        "group": r.group.name if r.group_id and r.cycle.is_published else None,
        "registered_at": r.created_at.isoformat(),
        "consent_at": r.consent_at.isoformat(),
        "consent_version": r.consent_version,
        "attendance": [
            {"date": a.session.date.isoformat(), "status": a.status}
            for a in r.attendances.select_related("session").order_by("session__date")
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-intervision-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response
