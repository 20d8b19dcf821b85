"""Coordinators' pages: the trees, a version's nodes with its validation, editing a node of
the draft, publishing, and the branches that lead nowhere. Thin: ``services.trees`` writes."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import coordinator_required

from .. import tree as pure
from ..errors import OrientationError
from ..forms import ChoiceFormSet, NodeForm
from ..models import Tree
from ..services import gaps as gaps_service
from ..services import results
from ..services import trees as tree_service


@coordinator_required
def trees(request):
    rows = Tree.objects.select_related("published").annotate(n_versions=Count("versions"))
    return render(request, "orientation/coordination/trees.html", {"trees": rows})


def _shown_version(tree):
    return tree.versions.drafts().first() or tree.published


@coordinator_required
def tree_edit(request, need):
    tree = get_object_or_404(Tree.objects.select_related("published"), need=need)
    version = _shown_version(tree)
    nodes = list(version.nodes.prefetch_related("choices")) if version else []
    context = {
        "tree": tree,
        "version": version,
        "nodes": nodes,
        "problems": tree_service.problems(version) if version else [],
        "versions": tree.versions.order_by("-number"),
        "preview_url": reverse("orientation:step", args=[need]) + f"?v={version.number}"
        if version
        else "",
    }
    return render(request, "orientation/coordination/tree.html", context)


@coordinator_required
@require_POST
def version_action(request, need):
    tree = get_object_or_404(Tree, need=need)
    action = request.POST.get("action")
    try:
        if action == "draft":
            tree_service.start_draft(request.user, tree)
            messages.success(request, _("A draft was made from the published version."))
        else:
            draft = tree.versions.drafts().first()
            if draft is None:
                raise OrientationError("not_draft")
            if action == "publish":
                tree_service.publish(request.user, draft)
                messages.success(
                    request,
                    _("Version %(number)s is published; links to older versions keep working.")
                    % {"number": draft.number},
                )
            elif action == "discard":
                tree_service.discard_draft(draft)
                messages.success(request, _("The draft was deleted."))
            elif action == "root":
                tree_service.set_root(draft, request.POST.get("root", ""))
    except OrientationError as error:
        messages.error(request, error.message)
    return redirect("orientation:tree_edit", need=need)


def _initial(node):
    fields = ["code", "kind", "next", "level", "require", "prefer"]
    fields += [f"{f}_{lang}" for f in ("text", "help") for lang in ("fr", "nl", "en")]
    return {f: getattr(node, f) for f in fields}


def _choice_initial(node):
    return [
        {
            "code": c.code,
            "label_fr": c.label_fr,
            "label_nl": c.label_nl,
            "label_en": c.label_en,
            "next": c.next,
            "level": c.level,
            "require": c.require,
            "prefer": c.prefer,
            "age": c.age,
        }
        for c in node.choices.all()
    ]


@coordinator_required
def node_edit(request, need, code=None):
    tree = get_object_or_404(Tree, need=need)
    draft = tree.versions.drafts().first()
    if draft is None:
        messages.error(request, _("Make a draft first: published versions stay as they are."))
        return redirect("orientation:tree_edit", need=need)
    node = get_object_or_404(draft.nodes, code=code) if code else None
    codes = list(draft.nodes.values_list("code", flat=True))
    if request.method == "POST":
        form = NodeForm(request.POST, node_codes=codes)
        formset = ChoiceFormSet(request.POST, form_kwargs={"node_codes": codes}, prefix="choices")
        if form.is_valid() and formset.is_valid():
            fields = dict(form.cleaned_data)
            for name in ("text", "help"):
                fields[name] = fields[f"{name}_fr"] or fields[f"{name}_nl"] or fields[f"{name}_en"]
            choices = [
                {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
                | {"label": f.cleaned_data["label_fr"]}
                for f in formset.forms
                if f.has_changed() and f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            known = set(results.term_index())
            try:
                for terms in [fields["require"], fields["prefer"]] + [
                    c[k] for c in choices for k in ("require", "prefer")
                ]:
                    tree_service.check_terms(terms, known)
                answer_codes = [c["code"] for c in choices]
                for taken in answer_codes:
                    if answer_codes.count(taken) > 1:
                        raise OrientationError("duplicate_answers", taken=taken)
                saved = tree_service.save_node(
                    draft, node, fields, choices if fields["kind"] == pure.QUESTION else []
                )
            except OrientationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The node “%(code)s” is saved.") % {"code": saved.code})
                return redirect("orientation:tree_edit", need=need)
    else:
        form = NodeForm(
            initial=_initial(node) if node else {"kind": pure.QUESTION}, node_codes=codes
        )
        formset = ChoiceFormSet(
            initial=_choice_initial(node) if node else [],
            form_kwargs={"node_codes": codes},
            prefix="choices",
        )
    return render(
        request,
        "orientation/coordination/node.html",
        {"tree": tree, "version": draft, "node": node, "form": form, "formset": formset},
        status=400 if request.method == "POST" else 200,
    )


@coordinator_required
@require_POST
def node_delete(request, need, code):
    tree = get_object_or_404(Tree, need=need)
    draft = tree.versions.drafts().first()
    if draft is None:
        messages.error(request, OrientationError("not_draft").message)
        return redirect("orientation:tree_edit", need=need)
    try:
        tree_service.delete_node(draft, get_object_or_404(draft.nodes, code=code))
        messages.success(request, _("The node “%(code)s” is deleted.") % {"code": code})
    except OrientationError as error:
        messages.error(request, error.message)
    return redirect("orientation:tree_edit", need=need)


@coordinator_required
def gaps(request):
    rows, basins = gaps_service.rows()
    return render(request, "orientation/coordination/gaps.html", {"rows": rows, "basins": basins})
