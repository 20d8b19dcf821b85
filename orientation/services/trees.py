"""Trees and their versions: loading the reference trees, drafting, editing and publishing.

A published version is frozen: an edit always happens in a draft (a copy of the published
version with the next number), and publishing the draft retires the previous version without
deleting it, so that every link already shared keeps its version. Publishing refuses a tree
that ``orientation.tree.validate`` rejects (dead ends, loops...). Never sends e-mail.
"""

import re

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .. import tree as pure
from ..errors import OrientationError, problem_message
from ..models import Choice, Node, Tree, TreeVersion

LANGS = ("fr", "nl", "en")
CODE = re.compile(r"^[a-z0-9_-]{1,40}$")


def _texts(field: str, triple) -> dict:
    values = {f"{field}_{lang}": text or None for lang, text in zip(LANGS, triple, strict=True)}
    values[field] = triple[0] or triple[1] or triple[2]
    return values


def load_reference(trees, models=None) -> None:
    """Create each reference tree (``orientation.reference_trees``) with a published version 1,
    unless a tree of that need exists. ``models`` gives the historical models in a migration."""
    m = models or {"Tree": Tree, "TreeVersion": TreeVersion, "Node": Node, "Choice": Choice}
    for position, data in enumerate(trees):
        if m["Tree"].objects.filter(need=data["need"]).exists():
            continue
        tree = m["Tree"].objects.create(
            need=data["need"],
            position=position,
            **_texts("title", data["title"]),
            **_texts("intro", data["intro"]),
        )
        version = m["TreeVersion"].objects.create(
            tree=tree,
            number=1,
            status="published",
            root=data["root"],
            published_at=timezone.now(),
        )
        for node_position, node in enumerate(data["nodes"]):
            row = m["Node"].objects.create(
                version=version,
                code=node["code"],
                kind=node["kind"],
                next=node["next"],
                level=node["level"],
                require=node["require"],
                prefer=node["prefer"],
                position=node_position,
                **_texts("text", node["text"]),
                **_texts("help", node["help"]),
            )
            for choice_position, choice in enumerate(node["choices"]):
                m["Choice"].objects.create(
                    node=row,
                    code=choice["code"],
                    next=choice["next"],
                    level=choice["level"],
                    require=choice["require"],
                    prefer=choice["prefer"],
                    age=choice["age"],
                    position=choice_position,
                    **_texts("label", choice["label"]),
                )
        m["Tree"].objects.filter(pk=tree.pk).update(published=version)


def _copy(version: TreeVersion, into: TreeVersion) -> None:
    for node in version.nodes.prefetch_related("choices"):
        choices = list(node.choices.all())
        node.pk, node.version = None, into
        node.save()
        for choice in choices:
            choice.pk, choice.node = None, node
            choice.save()


@transaction.atomic
def start_draft(user, tree: Tree) -> TreeVersion:
    """The tree's draft: the existing one, or a new copy of the published version."""
    tree = Tree.objects.select_for_update().get(pk=tree.pk)
    draft = tree.versions.drafts().first()
    if draft:
        return draft
    source = tree.published or tree.versions.order_by("-number").first()
    number = (tree.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = TreeVersion.objects.create(
        tree=tree, number=number, root=source.root if source else "start", created_by=user
    )
    if source:
        _copy(source, draft)
    return draft


def _check_draft(version: TreeVersion) -> None:
    if version.status != TreeVersion.Status.DRAFT:
        raise OrientationError("not_draft")


def check_code(code: str) -> str:
    if not CODE.match(code or ""):
        raise OrientationError("bad_code")
    return code


def check_terms(terms: list, known: set) -> list:
    for term in terms:
        if term not in known:
            raise OrientationError("bad_term", term=term)
    return terms


@transaction.atomic
def save_node(version: TreeVersion, node: Node | None, fields: dict, choices: list | None):
    """Create or change one node of a draft, and replace its choices (a list of dicts with the
    Choice fields) when given. Codes must be unique within the version."""
    _check_draft(version)
    code = check_code(fields["code"])
    clash = version.nodes.filter(code=code)
    if node is not None:
        clash = clash.exclude(pk=node.pk)
    if clash.exists():
        raise OrientationError("code_taken", taken=code)
    if node is None:
        node = Node(version=version, position=version.nodes.count())
    elif node.code != code:  # keep the links inside the draft pointing at the renamed node
        Choice.objects.filter(node__version=version, next=node.code).update(next=code)
        version.nodes.filter(next=node.code).update(next=code)
        if version.root == node.code:
            version.root = code
            version.save(update_fields=["root"])
    for name, value in fields.items():
        setattr(node, name, value)
    node.save()
    if choices is not None:
        node.choices.all().delete()
        for position, choice in enumerate(choices):
            check_code(choice["code"])
            Choice.objects.create(node=node, position=position, **choice)
    return node


@transaction.atomic
def delete_node(version: TreeVersion, node: Node) -> None:
    _check_draft(version)
    if node.code == version.root:
        raise OrientationError("root_delete")
    node.delete()


@transaction.atomic
def set_root(version: TreeVersion, code: str) -> None:
    _check_draft(version)
    version.root = check_code(code)
    version.save(update_fields=["root"])


def problems(version: TreeVersion) -> list[str]:
    """The validation messages of a version, in the user's language (empty: publishable)."""
    return [problem_message(p) for p in pure.validate(version.as_data())]


@transaction.atomic
def publish(user, version: TreeVersion) -> TreeVersion:
    """Publish a valid draft; the version it replaces is retired, never deleted."""
    tree = Tree.objects.select_for_update().get(pk=version.tree_id)
    version = TreeVersion.objects.get(pk=version.pk)
    _check_draft(version)
    found = problems(version)
    if found:
        raise OrientationError("invalid_tree", details=" ".join(found))
    tree.versions.filter(status=TreeVersion.Status.PUBLISHED).update(
        status=TreeVersion.Status.RETIRED
    )
    version.status = TreeVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    tree.published = version
    tree.save(update_fields=["published"])
    return version


@transaction.atomic
def discard_draft(version: TreeVersion) -> None:
    _check_draft(version)
    version.delete()
