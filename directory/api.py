"""Read-only HSDS 3.x API under /api/hsds/ (Open Referral's API reference, with the Maillage
Brussels profile). Thin adapters: filtering goes through ``directory.search``, objects are built
by ``directory.hsds.serialize``. Only published objects are served; confidential addresses never.
"""

import datetime
import math
import uuid

from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from territory.services import municipality_for_postal_code

from .hsds import HSDS_VERSION, PROFILE_URL, serialize
from .models import Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
from .search.engine import SearchParams, search
from .services.searches import count_zero_result

MAX_PER_PAGE = 100
#: Highest page number accepted (far beyond any real list; keeps offsets in 64-bit integers).
MAX_PAGE = 100_000
#: Widest radius accepted by ``proximity``, in metres.
MAX_PROXIMITY = 100_000

UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

#: Responses every operation may give besides 200 (declared in the OpenAPI document).
BAD_REQUEST = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="A parameter is invalid: {parameter name: [message]}.",
)
NOT_FOUND = OpenApiResponse(OpenApiTypes.OBJECT, description="No published object with this id.")
LIST_RESPONSES = {200: OpenApiTypes.OBJECT, 400: BAD_REQUEST}
DETAIL_RESPONSES = {200: OpenApiTypes.OBJECT, 400: BAD_REQUEST, 404: NOT_FOUND}

COMMON = [
    OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        description=f"Page number, from 1 to {MAX_PAGE}.",
    ),
    OpenApiParameter(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
        description=f"Items per page (default 50, max {MAX_PER_PAGE}).",
    ),
    OpenApiParameter("lang", str, description="Language of the text fields: fr (default), nl, en."),
]
SEARCH = [
    OpenApiParameter(
        "search", str, description="Full text, accent-, case- and language-insensitive."
    ),
    OpenApiParameter(
        "taxonomy_term_id",
        {"type": "string", "pattern": f"^{UUID_PATTERN}(,{UUID_PATTERN})*$"},
        description="Term id(s) (UUIDs), comma-separated (any of).",
    ),
    OpenApiParameter(
        "taxonomy_id", OpenApiTypes.UUID, description="Services with a term of this taxonomy."
    ),
    OpenApiParameter("organization_id", OpenApiTypes.UUID),
    OpenApiParameter("modified_after", OpenApiTypes.DATETIME),
    OpenApiParameter("postcode", str, description="Services whose service area covers it."),
    OpenApiParameter(
        "proximity",
        {"type": "integer", "minimum": 1, "maximum": MAX_PROXIMITY},
        description=f"With postcode: within this many metres of its centre (1 to {MAX_PROXIMITY}).",
    ),
]


def envelope(items, total, page, per_page) -> dict:
    total_pages = max(1, math.ceil(total / per_page)) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": total == 0,
        "contents": items,
    }


def paging(request) -> tuple[int, int]:
    params = request.query_params
    page = whole_number(params, "page", 1, 1, MAX_PAGE)
    return page, whole_number(params, "per_page", 50, 1, MAX_PER_PAGE)


def whole_number(params, name: str, default: int, low: int, high: int) -> int:
    """An integer parameter between ``low`` and ``high``, or a 400 saying so."""
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12 or not low <= int(raw) <= high:
        raise ValidationError({name: [f"Must be a whole number from {low} to {high}."]})
    return int(raw)


def uuid_param(params, name: str) -> str | None:
    """A UUID parameter (the ids of HSDS objects), or a 400 saying so."""
    raw = params.get(name, "").strip()
    if not raw:
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise ValidationError({name: ["Must be a UUID, e.g. 0b6f6a3e-..."]}) from None


def date_param(params, name: str):
    raw = params.get(name, "").strip()
    if not raw:
        return None
    try:
        moment = parse_datetime(raw)
        day = None if moment else parse_date(raw)
    except ValueError:
        moment = day = None
    if moment is None and day is not None:
        moment = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
    if moment is None:
        raise ValidationError(
            {name: ["Must be a date (2026-01-31) or a date and time (2026-01-31T08:00:00Z)."]}
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    try:
        # In UTC: PostgreSQL refuses offsets Python accepts (beyond ±15:59, e.g. -20:49).
        return moment.astimezone(datetime.UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is before year 1 in UTC
        raise ValidationError({name: ["Out of range."]}) from None


class HsdsView(APIView):
    #: The HSDS API is anonymous and read-only: no authentication, no security scheme.
    authentication_classes: list = []
    permission_classes = [AllowAny]

    def dispatch(self, request, *args, **kwargs):
        lang = request.GET.get("lang", "fr")
        with translation.override(lang if lang in ("fr", "nl", "en") else "fr"):
            return super().dispatch(request, *args, **kwargs)


def filtered_service_ids(request):
    """Ordered ids of the published services matching the spec's parameters (AND), or None
    when no parameter narrows the list (then the caller pages the queryset directly)."""
    params = request.query_params
    queryset = Service.objects.published()
    narrowed = False
    organization_id = uuid_param(params, "organization_id")
    if organization_id:
        queryset = queryset.filter(organization_id=organization_id)
        narrowed = True
    moment = date_param(params, "modified_after")
    if moment is not None:
        queryset = queryset.filter(modified_at__gte=moment)
        narrowed = True
    taxonomy_id = uuid_param(params, "taxonomy_id")
    if taxonomy_id:
        queryset = queryset.filter(terms__taxonomy_id=taxonomy_id).distinct()
        narrowed = True
    term_ids = [
        uuid_param({"taxonomy_term_id": t}, "taxonomy_term_id")
        for t in params.get("taxonomy_term_id", "").split(",")
        if t.strip()
    ]
    proximity = whole_number(params, "proximity", 0, 1, MAX_PROXIMITY)
    origin, max_km, served = None, None, []
    if params.get("postcode"):
        municipality = municipality_for_postal_code(params["postcode"].strip())
        if municipality is None:
            return queryset.none(), []
        served = [municipality.nis_code]
        if proximity:
            origin = (municipality.latitude, municipality.longitude)
            max_km = proximity / 1000
    if not (params.get("search") or term_ids or served):
        return queryset, None
    result = search(
        SearchParams(
            query=params.get("search", ""),
            terms={"any": term_ids},
            served=served,
            origin=origin,
            max_km=max_km,
            sort="distance" if origin else "relevance",
            restrict_to=set(queryset.values_list("pk", flat=True)) if narrowed else None,
            per_page=10**9,
        )
    )
    query = params.get("search", "").strip()
    if query and not result.ids:
        # Counted like the page's (words only, no client): the thesaurus grows from real misses.
        count_zero_result(query, translation.get_language_from_request(request))
    return queryset, result.ids


def page_of(queryset, ids, page, per_page, order="name"):
    """(objects of the page in order, total)."""
    if ids is None:
        total = queryset.count()
        start = (page - 1) * per_page
        page_ids = list(
            queryset.order_by(order, "pk").values_list("pk", flat=True)[start : start + per_page]
        )
    else:
        total = len(ids)
        page_ids = ids[(page - 1) * per_page : page * per_page]
    return page_ids, total


class RootView(HsdsView):
    @extend_schema(
        summary="About this API and its HSDS profile",
        operation_id="getAPIMetaInformation",
        responses=LIST_RESPONSES,
    )
    def get(self, request):
        return Response(
            {
                "version": HSDS_VERSION,
                "profile": PROFILE_URL,
                "openapi_url": request.build_absolute_uri(reverse("hsds-openapi")),
            }
        )


class ServiceListView(HsdsView):
    @extend_schema(
        parameters=COMMON + SEARCH,
        summary="Published services (page envelope)",
        operation_id="getServices",
        responses=LIST_RESPONSES,
    )
    def get(self, request):
        page, per_page = paging(request)
        queryset, ids = filtered_service_ids(request)
        page_ids, total = page_of(queryset, ids, page, per_page)
        objects = {s.pk: s for s in serialize.service_queryset().filter(pk__in=page_ids)}
        items = [serialize.service(objects[pk]) for pk in page_ids if pk in objects]
        return Response(envelope(items, total, page, per_page))


class ServiceDetailView(HsdsView):
    @extend_schema(
        parameters=COMMON[2:],
        summary="One published service, fully nested",
        operation_id="getServiceById",
        responses=DETAIL_RESPONSES,
    )
    def get(self, request, id):  # noqa: A002 - the spec's parameter name
        pk = id
        service = serialize.service_queryset().published().filter(pk=pk).first()
        if service is None:
            raise Http404
        return Response(serialize.service(service, metadata=serialize.metadata_for(pk)))


class OrganizationListView(HsdsView):
    @extend_schema(
        parameters=COMMON + [OpenApiParameter("search", str)],
        summary="Published organizations",
        operation_id="getOrganizations",
        responses=LIST_RESPONSES,
    )
    def get(self, request):
        page, per_page = paging(request)
        queryset = Organization.objects.published()
        query = request.query_params.get("search", "").strip()
        if query:
            queryset = queryset.filter(
                Q(name_fr__icontains=query)
                | Q(name_nl__icontains=query)
                | Q(alternate_name__icontains=query)
            )
        page_ids, total = page_of(queryset, None, page, per_page, order="name_fr")
        objects = {o.pk: o for o in serialize.organization_queryset().filter(pk__in=page_ids)}
        items = [serialize.organization(objects[pk]) for pk in page_ids if pk in objects]
        return Response(envelope(items, total, page, per_page))


class OrganizationDetailView(HsdsView):
    @extend_schema(
        parameters=COMMON[2:],
        summary="One published organization with its services",
        operation_id="getOrganizationById",
        responses=DETAIL_RESPONSES,
    )
    def get(self, request, id):  # noqa: A002 - the spec's parameter name
        pk = id
        organization = serialize.organization_queryset().published().filter(pk=pk).first()
        if organization is None:
            merged = Organization.objects.filter(pk=pk, merged_into__isnull=False).first()
            if merged is None:
                raise Http404
            # Merged into another record: the kept organization, permanently.
            url = reverse("hsds-organization", kwargs={"id": merged.final_record().pk})
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        data = serialize.organization(organization, metadata=serialize.metadata_for(pk))
        services = serialize.service_queryset().published().filter(organization=organization)
        data["services"] = [serialize.service(s, with_organization=False) for s in services]
        return Response(data)


class TaxonomyListView(HsdsView):
    @extend_schema(
        parameters=COMMON,
        summary="Taxonomies",
        operation_id="getTaxonomies",
        responses=LIST_RESPONSES,
    )
    def get(self, request):
        page, per_page = paging(request)
        taxonomies = list(Taxonomy.objects.all())
        items = [serialize.taxonomy(t) for t in taxonomies[(page - 1) * per_page : page * per_page]]
        return Response(envelope(items, len(taxonomies), page, per_page))


class TaxonomyTermListView(HsdsView):
    @extend_schema(
        parameters=COMMON
        + [OpenApiParameter("taxonomy_id", OpenApiTypes.UUID), OpenApiParameter("search", str)],
        summary="Taxonomy terms",
        operation_id="getTaxonomyTerms",
        responses=LIST_RESPONSES,
    )
    def get(self, request):
        page, per_page = paging(request)
        terms = TaxonomyTerm.objects.select_related("taxonomy")
        taxonomy_id = uuid_param(request.query_params, "taxonomy_id")
        if taxonomy_id:
            terms = terms.filter(taxonomy_id=taxonomy_id)
        query = request.query_params.get("search", "").strip()
        if query:
            terms = terms.filter(
                Q(name_fr__icontains=query)
                | Q(name_nl__icontains=query)
                | Q(name_en__icontains=query)
            )
        total = terms.count()
        items = [serialize.taxonomy_term(t) for t in terms[(page - 1) * per_page : page * per_page]]
        return Response(envelope(items, total, page, per_page))


class ServiceAtLocationListView(HsdsView):
    @extend_schema(
        parameters=COMMON + SEARCH,
        summary="Services at their locations",
        operation_id="getServiceAtLocations",
        responses=LIST_RESPONSES,
    )
    def get(self, request):
        page, per_page = paging(request)
        queryset, ids = filtered_service_ids(request)
        sals = ServiceAtLocation.objects.filter(service__in=queryset if ids is None else ids)
        total = sals.count()
        page_sals = list(
            sals.select_related("location")
            .prefetch_related(*serialize.location_prefetches("location__"))
            .order_by("service__name", "pk")[(page - 1) * per_page : page * per_page]
        )
        items = [
            serialize.clean(
                {
                    "id": str(sal.id),
                    "service_id": str(sal.service_id),
                    "location_id": str(sal.location_id),
                    "description": serialize.text(sal, "description"),
                    "location": serialize.location(sal.location),
                }
            )
            for sal in page_sals
        ]
        return Response(envelope(items, total, page, per_page))
