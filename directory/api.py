"""Read-only HSDS 3.x API under /api/hsds/ (Open Referral's API reference, with the Maillage
Brussels profile). Thin adapters: filtering goes through ``directory.search``, objects are built
by ``directory.hsds.serialize``. Only published objects are served; confidential addresses never.
"""

import datetime
import math

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from territory.services import municipality_for_postal_code

from .hsds import HSDS_VERSION, PROFILE_URL, serialize
from .models import Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
from .search.engine import SearchParams, search

MAX_PER_PAGE = 100

COMMON = [
    OpenApiParameter("page", int, description="Page number, from 1."),
    OpenApiParameter(
        "per_page", int, description=f"Items per page (default 50, max {MAX_PER_PAGE})."
    ),
    OpenApiParameter("lang", str, description="Language of the text fields: fr (default), nl, en."),
]
SEARCH = [
    OpenApiParameter(
        "search", str, description="Full text, accent-, case- and language-insensitive."
    ),
    OpenApiParameter("taxonomy_term_id", str, description="Term id(s), comma-separated (any of)."),
    OpenApiParameter("taxonomy_id", str, description="Services with a term of this taxonomy."),
    OpenApiParameter("organization_id", str),
    OpenApiParameter("modified_after", OpenApiTypes.DATETIME),
    OpenApiParameter("postcode", str, description="Services whose service area covers it."),
    OpenApiParameter(
        "proximity", int, description="With postcode: within this many metres of its centre."
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
    def number(name, default):
        try:
            return max(1, int(request.query_params.get(name, default)))
        except (TypeError, ValueError):
            return default

    return number("page", 1), min(MAX_PER_PAGE, number("per_page", 50))


class HsdsView(APIView):
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
    if params.get("organization_id"):
        queryset = queryset.filter(organization_id=params["organization_id"])
        narrowed = True
    if params.get("modified_after"):
        moment = parse_datetime(params["modified_after"])
        if moment is None and parse_date(params["modified_after"]):
            moment = datetime.datetime.combine(
                parse_date(params["modified_after"]), datetime.time.min, tzinfo=datetime.UTC
            )
        if moment is None:
            raise Http404("modified_after")
        queryset = queryset.filter(modified_at__gte=moment)
        narrowed = True
    if params.get("taxonomy_id"):
        queryset = queryset.filter(terms__taxonomy_id=params["taxonomy_id"]).distinct()
        narrowed = True
    term_ids = [t for t in params.get("taxonomy_term_id", "").split(",") if t.strip()]
    origin, max_km, served = None, None, []
    if params.get("postcode"):
        municipality = municipality_for_postal_code(params["postcode"].strip())
        if municipality is None:
            return queryset.none(), []
        served = [municipality.nis_code]
        if params.get("proximity"):
            origin = (municipality.latitude, municipality.longitude)
            max_km = float(params["proximity"]) / 1000
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
        responses={200: OpenApiTypes.OBJECT},
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
        responses={200: OpenApiTypes.OBJECT},
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
        responses={200: OpenApiTypes.OBJECT},
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
        responses={200: OpenApiTypes.OBJECT},
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
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request, id):  # noqa: A002 - the spec's parameter name
        pk = id
        organization = serialize.organization_queryset().published().filter(pk=pk).first()
        if organization is None:
            raise Http404
        data = serialize.organization(organization, metadata=serialize.metadata_for(pk))
        services = serialize.service_queryset().published().filter(organization=organization)
        data["services"] = [serialize.service(s, with_organization=False) for s in services]
        return Response(data)


class TaxonomyListView(HsdsView):
    @extend_schema(
        parameters=COMMON,
        summary="Taxonomies",
        operation_id="getTaxonomies",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        page, per_page = paging(request)
        taxonomies = list(Taxonomy.objects.all())
        items = [serialize.taxonomy(t) for t in taxonomies[(page - 1) * per_page : page * per_page]]
        return Response(envelope(items, len(taxonomies), page, per_page))


class TaxonomyTermListView(HsdsView):
    @extend_schema(
        parameters=COMMON + [OpenApiParameter("taxonomy_id", str), OpenApiParameter("search", str)],
        summary="Taxonomy terms",
        operation_id="getTaxonomyTerms",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        page, per_page = paging(request)
        terms = TaxonomyTerm.objects.select_related("taxonomy")
        if request.query_params.get("taxonomy_id"):
            terms = terms.filter(taxonomy_id=request.query_params["taxonomy_id"])
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
        responses={200: OpenApiTypes.OBJECT},
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
