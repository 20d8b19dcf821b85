"""Helpdesk use cases: submit a request, triage it (one door for the status), answer it with
directory services, record the orientation links, ask for feedback, purge old free text.

The only module of the app that writes models, owns transactions and locking and sends
notifications. Free texts are refused while the PII guard finds personal data in them.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError
from core.links import absolute_url
from core.notifications import notify

from .guard import findings
from .models import FREE_TEXT_FIELDS, AnswerService, HelpRequest, OrientationLink
from .workdays import working_hours

Status = HelpRequest.Status

#: Allowed status changes (the state machine). Anything else is refused.
TRANSITIONS = {
    Status.NEW: {Status.IN_PROGRESS, Status.ANSWERED, Status.NO_SOLUTION, Status.CLOSED},
    Status.IN_PROGRESS: {Status.NEW, Status.ANSWERED, Status.NO_SOLUTION, Status.CLOSED},
    Status.ANSWERED: {Status.IN_PROGRESS, Status.CLOSED},
    Status.NO_SOLUTION: {Status.IN_PROGRESS, Status.CLOSED},
    Status.CLOSED: set(),
}
MAX_ANSWER_SERVICES = 10


def target_hours() -> float:
    """Target answer time in working hours (default one working day)."""
    return float(getattr(settings, "HELPDESK_TARGET_WORKING_HOURS", 8))


def retention_days() -> int:
    return int(getattr(settings, "HELPDESK_RETENTION_DAYS", 90))


class HelpdeskError(ServiceError):
    messages = {
        "pii": _(
            "The text still contains personal data of the person you accompany. Remove it "
            "before saving."
        ),
        "transition": _("A request that is “%(current)s” cannot become “%(target)s”."),
        "not_coordinator": _("Only a network coordinator can do this."),
        "no_services": _("Pick at least one service from the directory to answer."),
        "too_many_services": _("Pick at most %(max)s services."),
        "no_gap": _("Describe in a few words what is missing in the offer."),
        "not_requester": _("Only the person who asked can say whether the answer helped."),
        "no_feedback_yet": _("You can give your opinion once the request has been answered."),
        "bad_need": _("Choose a need from the list."),
    }


def _check_free_texts(**texts):
    for name, text in texts.items():
        if text and findings(text):
            raise HelpdeskError("pii", field=name)


def _basin_of(municipality):
    if municipality is None:
        return None
    basins = list(municipality.basins.all()[:2])
    return basins[0] if len(basins) == 1 else None


@transaction.atomic
def submit_request(*, requester, data: dict, tried_services=(), logged_by=None) -> HelpRequest:
    """Save a new request. ``data`` holds the form's cleaned fields."""
    from orientation.needs import is_need

    if not is_need(data.get("need", "")):
        raise HelpdeskError("bad_need")
    _check_free_texts(
        situation=data.get("situation", ""),
        tried_text=data.get("tried_text", ""),
        answer_when=data.get("answer_when", ""),
    )
    municipality = data.get("municipality")
    organization = data.get("organization")
    if organization is None and requester is not None:
        membership = requester.memberships.accepted().select_related("organization").first()
        organization = membership.organization if membership else None
    request = HelpRequest.objects.create(
        requester=requester,
        organization=organization,
        channel=HelpRequest.Channel.PHONE if logged_by else HelpRequest.Channel.PLATFORM,
        logged_by=logged_by,
        situation=data.get("situation", ""),
        need=data["need"],
        public=data.get("public", ""),
        municipality=municipality,
        basin=data.get("basin") or _basin_of(municipality),
        urgency=data.get("urgency") or HelpRequest.Urgency.NORMAL,
        tried_text=data.get("tried_text", ""),
        answer_by=data.get("answer_by") or HelpRequest.AnswerBy.EMAIL,
        answer_when=data.get("answer_when", ""),
    )
    if tried_services:
        request.tried_services.set(tried_services)
    return request


def _locked(request: HelpRequest) -> HelpRequest:
    return HelpRequest.objects.select_for_update().get(pk=request.pk)


def _require_coordinator(user):
    if not (user and user.is_authenticated and user.is_coordinator):
        raise HelpdeskError("not_coordinator")


def transition(
    request: HelpRequest, target: str, *, by, now=None, system: bool = False
) -> HelpRequest:
    """The one door for a request's status. Call inside a transaction (it locks the row).
    ``system`` is for the retention purge only (no coordinator behind it)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("transition() must run inside a transaction")
    if not system:
        _require_coordinator(by)
    locked = _locked(request)
    current = Status(locked.status)
    if target not in TRANSITIONS[current]:
        raise HelpdeskError("transition", current=current.label, target=Status(target).label)
    now = now or timezone.now()
    locked.status = target
    fields = ["status"]
    if target in (Status.ANSWERED, Status.NO_SOLUTION, Status.CLOSED):
        locked.finished_at = now
        fields.append("finished_at")
        if target in (Status.ANSWERED, Status.NO_SOLUTION) and locked.answered_at is None:
            locked.answered_at = now
            locked.waiting_hours = waiting_hours_between(locked.created_at, now)
            fields += ["answered_at", "waiting_hours"]
    else:
        locked.finished_at = None
        fields.append("finished_at")
    if target == Status.IN_PROGRESS and locked.assignee_id is None and by is not None:
        locked.assignee = by
        fields.append("assignee")
    locked.save(update_fields=fields)
    return locked


def waiting_hours_between(start, end) -> float:
    local = timezone.get_current_timezone()
    return working_hours(
        timezone.localtime(start, local).replace(tzinfo=None),
        timezone.localtime(end, local).replace(tzinfo=None),
    )


def waiting_so_far(request: HelpRequest, now=None) -> float:
    if request.waiting_hours is not None:
        return request.waiting_hours
    return waiting_hours_between(request.created_at, now or timezone.now())


@transaction.atomic
def take(request: HelpRequest, *, by) -> HelpRequest:
    locked = transition(request, Status.IN_PROGRESS, by=by)
    locked.assignee = by
    locked.save(update_fields=["assignee"])
    return locked


@transaction.atomic
def assign(request: HelpRequest, assignee, *, by) -> HelpRequest:
    _require_coordinator(by)
    if assignee is not None and not assignee.is_coordinator:
        raise HelpdeskError("not_coordinator")
    locked = _locked(request)
    locked.assignee = assignee
    locked.save(update_fields=["assignee"])
    return locked


@transaction.atomic
def answer(request: HelpRequest, *, by, services, text: str = "", now=None) -> HelpRequest:
    """Answer with directory services: each one records an orientation link from the
    requester's organization to that service; the requester is told by e-mail."""
    services = list(dict.fromkeys(services))
    if not services:
        raise HelpdeskError("no_services")
    if len(services) > MAX_ANSWER_SERVICES:
        raise HelpdeskError("too_many_services", max=MAX_ANSWER_SERVICES)
    _check_free_texts(answer_text=text)
    now = now or timezone.now()
    locked = transition(request, Status.ANSWERED, by=by, now=now)
    locked.answer_text = text
    if locked.assignee_id is None:
        locked.assignee = by
    locked.save(update_fields=["answer_text", "assignee"])
    AnswerService.objects.bulk_create(
        [AnswerService(request=locked, service=s, position=i) for i, s in enumerate(services)],
        ignore_conflicts=True,
    )
    if locked.organization_id:
        OrientationLink.objects.bulk_create(
            [
                OrientationLink(
                    from_organization_id=locked.organization_id,
                    to_service=s,
                    request=locked,
                    created_on=timezone.localdate(now),
                )
                for s in services
            ]
        )
    _notify_requester(locked, "helpdesk/email/answered")
    return locked


@transaction.atomic
def no_solution(request: HelpRequest, *, by, gap: str, now=None) -> HelpRequest:
    """Nothing in the directory meets the need: the gap is described in words, no person."""
    if not (gap or "").strip():
        raise HelpdeskError("no_gap")
    _check_free_texts(gap_description=gap)
    locked = transition(request, Status.NO_SOLUTION, by=by, now=now)
    locked.gap_description = gap.strip()
    locked.save(update_fields=["gap_description"])
    _notify_requester(locked, "helpdesk/email/no_solution")
    return locked


@transaction.atomic
def close(request: HelpRequest, *, by) -> HelpRequest:
    return transition(request, Status.CLOSED, by=by)


@transaction.atomic
def reopen(request: HelpRequest, *, by) -> HelpRequest:
    return transition(request, Status.IN_PROGRESS, by=by)


@transaction.atomic
def give_feedback(request: HelpRequest, *, user, helped: bool) -> HelpRequest:
    locked = _locked(request)
    if locked.requester_id != user.pk:
        raise HelpdeskError("not_requester")
    if locked.status not in (Status.ANSWERED, Status.NO_SOLUTION, Status.CLOSED) or (
        locked.answered_at is None
    ):
        raise HelpdeskError("no_feedback_yet")
    locked.helped = bool(helped)
    locked.save(update_fields=["helped"])
    return locked


def _notify_requester(request: HelpRequest, template: str):
    requester = request.requester
    if requester is None:
        return
    context = {"request": request, "request_id": request.pk, "site_url": absolute_url("")}
    transaction.on_commit(lambda: notify([requester], template, context))


def purge_free_text(*, days: int | None = None, now=None) -> int:
    """Empty the free texts of requests finished more than ``days`` ago (default the
    HELPDESK_RETENTION_DAYS setting, 90); the classification stays for the statistics."""
    days = retention_days() if days is None else days
    now = now or timezone.now()
    before = now - dt.timedelta(days=days)
    purged = 0
    with transaction.atomic():
        # An answered request that nobody closed is closed by the purge (through the door).
        for request in HelpRequest.objects.to_purge(before).filter(status=Status.ANSWERED):
            finished_at = request.finished_at
            transition(request, Status.CLOSED, by=None, now=now, system=True)
            HelpRequest.objects.filter(pk=request.pk).update(finished_at=finished_at)
        ids = list(HelpRequest.objects.to_purge(before).values_list("pk", flat=True))
        if ids:
            purged = HelpRequest.objects.filter(pk__in=ids).update(
                **dict.fromkeys(FREE_TEXT_FIELDS, ""), purged_at=now
            )
    return purged
