"""A path from its link: which tree version, which answers, where they lead; completing a path
(the anonymous counts) and counting the services opened from its result.

The answers live in the link's query string (node code = answer code), never in a session or
with a person. A ``PathRecord`` holds the need, the answer codes, the territory and what was
found, never a user or a free text; a path that finds nothing also writes an ``UnmetNeed``.
"""

import re
import uuid

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.http import urlencode

from directory.models.service import LANGUAGE_CHOICES
from territory.models import Municipality

from .. import tree as pure
from ..errors import OrientationError
from ..models import PathRecord, Tree, TreeVersion, UnmetNeed

ANSWER = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
RECORD_SALT = "orientation.path-record"
#: A result page's click-through links count for a day after the path was completed.
RECORD_MAX_AGE = 24 * 3600
#: Frozen versions never change: their plain data is kept per process.
_frozen: dict[tuple, dict] = {}


def published_tree(need: str) -> Tree:
    tree = Tree.objects.select_related("published").filter(need=need).first()
    if tree is None or tree.published is None:
        raise OrientationError("not_offered")
    return tree


def version_of(tree: Tree, number, allow_draft: bool = False) -> TreeVersion:
    """The version a link names (``v``), or the published one when it names none."""
    if number in (None, ""):
        return tree.published
    text = str(number)
    if not text.isdigit() or len(text) > 9:
        raise OrientationError("unknown_version")
    versions = tree.versions.all() if allow_draft else tree.versions.frozen()
    version = versions.filter(number=int(text)).first()
    if version is None:
        raise OrientationError("unknown_version")
    return version


def frozen_key(version: TreeVersion) -> tuple:
    """What identifies a frozen version for the per-process caches (a primary key alone could
    come back after a deletion on SQLite)."""
    return (version.pk, version.tree_id, version.number, version.created_at)


def data_of(version: TreeVersion) -> dict:
    if version.status == TreeVersion.Status.DRAFT:
        return version.as_data()
    key = frozen_key(version)
    data = _frozen.get(key)
    if data is None:
        data = _frozen[key] = version.as_data()
    return data


_frozen_nodes: dict[tuple, dict] = {}


def nodes_of(version: TreeVersion) -> dict:
    """{code: Node} with their choices (texts read in the active language when shown)."""
    if version.status == TreeVersion.Status.DRAFT:
        return {n.code: n for n in version.nodes.prefetch_related("choices")}
    key = frozen_key(version)
    nodes = _frozen_nodes.get(key)
    if nodes is None:
        nodes = {n.code: n for n in version.nodes.prefetch_related("choices")}
        for node in nodes.values():
            node.choice_list = list(node.choices.all())
        _frozen_nodes[key] = nodes
    return nodes


_options: dict = {}


def options() -> dict:
    """The valid answers of the ``language`` and ``municipality`` kinds."""
    if not _options:
        _options[pure.LANGUAGE] = {code for code, _ in LANGUAGE_CHOICES}
        _options[pure.MUNICIPALITY] = set(Municipality.objects.values_list("nis_code", flat=True))
    return _options


def read_answers(query, data: dict) -> dict:
    """The answers of a query string: only the codes of the tree's asking nodes, only short
    code-like values (anything else is dropped, never stored)."""
    answers = {}
    for code, node in data["nodes"].items():
        if node["kind"] in pure.ASKING:
            value = query.get(code)
            if value and ANSWER.match(value):
                answers[code] = value
    return answers


def query_string(version: TreeVersion, answers: dict, **extra) -> str:
    pairs = [("v", version.number)] + sorted(answers.items())
    pairs += [(k, v) for k, v in extra.items() if v]
    return urlencode(pairs)


def walk(version: TreeVersion, answers: dict) -> pure.Walk:
    return pure.walk(data_of(version), answers, options())


def criteria_of(version: TreeVersion, walk_: pure.Walk) -> pure.Criteria:
    return pure.criteria(data_of(version), walk_.steps)


def _once_key(once: str) -> str | None:
    return f"orientation:completed:{once}" if once and ANSWER.match(once) else None


def recorded_for(once: str) -> PathRecord | None:
    """The path already counted for this one-time key of the question form, if any."""
    key = _once_key(once)
    pk = cache.get(key) if key else None
    return PathRecord.objects.filter(pk=pk).first() if pk else None


@transaction.atomic
def complete(version: TreeVersion, walk_: pure.Walk, found, once: str = "") -> PathRecord | None:
    """Count a completed path (not for drafts: previews count nothing). ``found`` is the
    result (``services.results.Found``) or None for a helpdesk leaf; ``once`` is the question
    form's one-time key, so that the same submission is never counted twice."""
    if version.status == TreeVersion.Status.DRAFT:
        return None
    today = timezone.localdate()
    answers = dict(walk_.steps)
    municipality = basin = None
    if found is not None:
        municipality, basin = found.municipality, found.basin
    else:
        nis = next(
            (
                a
                for c, a in walk_.steps
                if data_of(version)["nodes"][c]["kind"] == pure.MUNICIPALITY
            ),
            "",
        )
        municipality = Municipality.objects.filter(nis_code=nis).first() if nis else None
        basins = list(municipality.basins.all()) if municipality else []
        basin = basins[0] if len(basins) == 1 else None
    record = PathRecord.objects.create(
        need=version.tree.need,
        answers=answers,
        municipality=municipality,
        basin=basin,
        result_count=found.count if found is not None else 0,
        completed_on=today,
    )
    key = _once_key(once)
    if key:
        cache.set(key, record.pk, RECORD_MAX_AGE)
    if found is not None and found.count == 0:
        UnmetNeed.objects.create(
            need=version.tree.need,
            answers=answers,
            municipality=municipality,
            basin=basin,
            recorded_on=today,
        )
    return record


def record_token(record: PathRecord | None) -> str:
    return signing.dumps(record.pk, salt=RECORD_SALT) if record else ""


def record_opened(token: str, service_id: uuid.UUID) -> bool:
    """Add a service to the services opened from a result (once each). False when the token is
    not valid or too old: the click is then simply not counted."""
    try:
        pk = signing.loads(token, salt=RECORD_SALT, max_age=RECORD_MAX_AGE)
    except signing.BadSignature:
        return False
    with transaction.atomic():
        record = PathRecord.objects.select_for_update().filter(pk=pk).first()
        if record is None:
            return False
        if str(service_id) not in record.opened_services:
            record.opened_services = record.opened_services + [str(service_id)]
            record.save(update_fields=["opened_services"])
    return True
