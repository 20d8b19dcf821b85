"""The result of a completed path: a directory search with the path's criteria, ranked, with
the reasons each service fits, how a professional reaches it, and the next step up or down the
stepped-care scale.

Uses the directory only through ``directory.search.engine.search(SearchParams(...))`` and its
public result fields, then reads the few services it returns. Never writes.
"""

import datetime
import time
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Closure, Phone, Schedule, Service, ServiceAtLocation, TaxonomyTerm
from directory.models.service import LANGUAGE_NAMES
from directory.search.engine import SearchParams, search
from territory.models import Basin, Municipality

from .. import ranking
from ..tree import LEVELS, Criteria

#: How many services of the search are ranked (the directory's order first), and shown.
CANDIDATES = 200
SHOWN = 5


@dataclass
class Found:
    """What a path's result page shows."""

    level: str
    services: list  # Service objects with .reasons, .how (dict), in rank order
    total: int  # services of the search, before the age check
    municipality: Municipality | None = None
    basin: Basin | None = None
    #: Adjacent levels with how many services they would give: [(direction, term, count)].
    steps: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.services)


#: Reference rows (taxonomy terms, municipalities) kept per process this many seconds: they
#: change a few times a year, and a result page should not reload them every time.
REFERENCE_TTL = 60
_kept: dict = {}


def _kept_for(key, load):
    value, until = _kept.get(key, (None, 0.0))
    if time.monotonic() >= until:
        value = load()
        _kept[key] = (value, time.monotonic() + REFERENCE_TTL)
    return value


def forget_reference_rows() -> None:
    _kept.clear()


def term_index() -> dict:
    """{"taxonomy:code": term} for every taxonomy term."""
    return _kept_for("terms", _load_terms)


def _load_terms() -> dict:
    return {
        f"{t.taxonomy.code}:{t.code}": t
        for t in TaxonomyTerm.objects.select_related("taxonomy").only(
            "id", "code", "name", "name_fr", "name_nl", "name_en", "taxonomy__code"
        )
    }


def place_of(nis: str) -> tuple[Municipality | None, Basin | None]:
    """The municipality of a NIS code and its basin (None for Brussels-City, in two)."""
    if not nis:
        return None, None
    places = _kept_for("places", _load_places)
    return places.get(nis, (None, None))


def _load_places() -> dict:
    places = {}
    for municipality in Municipality.objects.prefetch_related("basins"):
        basins = list(municipality.basins.all())
        places[municipality.nis_code] = (municipality, basins[0] if len(basins) == 1 else None)
    return places


def search_params(need: str, criteria: Criteria, terms: dict, level: str, per_page: int):
    groups: dict[str, list] = {}
    need_term = terms.get(f"theme:{need}")
    if need_term:
        groups["theme"] = [need_term.id]
    if level and f"stepped_care:{level}" in terms:
        groups["stepped_care"] = [terms[f"stepped_care:{level}"].id]
    for key in criteria.require:
        if key in terms:
            taxonomy = key.split(":", 1)[0]
            groups.setdefault(taxonomy, []).append(terms[key].id)
    served = [criteria.municipality] if criteria.municipality else []
    return SearchParams(terms=groups, served=served, per_page=per_page)


def candidates(ids: list, today: datetime.date) -> list[dict]:
    """The plain dicts ``orientation.ranking`` reads, for these service ids (four queries)."""
    rows = Service.objects.filter(pk__in=ids).values_list(
        "pk", "minimum_age", "maximum_age", "referral_required", "languages"
    )
    by_id = {
        pk: {
            "id": pk,
            "min_age": low,
            "max_age": high,
            "referral": referral,
            "languages": languages or [],
            "terms": set(),
            "municipalities": set(),
            "basins": set(),
            "open_today": False,
        }
        for pk, low, high, referral, languages in rows
    }
    for service_id, taxonomy, code in Service.terms.through.objects.filter(
        service_id__in=ids
    ).values_list("service_id", "taxonomyterm__taxonomy__code", "taxonomyterm__code"):
        by_id[service_id]["terms"].add(f"{taxonomy}:{code}")
    for service_id, nis, basin in ServiceAtLocation.objects.filter(service_id__in=ids).values_list(
        "service_id",
        "location__addresses__municipality__nis_code",
        "location__addresses__basin__code",
    ):
        if nis:
            by_id[service_id]["municipalities"].add(nis)
        if basin:
            by_id[service_id]["basins"].add(basin)
    for service_id in (
        Schedule.objects.filter(service_id__in=ids, weekday=today.weekday())
        .exclude(valid_to__lt=today)
        .values_list("service_id", flat=True)
    ):
        by_id[service_id]["open_today"] = True
    return [by_id[pk] for pk in ids if pk in by_id]


def reason_text(code: str, value: str, terms: dict, municipality, basin) -> str:
    if code == "prefer":
        term = terms.get(value)
        return _("for: %(public)s") % {"public": term.name.lower() if term else value}
    if code == "language":
        return _("%(language)s spoken") % {
            "language": str(LANGUAGE_NAMES.get(value, value)).lower()
        }
    if code == "municipality":
        return _("in %(place)s") % {"place": municipality.name if municipality else value}
    if code == "basin":
        return _("in your basin (%(basin)s)") % {"basin": basin.name if basin else value}
    if code == "no_referral":
        return _("no referral needed")
    return _("open today")


def _hours(schedules) -> list[str]:
    return [
        f"{s.opens_at:%H:%M}–{s.closes_at:%H:%M}"
        for s in sorted(schedules, key=lambda s: s.opens_at)
    ]


def how_to_reach_many(services: list, today: datetime.date | None = None) -> dict:
    """How a professional reaches each service, from its HSDS access fields: the line for
    professionals (or the general number), the referral, today's hours (three queries)."""
    today = today or timezone.localdate()
    ids = [s.pk for s in services]
    phones: dict = {pk: [] for pk in ids}
    for phone in Phone.objects.filter(service_id__in=ids).order_by("audience", "number"):
        phones[phone.service_id].append(phone)
    closed = {
        c.service_id: c
        for c in Closure.objects.filter(
            service_id__in=ids, start_date__lte=today, end_date__gte=today
        )
    }
    schedules: dict = {pk: [] for pk in ids}
    for schedule in (
        Schedule.objects.filter(service_id__in=ids, weekday=today.weekday())
        .exclude(valid_to__lt=today)
        .exclude(valid_from__gt=today)
    ):
        schedules[schedule.service_id].append(schedule)
    found = {}
    for service in services:
        pro = [p for p in phones[service.pk] if p.audience == Phone.Audience.PROFESSIONALS]
        general = [p for p in phones[service.pk] if p.audience == Phone.Audience.ALL]
        found[service.pk] = {
            "modes": service.access_professional_labels(),
            "process": service.professional_process,
            "pro_phone": pro[0] if pro else None,
            "phone": general[0] if general else None,
            "referral": service.referral_required,
            "hours_today": [] if service.pk in closed else _hours(schedules[service.pk]),
            "closed_today": closed.get(service.pk),
            "email": service.email,
        }
    return found


def how_to_reach(service: Service, today: datetime.date | None = None) -> dict:
    return how_to_reach_many([service], today)[service.pk]


def find(need: str, criteria: Criteria, level: str | None = None, now=None) -> Found:
    """Search the directory for a completed path. ``level`` overrides the path's stepped-care
    level (the "next step" links)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    terms = term_index()
    level = criteria.level if level is None else level
    municipality, basin = place_of(criteria.municipality)
    params = search_params(need, criteria, terms, level, CANDIDATES)
    result = search(params, now=now)
    rows = candidates(result.ids, today)
    wanted = {
        "prefer": criteria.prefer,
        "language": criteria.language,
        "municipality": criteria.municipality,
        "basin": basin.code if basin else "",
        "age": criteria.age,
    }
    ranked = ranking.rank(rows, wanted, SHOWN)
    services = {
        s.pk: s
        for s in Service.objects.select_related("organization").filter(
            pk__in=[c["id"] for c, _ in ranked]
        )
    }
    shown = []
    for candidate, reasons in ranked:
        service = services.get(candidate["id"])
        if service is None:
            continue
        service.reasons = [reason_text(c, v, terms, municipality, basin) for c, v in reasons]
        shown.append(service)
    reach = how_to_reach_many(shown, today)
    for service in shown:
        service.how = reach[service.pk]
    found = Found(level, shown, result.total, municipality, basin)
    found.steps = next_steps(need, criteria, terms, level, now)
    return found


def count_fitting(need: str, criteria: Criteria, terms: dict, level: str, served=None) -> int:
    """How many services a search gives once the age check is done (at most CANDIDATES are
    checked; beyond, the search's total)."""
    params = search_params(need, criteria, terms, level, CANDIDATES)
    if served is not None:
        params.served = served
    found = search(params)
    if criteria.age is None or not found.ids or found.total > CANDIDATES:
        return found.total
    ages = Service.objects.filter(pk__in=found.ids).values_list("minimum_age", "maximum_age")
    return sum(ranking.age_fits({"min_age": a, "max_age": b}, criteria.age) for a, b in ages)


def next_steps(need: str, criteria: Criteria, terms: dict, level: str, now) -> list:
    """The level below and the level above, with how many services each would give before the
    age check (one search without the level, read from its facet counts: cheap)."""
    down, up = ranking.neighbours(level, LEVELS)
    if not down and not up:
        return []
    counts = search(search_params(need, criteria, terms, "", 1), now=now).counts
    steps = []
    for direction, code in (("down", down), ("up", up)):
        term = terms.get(f"stepped_care:{code}") if code else None
        if term is not None:
            steps.append((direction, term, counts.get(term.facet_token, 0)))
    return steps
