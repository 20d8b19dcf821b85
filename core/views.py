"""Platform pages: home, the audit trail and the scheduled jobs for coordinators."""

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from territory.models import Municipality

from .my_registrations import sections_for
from .permissions import coordinator_required


def home(request):
    # By name: core is the lowest layer and never imports the directory.
    organizations = apps.get_model("directory", "Organization")
    context = {
        "organization_count": organizations.objects.published().count(),
        "municipality_count": Municipality.objects.count(),
    }
    return render(request, "core/home.html", context)


@login_required
def audit_log(request):
    if not request.user.is_coordinator:
        raise PermissionDenied
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp")
    model = request.GET.get("model", "")
    if model in {"organization", "user", "membership"}:
        entries = entries.filter(content_type__model=model)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page, "model": model})


@coordinator_required
def jobs(request):
    from .jobs import JOBS
    from .models import JobRun

    now = timezone.localtime()
    latest = JobRun.objects.latest_per_job()
    rows = [{"job": job, "run": latest.get(job.name), "next": job.next_start(now)} for job in JOBS]
    return render(request, "core/jobs.html", {"rows": rows})


@login_required
def my_registrations(request):
    """Everything I signed up to: each app contributes its section (core.my_registrations)."""
    return render(request, "core/my_registrations.html", {"sections": sections_for(request.user)})
