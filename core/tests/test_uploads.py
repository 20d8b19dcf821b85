"""Hostile uploads are refused with a clear message; accepted ones are stored under random names
and only ever sent as downloads, to those who may see the report."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events import services
from events.models import Event, ReportAttachment
from events.tests.factories import EventFactory, in_days
from maillage.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def report(settings, tmp_path, coordinator):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory(starts_at=in_days(-3))
    return services.save_report(event, "<p>Compte rendu</p>", user=coordinator)


def _attach(client, report, name, content, content_type="application/octet-stream"):
    return client.post(
        reverse("events:report_edit", args=[report.event_id]),
        {
            "action": "attach",
            "title": "Pièce",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


HOSTILE = {
    "page.html": (
        b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
        "text/html",
    ),
    "logo.svg": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "image/svg+xml",
    ),
    "notes.txt": (b"<html><body onload=alert(1)>", "text/plain"),
    "rapport.pdf": (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 64, "application/pdf"),
    "image.png": (PDF, "image/png"),
    "empty.pdf": (b"", "application/pdf"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_refused_with_a_clear_message(client, coordinator, report, name):
    content, content_type = HOSTILE[name]
    client.force_login(coordinator)
    response = _attach(client, report, name, content, content_type)
    assert response.status_code == 200
    errors = response.context["attachment_form"].errors["file"]
    assert errors and any(
        word in errors[0] for word in ("pas accepté", "ne correspond pas", "vide")
    ), errors
    assert not ReportAttachment.objects.exists()


def test_a_30_mb_file_is_refused(client, coordinator, report):
    client.force_login(coordinator)
    response = _attach(client, report, "gros.pdf", b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024))
    assert response.status_code == 200
    assert "trop volumineux" in response.context["attachment_form"].errors["file"][0]
    assert not ReportAttachment.objects.exists()


def test_an_exe_renamed_pdf_is_refused_by_the_service_too(report, coordinator):
    from core.uploads import UploadError

    upload = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(UploadError):
        services.add_attachment(report, title="x", file=upload, user=coordinator)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("compte_rendu.pdf", PDF),
        ("liste_presences.csv", "nom;rôle\nA;B\n".encode()),
        ("programme.docx", _docx()),
    ],
)
def test_documents_are_stored_under_a_random_name(client, coordinator, report, name, content):
    client.force_login(coordinator)
    assert _attach(client, report, name, content).status_code == 302
    stored = ReportAttachment.objects.get().file.name
    assert name.split(".")[0] not in stored.rsplit("/", 1)[-1]
    assert stored.endswith("." + name.rsplit(".", 1)[-1])
    assert len(stored.rsplit("/", 1)[-1]) >= 30


def _status(client, url) -> int:
    response = client.get(url)
    if response.streaming:
        # Reading a download to its end closes its file the way the test client means to
        # (response.close() here would also close the test's database connection).
        b"".join(response.streaming_content)
    return response.status_code


def _stored(report, coordinator):
    return services.add_attachment(
        report, title="Compte rendu final", file=SimpleUploadedFile("cr.pdf", PDF), user=coordinator
    )


def test_a_download_is_an_attachment_with_a_locked_down_policy(client, coordinator, report):
    item = _stored(report, coordinator)
    client.force_login(coordinator)
    response = client.get(reverse("events:attachment", args=[report.event_id, item.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # read to the end: the file is closed
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="compte-rendu-final.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_unpublished_report_s_files_are_for_its_organizers_only(client, coordinator, report):
    item = _stored(report, coordinator)
    url = reverse("events:attachment", args=[report.event_id, item.pk])
    assert _status(client, url) == 404
    client.force_login(UserFactory())
    assert _status(client, url) == 404
    services.publish_report(report, user=coordinator)
    assert _status(client, url) == 200
    client.logout()
    assert _status(client, url) == 200


def test_a_published_report_of_a_draft_event_stays_hidden(client, coordinator, report):
    item = _stored(report, coordinator)
    services.publish_report(report, user=coordinator)
    Event.objects.filter(pk=report.event_id).update(status=Event.Status.DRAFT)
    url = reverse("events:attachment", args=[report.event_id, item.pk])
    assert _status(client, url) == 404


def test_an_attachment_is_not_reachable_through_another_event(client, coordinator, report):
    item = _stored(report, coordinator)
    services.publish_report(report, user=coordinator)
    other = EventFactory()
    assert _status(client, reverse("events:attachment", args=[other.pk, item.pk])) == 404


def test_media_files_are_not_public_even_in_debug(client, coordinator, report, settings):
    item = _stored(report, coordinator)
    services.publish_report(report, user=coordinator)
    assert _status(client, "/" + "media/" + item.file.name) == 404
    from django.urls import get_resolver

    patterns = [str(p.pattern) for p in get_resolver().url_patterns]
    assert not any("media" in p for p in patterns)
