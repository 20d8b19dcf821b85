"""The coordinators' dashboard figures, computed from the bookings (read only).

Rates: cancellation = cancelled / (confirmed + cancelled) bookings; no-show = absent /
(present + absent) among confirmed visits whose attendance was recorded.
"""

from collections import Counter, defaultdict

from booking.models import Booking

from ..models import Evaluation, Participation, Slot, Visit

C, X = Booking.Status.CONFIRMED, Booking.Status.CANCELLED


def _rate(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


class _Tally:
    def __init__(self):
        self.confirmed = self.cancelled = self.present = self.absent = 0

    def add(self, visit):
        if visit.booking.status == C:
            self.confirmed += 1
            if visit.attendance == Visit.Attendance.PRESENT:
                self.present += 1
            elif visit.attendance == Visit.Attendance.ABSENT:
                self.absent += 1
        elif visit.booking.status == X:
            self.cancelled += 1

    def row(self, label):
        return {
            "label": label,
            "visits": self.confirmed,
            "cancelled": self.cancelled,
            "cancellation_rate": _rate(self.cancelled, self.confirmed + self.cancelled),
            "absent": self.absent,
            "no_show_rate": _rate(self.absent, self.present + self.absent),
        }


def dashboard(edition) -> dict:
    visits = list(
        Visit.objects.filter(
            slot__participation__edition=edition, booking__isnull=False
        ).select_related("booking", "slot__participation__service__organization", "organization")
    )
    total, by_day, by_service, by_slot = (
        _Tally(),
        defaultdict(_Tally),
        defaultdict(_Tally),
        defaultdict(_Tally),
    )
    slot_label = {}
    for visit in visits:
        slot = visit.slot
        service = slot.participation.service
        for tally in (
            total,
            by_day[slot.day],
            by_service[f"{service} ({service.organization})"],
            by_slot[slot.pk],
        ):
            tally.add(visit)
        slot_label[slot.pk] = (
            f"{slot.participation.service} · {slot.day:%d/%m} {slot.start_time:%H:%M}"
        )
    confirmed = [v for v in visits if v.booking.status == C]
    evaluations = list(Evaluation.objects.filter(visit__slot__participation__edition=edition))
    orient = Counter(e.will_orient for e in evaluations)
    usefulness = Counter(e.usefulness for e in evaluations)
    return {
        "services": Participation.objects.validated().filter(edition=edition).count(),
        "slots": Slot.objects.in_programme().filter(participation__edition=edition).count(),
        "professionals": len({(v.visitor_id, v.anonymous_key) for v in confirmed}),
        "totals": total.row(""),
        "by_day": [by_day[d].row(d) for d in sorted(by_day)],
        "by_service": sorted((t.row(k) for k, t in by_service.items()), key=lambda r: r["label"]),
        "by_slot": [
            by_slot[k].row(slot_label[k]) for k in sorted(by_slot, key=lambda k: slot_label[k])
        ],
        "evaluations": len(evaluations),
        "usefulness_mean": round(sum(e.usefulness for e in evaluations) / len(evaluations), 2)
        if evaluations
        else None,
        "usefulness": [(score, usefulness[score]) for score in range(1, 6)],
        "orient": [(code, label, orient[code]) for code, label in Evaluation.Orient.choices],
        "pairs": organization_pairs(edition, confirmed),
    }


def organization_pairs(edition, confirmed_visits) -> list[dict]:
    """Visitor's organization -> host's organization pairs that met (not marked absent), with
    ``new`` when they never met at an earlier edition (the network map reads these)."""
    met = Counter()
    names = {}
    for visit in confirmed_visits:
        if visit.organization_id is None or visit.attendance == Visit.Attendance.ABSENT:
            continue
        host = visit.slot.participation.service.organization
        if host.pk == visit.organization_id:
            continue
        met[(visit.organization_id, host.pk)] += 1
        names[visit.organization_id], names[host.pk] = str(visit.organization), str(host)
    earlier = set(
        Visit.objects.confirmed()
        .filter(slot__participation__edition__starts_on__lt=edition.starts_on)
        .exclude(attendance=Visit.Attendance.ABSENT)
        .values_list("organization_id", "slot__participation__service__organization_id")
    )
    return [
        {"visitor": names[a], "host": names[b], "visits": n, "new": (a, b) not in earlier}
        for (a, b), n in sorted(met.items(), key=lambda item: (-item[1], names[item[0][0]]))
    ]
