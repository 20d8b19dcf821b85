"""The needs watch as JSON (``/api/helpdesk/watch``), for coordinators (signed-in session),
documented in the OpenAPI document ``/api/helpdesk/openapi.json``. Read-only; the same
figures as the page, small cells (fewer than 5 cases) as ``null``."""

from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .watch_forms import filters_from
from .watch_views import cached_watch


class IsCoordinator(permissions.BasePermission):
    message = "Only network coordinators can read the needs watch."

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.is_coordinator)


class FigureRowSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Month (YYYY-MM), need, public, NIS or basin code.")
    label = serializers.CharField(allow_null=True)
    requests = serializers.IntegerField(allow_null=True, help_text="null: fewer than 5 cases")
    no_solution = serializers.IntegerField(allow_null=True)
    no_solution_share = serializers.FloatField(allow_null=True, help_text="percentage")
    waiting_hours = serializers.FloatField(
        allow_null=True, help_text="average working hours until the answer"
    )
    helped_share = serializers.FloatField(allow_null=True, help_text="percentage")
    paths = serializers.IntegerField(allow_null=True)
    paths_without_result = serializers.IntegerField(allow_null=True)
    unmet_needs = serializers.IntegerField(allow_null=True)
    zero_result_searches = serializers.IntegerField(allow_null=True)


class WatchSerializer(serializers.Serializer):
    start = serializers.CharField(help_text="first month, YYYY-MM")
    end = serializers.CharField(help_text="last month, YYYY-MM")
    basin = serializers.CharField(allow_null=True)
    min_cases = serializers.IntegerField()
    totals = FigureRowSerializer()
    months = FigureRowSerializer(many=True)
    needs = FigureRowSerializer(many=True)
    publics = FigureRowSerializer(many=True)
    municipalities = FigureRowSerializer(many=True)
    basins = FigureRowSerializer(many=True)


def _plain(row):
    label = row["label"]
    return {**row, "label": None if label is None else str(label)}


class WatchView(APIView):
    permission_classes = [IsCoordinator]

    @extend_schema(
        summary="Needs watch: helpdesk, orientation paths, unmet needs, searches without result",
        operation_id="getNeedsWatch",
        parameters=[
            OpenApiParameter(
                "start", str, description="First month, YYYY-MM (default: 11 months before the end)"
            ),
            OpenApiParameter("end", str, description="Last month, YYYY-MM (default: this month)"),
            OpenApiParameter(
                "basin", str, description="Basin code (nord, nord-est, centre-ouest, sud, sud-est)"
            ),
            OpenApiParameter("lang", str, description="Language of the labels: fr, nl or en"),
        ],
        responses={200: WatchSerializer},
    )
    def get(self, request):
        lang = request.query_params.get("lang", "fr")
        with translation.override(lang if lang in ("fr", "nl", "en") else "fr"):
            params = request.query_params.copy()
            params.pop("lang", None)
            form, filters = filters_from(params)
            if filters is None:
                return Response(
                    {name: [str(e) for e in errors] for name, errors in form.errors.items()},
                    status=400,
                )
            watch = cached_watch(filters)
            from . import smallcells

            return Response(
                {
                    "start": f"{filters.start:%Y-%m}",
                    "end": f"{filters.end:%Y-%m}",
                    "basin": filters.basin.code if filters.basin else None,
                    "min_cases": smallcells.MIN_CASES,
                    "totals": _plain(watch.totals),
                    "months": [{**r, "label": r["code"]} for r in watch.months],
                    "needs": [_plain(r) for r in watch.needs],
                    "publics": [_plain(r) for r in watch.publics],
                    "municipalities": [_plain(r) for r in watch.municipalities],
                    "basins": [_plain(r) for r in watch.basins],
                }
            )
