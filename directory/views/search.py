"""The directory's landing page: one search box, facets with counts, list and map."""

from dataclasses import dataclass, field

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from territory.models import Basin, Municipality

from ..forms import SearchForm
from ..models import Service, ServiceAtLocation, Taxonomy, address_may_be_shown
from ..search.engine import SearchParams, search
from ..search.text import token
from ..services.searches import count_zero_result
from .common import map_points, resolve_place
from .search_help import help_context

PER_PAGE = 20
#: What a result card (template ``directory/search.html``) and its map marker read.
CARD_FIELDS = [
    "name",
    "description",
    "fee",
    "referral_required",
    "languages",
    "assured_date",
    "organization__name",
]


@dataclass
class Place:
    """Where a result is, as the list and the map need it (no address when confidential)."""

    confidential: bool
    latitude: float | None
    longitude: float | None
    lines: list = field(default_factory=list)


def _first(values):
    return next((v for v in values if v), "")


def page_services(ids) -> list:
    """The page's services in order, with ``term_names`` and ``places``: three flat queries
    instead of instantiating terms, locations and addresses (the hot path of the directory)."""
    services = (
        Service.objects.select_related("organization")
        .only(*CARD_FIELDS)  # (with their FR/NL/EN columns): no long text that cards never show
        .filter(pk__in=ids)
    )
    by_id = {s.pk: s for s in services}
    lang = translation.get_language() or "fr"
    order = [lang] + [code for code in ("fr", "nl", "en") if code != lang]
    for service in by_id.values():
        service.term_names, service.places = [], []
    for service_id, *names in (
        Service.terms.through.objects.filter(service_id__in=ids)
        .order_by("pk")
        .values_list("service_id", *[f"taxonomyterm__name_{code}" for code in order])
    ):
        if service_id in by_id:  # (a service deleted meanwhile is simply left out)
            by_id[service_id].term_names.append(_first(names))
    places = {}
    # One row per (service, location, address); a location without address gives one row.
    for service_id, location_id, confidential, lat, lon, street, postal_code, city, *names in (
        # No ORDER BY: the ids are UUIDs, and the table's order keeps the main place first.
        ServiceAtLocation.objects.filter(service_id__in=ids).values_list(
            "service_id",
            "location_id",
            "location__is_confidential",
            "location__latitude",
            "location__longitude",
            "location__addresses__address_1",
            "location__addresses__postal_code",
            "location__addresses__city",
            *[f"location__addresses__municipality__name_{code}" for code in order],
        )
    ):
        confidential = not address_may_be_shown(confidential)
        place = places.get((service_id, location_id))
        if service_id not in by_id:
            continue
        if place is None:
            place = places[service_id, location_id] = Place(
                confidential, None if confidential else lat, None if confidential else lon
            )
            by_id[service_id].places.append(place)
        if street is not None and not confidential:
            place.lines.append(f"{street}, {postal_code} {_first(names) or city}")
    return [by_id[pk] for pk in ids if pk in by_id]


def _facet(form, name, prefix, counts, token_of=None, show_all=False):
    field = form.fields[name]
    chosen = set(form.cleaned_data.get(name) or []) if form.is_bound and form.is_valid() else set()
    options = []
    for value, label in field.choices:
        key = token_of(value) if token_of else token(prefix, value)
        count = counts.get(key, 0)
        if count or value in chosen or show_all:
            options.append(
                {
                    "value": value,
                    "label": label,
                    "count": count,
                    "checked": value in chosen,
                    "id": f"id_{name}_{value}",
                }
            )
    return {"name": name, "legend": field.label, "options": options}


def search_view(request):
    taxonomies = list(
        Taxonomy.objects.filter(is_facet=True).prefetch_related("terms").order_by("position")
    )
    municipalities = list(Municipality.objects.all())
    municipalities.sort(key=lambda m: m.name)
    basins = list(Basin.objects.all())
    form = SearchForm(
        request.GET or None, taxonomies=taxonomies, municipalities=municipalities, basins=basins
    )
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    origin_place = resolve_place(data.get("near", ""))
    notice = ""
    if data.get("near") and origin_place is None:
        notice = _(
            'We do not know the place "%(place)s": type a Brussels municipality or postal code.'
        ) % {"place": data["near"]}
    sort = data.get("sort") or ("distance" if origin_place else "relevance")
    if sort == "distance" and origin_place is None:
        sort = "relevance"
    params = SearchParams(
        query=data.get("q", ""),
        terms={t.code: data.get(t.code) or [] for t in form.taxonomies},
        municipalities=data.get("municipality") or [],
        basins=data.get("basin") or [],
        languages=data.get("language") or [],
        fees=data.get("fee") or [],
        open_now=bool(data.get("open_now")),
        sort=sort,
        origin=(origin_place.latitude, origin_place.longitude) if origin_place else None,
        page=data.get("page") or 1,
        per_page=PER_PAGE,
    )
    result = search(params)
    services = page_services(result.ids)
    for service in services:
        service.distance_km = result.distances.get(service.pk)
    counts = result.counts
    facets = [
        _facet(form, t.code, "t", counts, token_of=lambda v: "t" + v.replace("-", ""))
        for t in form.taxonomies
    ]
    facets += [
        _facet(form, "municipality", "m", counts, show_all=True),
        _facet(form, "basin", "b", counts),
        _facet(form, "language", "l", counts),
        _facet(form, "fee", "f", counts),
    ]
    query = request.GET.copy()
    query.pop("page", None)
    if params.query.strip() and result.total == 0:
        basins = params.basins
        count_zero_result(
            params.query,
            translation.get_language() or "fr",
            Basin.objects.filter(code=basins[0]).first() if len(basins) == 1 else None,
        )
    context = {
        "form": form,
        "facets": facets,
        "result": result,
        "services": services,
        "open_now_count": result.open_now_count,
        "notice": notice,
        "origin_place": origin_place,
        "sort": sort,
        "querystring": query.urlencode(),
        "map_points": map_points(services),
        "tiles_url": getattr(settings, "MAILLAGE_MAP_TILES_URL", ""),
        "tiles_attribution": getattr(settings, "MAILLAGE_MAP_ATTRIBUTION", ""),
        "searched": bool(request.GET),
        "first_rank": (result.page - 1) * PER_PAGE + 1,
        "open_filters": False,
        **help_context(request, form, facets, result),
    }
    return render(request, "directory/search.html", context)
