"""Export the published directory as HSDS: ``services.json`` (compiled services) and a tabular
data package (CSV + datapackage.json, resources named as the specification names them, with
the taxonomies and their terms) in the same folder. Confidential addresses are never exported
(serialize.location decides it). It only reads the database."""

import json
from pathlib import Path

from django.utils import translation

from ..models import Taxonomy, TaxonomyTerm
from . import serialize
from .tabular import write_package


def published_services(batch_size: int = 500) -> list[dict]:
    ids = list(serialize.service_queryset().published().order_by("pk").values_list("pk", flat=True))
    out = []
    with translation.override("fr"):
        for start in range(0, len(ids), batch_size):
            chunk = serialize.service_queryset().filter(pk__in=ids[start : start + batch_size])
            out += [serialize.service(s) for s in chunk.order_by("pk")]
    return out


def export(directory) -> dict:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    services = published_services()
    (directory / "services.json").write_text(
        json.dumps(services, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    with translation.override("fr"):
        roots = {
            "taxonomy": [serialize.taxonomy(t) for t in Taxonomy.objects.order_by("pk")],
            "taxonomy_term": [
                serialize.taxonomy_term(t, nested_taxonomy=False)
                for t in TaxonomyTerm.objects.order_by("pk")
            ],
        }
    files = write_package(services, directory, roots=roots)
    return {"services": len(services), "files": ["services.json", "datapackage.json", *files]}
