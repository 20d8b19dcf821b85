"""Directory pages (the foundation's organization list and sheet; the directory issue adds
search, services and the map)."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from .models import Organization


def organization_list(request):
    query = request.GET.get("q", "").strip()
    organizations = Organization.objects.published()
    if query:
        organizations = organizations.filter(
            Q(name_fr__icontains=query)
            | Q(name_nl__icontains=query)
            | Q(alternate_name__icontains=query)
        )
    page = Paginator(organizations.order_by("name_fr"), 50).get_page(request.GET.get("page"))
    return render(request, "directory/organization_list.html", {"page": page, "query": query})


def organization_detail(request, pk):
    organization = get_object_or_404(Organization.objects.select_related("parent"), pk=pk)
    return render(request, "directory/organization_detail.html", {"organization": organization})
