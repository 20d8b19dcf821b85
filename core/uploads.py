"""Uploaded documents: what may be stored, under which name, and how it is handed back.

Every upload of the platform (report attachments, later publications and imports) passes
``check_document``: its type is recognised from its first bytes, never from its name or the
browser's claim, and it must agree with its extension; it has a size limit; it is stored under a
random name; and it is served only by ``attachment_response`` (a download, never rendered by the
browser as a page of this site). This module never decides who may download a file: the view of
the owning app does.
"""

import secrets
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.http import FileResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .errors import ServiceError


class UploadError(ServiceError):
    messages = {
        "too_large": _("The file is too large: %(size)s MB at most."),
        "empty": _("The file is empty."),
        "type_not_allowed": _(
            "This type of file is not accepted. Accepted: PDF, images (PNG, JPEG), "
            "OpenDocument and Office documents, plain text and CSV."
        ),
        "type_mismatch": _(
            "The content of the file does not match its extension (.%(extension)s): "
            "it was not accepted."
        ),
    }


@dataclass(frozen=True)
class Kind:
    extensions: tuple[str, ...]
    content_type: str


PDF = Kind(("pdf",), "application/pdf")
PNG = Kind(("png",), "image/png")
JPEG = Kind(("jpg", "jpeg"), "image/jpeg")
TEXT = Kind(("txt", "csv"), "text/plain; charset=utf-8")
OFFICE = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
#: Text that a browser could take for a page or a script, whatever the extension says.
MARKUP = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


def max_bytes() -> int:
    return getattr(settings, "MAILLAGE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


def _sniff(upload) -> Kind | None:
    """The kind of document recognised from the content, or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(upload)
    if b"\x00" in head or any(tag in head.lower() for tag in MARKUP):
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the 8 KB boundary
            return None
    return TEXT


def _office_kind(upload) -> Kind | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                for extension, content_type in OFFICE.items():
                    if declared == content_type:
                        return Kind((extension,), content_type)
            if "[Content_Types].xml" in names:
                for extension, prefix in (("docx", "word/"), ("xlsx", "xl/"), ("pptx", "ppt/")):
                    if any(name.startswith(prefix) for name in names):
                        return Kind((extension,), OFFICE[extension])
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    return None


def check_document(upload) -> str:
    """Refuse what is not an accepted document; return its extension (raises ``UploadError``)."""
    limit = max_bytes()
    if upload.size > limit:
        raise UploadError("too_large", size=limit // (1024 * 1024))
    if upload.size == 0:
        raise UploadError("empty")
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    kind = _sniff(upload)
    if kind is None:
        raise UploadError("type_not_allowed")
    if extension not in kind.extensions:
        raise UploadError("type_mismatch", extension=extension or "?")
    return extension


def random_name(extension: str) -> str:
    """An unguessable file name (the original name is never used on disk)."""
    return f"{secrets.token_urlsafe(24)}.{extension}"


def content_type_of(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower()
    for kind in (PDF, PNG, JPEG, TEXT):
        if extension in kind.extensions:
            return kind.content_type
    return OFFICE.get(extension, "application/octet-stream")


def attachment_response(field_file, title: str) -> FileResponse:
    """A download of a stored document: never displayed inline, never run as a page."""
    extension = field_file.name.rsplit(".", 1)[-1].lower()
    filename = f"{slugify(title) or 'document'}.{extension}"
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=content_type_of(field_file.name),
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox; frame-ancestors 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response
