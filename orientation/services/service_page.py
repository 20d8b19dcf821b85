"""What the directory's service page shows about orientation: how a professional orients
someone to this service (its HSDS access fields) and a link into the path that leads to it.
Reads only; called by the ``orientation_service_help`` template tag."""

from django.urls import reverse

from .. import ranking
from .. import tree as pure
from ..models import Tree
from . import paths, results

_branches: dict[tuple, list] = {}


def _branches_of(version) -> list:
    data = paths.data_of(version)
    key = paths.frozen_key(version)
    if key not in _branches:
        _branches[key] = [(steps, pure.criteria(data, steps)) for steps in pure.branches(data)]
    return _branches[key]


def path_links(service) -> list[dict]:
    """For each published tree whose need is a theme of the service: the link to the first
    branch that ends on services like this one (its answers filled in up to the person's
    language and municipality), or to the start of the path."""
    terms = {
        f"{taxonomy}:{code}"
        for taxonomy, code in service.terms.values_list("taxonomy__code", "code")
    }
    themes = {k.split(":")[1] for k in terms if k.startswith("theme:")}
    row = {"terms": terms, "min_age": service.minimum_age, "max_age": service.maximum_age}
    links = []
    for tree in Tree.objects.select_related("published").filter(
        need__in=themes, published__isnull=False
    ):
        version = tree.published
        url = reverse("orientation:step", args=[tree.need])
        exact = False
        for steps, criteria in _branches_of(version):
            if ranking.meets(row, criteria.level, criteria.require, criteria.age):
                answers = {code: answer for code, answer in steps if answer != "*"}
                url += "?" + paths.query_string(version, answers)
                exact = True
                break
        links.append({"tree": tree, "url": url, "exact": exact})
    return links


def orientation_facts(service) -> dict:
    return {"how": results.how_to_reach(service), "paths": path_links(service)}
