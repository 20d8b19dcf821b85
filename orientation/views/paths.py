"""The guided path pages: the needs, one question per screen, the result, and the click-through
that counts an opened service. GET only: the answers travel in the link, so back, forward and
a shared link all work without a session; nothing here identifies a person."""

import secrets

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import Service
from directory.models.service import LANGUAGE_CHOICES
from territory.models import Municipality

from .. import tree as pure
from ..errors import OrientationError
from ..models import Tree
from ..needs import NEEDS
from ..services import paths, results

#: The token of result links that count nothing (a shared link, a preview).
NO_RECORD = "-"


def home(request):
    trees = {t.need: t for t in Tree.objects.filter(published__isnull=False)}
    needs = [(code, trees.get(code)) for code in NEEDS]
    from directory.models import TaxonomyTerm

    names = {
        t.code: t.name for t in TaxonomyTerm.objects.filter(taxonomy__code="theme", code__in=NEEDS)
    }
    return render(
        request,
        "orientation/home.html",
        {"needs": [(code, names.get(code, code), tree) for code, tree in needs]},
    )


def _context(request, need):
    """The tree, version, answers and walk of a path link; drafts only for coordinators
    (preview)."""
    tree = paths.published_tree(need) if not _may_preview(request) else _any_tree(need)
    version = paths.version_of(tree, request.GET.get("v"), allow_draft=_may_preview(request))
    data = paths.data_of(version)
    answers = paths.read_answers(request.GET, data)
    return tree, version, data, answers, paths.walk(version, answers)


def _may_preview(request) -> bool:
    return request.user.is_authenticated and request.user.is_coordinator


def _any_tree(need):
    tree = Tree.objects.select_related("published").filter(need=need).first()
    if tree is None:
        raise OrientationError("not_offered")
    return tree


def _error_page(request, error, status=400):
    return render(request, "orientation/error.html", {"message": error.message}, status=status)


def _step_url(need, version, answers, at=""):
    return (
        reverse("orientation:step", args=[need]) + "?" + paths.query_string(version, answers, at=at)
    )


def _result_url(need, version, answers, **extra):
    return (
        reverse("orientation:result", args=[need])
        + "?"
        + paths.query_string(version, answers, **extra)
    )


def step(request, need):
    try:
        tree, version, data, answers, walk = _context(request, need)
    except OrientationError as error:
        return _error_page(request, error, 404 if error.code == "not_offered" else 400)
    codes = [code for code, _answer in walk.steps]
    submitted = request.GET.get("from", "")
    if submitted:
        if submitted not in codes:  # no answer, or one that is not an option
            return _question(request, tree, version, data, answers, walk, submitted, True)
        index = codes.index(submitted)
        if index + 1 < len(codes):
            return redirect(_step_url(need, version, answers, codes[index + 1]))
        if walk.leaf:
            return _complete(request, tree, version, data, answers, walk)
        return redirect(_step_url(need, version, answers, walk.current))
    at = request.GET.get("at", "")
    current = at if at in codes else walk.current
    if data["nodes"][current]["kind"] in pure.LEAVES:
        return redirect(_result_url(need, version, walk.answers))
    invalid = current in walk.invalid
    return _question(request, tree, version, data, answers, walk, current, invalid)


def _question(request, tree, version, data, answers, walk, code, error):
    node = paths.nodes_of(version)[code]
    kind = node.kind
    if kind == pure.QUESTION:
        options = [(c.code, c.label) for c in getattr(node, "choice_list", node.choices.all())]
    elif kind == pure.LANGUAGE:
        options = [(code_, str(name)) for code_, name in LANGUAGE_CHOICES]
    else:
        options = [(m.nis_code, m.name) for m in Municipality.objects.all()]
        options.sort(key=lambda item: item[1])
    codes = [c for c, _a in walk.steps]
    position = codes.index(code) + 1 if code in codes else len(codes) + 1
    total = position - 1 + pure.remaining(data, code)
    back_code = pure.previous(pure.Walk(walk.steps, code, False))
    back = (
        _step_url(tree.need, version, answers, back_code)
        if back_code
        else reverse("orientation:home")
    )
    context = {
        "tree": tree,
        "version": version,
        "node": node,
        "options": options,
        "selected": answers.get(code, ""),
        "hidden": [(k, v) for k, v in sorted(answers.items()) if k != code],
        "position": position,
        "total": total,
        "back": back,
        "error": _("Please choose an answer.") if error else "",
        "preview": version.status == "draft",
        "once": secrets.token_urlsafe(12),
    }
    return render(request, "orientation/question.html", context, status=400 if error else 200)


def _complete(request, tree, version, data, answers, walk):
    """Count the path once, even when the last answer is sent twice (a reload, a double
    click): the form's one-time key ``n`` remembers the record for a day."""
    once = request.GET.get("n", "")
    record = paths.recorded_for(once)
    if record is None:
        leaf = data["nodes"][walk.current]
        found = None
        if leaf["kind"] == pure.SEARCH:
            found = results.find(tree.need, paths.criteria_of(version, walk))
        record = paths.complete(version, walk, found, once=once)
    return redirect(_result_url(tree.need, version, walk.answers, r=paths.record_token(record)))


def result(request, need):
    try:
        tree, version, data, answers, walk = _context(request, need)
    except OrientationError as error:
        return _error_page(request, error, 404 if error.code == "not_offered" else 400)
    if not walk.leaf:
        return redirect(_step_url(need, version, answers, walk.current))
    leaf = paths.nodes_of(version)[walk.current]
    criteria = paths.criteria_of(version, walk)
    level = request.GET.get("step", "")
    if level and level not in pure.LEVELS:
        level = ""
    found = None
    if leaf.kind == pure.SEARCH:
        found = results.find(need, criteria, level=level or None)
    token = request.GET.get("r", "")
    share = request.build_absolute_uri(_result_url(need, version, walk.answers))
    labels = _answer_labels(version, walk)
    context = {
        "tree": tree,
        "version": version,
        "leaf": leaf,
        "found": found,
        "answers": labels,
        "share_url": share,
        "token": token or NO_RECORD,
        "edit_url": _step_url(need, version, walk.answers, walk.steps[-1][0]),
        "step_links": [
            (
                direction,
                term,
                count,
                _result_url(need, version, walk.answers, r=token, step=term.code),
            )
            for direction, term, count in (found.steps if found else [])
        ],
        "stepped": level,
        "preview": version.status == "draft",
    }
    return render(request, "orientation/result.html", context)


def _answer_labels(version, walk) -> list[tuple[str, str]]:
    """(question, answer) in the user's language, for the summary of the result page."""
    nodes = paths.nodes_of(version)
    languages = dict(LANGUAGE_CHOICES)
    labels = []
    for code, answer in walk.steps:
        node = nodes[code]
        if node.kind == pure.QUESTION:
            choices = getattr(node, "choice_list", None) or node.choices.all()
            label = next((c.label for c in choices if c.code == answer), answer)
        elif node.kind == pure.LANGUAGE:
            label = str(languages.get(answer, answer))
        else:
            municipality = results.place_of(answer)[0]
            label = municipality.name if municipality else answer
        labels.append((node.text, label))
    return labels


def open_service(request, token, service_id):
    """Count a service opened from a result page, then show its sheet."""
    service = Service.objects.filter(pk=service_id).only("pk").first()
    if service is None:
        raise Http404
    if token != NO_RECORD:
        paths.record_opened(token, service.pk)
    return redirect(service.get_absolute_url())
