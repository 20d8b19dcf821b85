"""The permission matrix: every URL of the project, requested by six kinds of visitor, gives
what ``permission_rules.py`` declares. A URL without a rule fails; every HTML page met on the
way must carry the Content-Security-Policy and no inline script or style."""

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from . import scenario as scenario_module
from .page_checks import page_problems
from .permission_rules import EXCLUDED_PREFIXES, RULES

LOGIN_PREFIX = "/fr/compte/login/"


def url_names(patterns=None, namespace="") -> list[str]:
    names = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            names += url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            names.append(f"{namespace}{pattern.name or f'<unnamed {pattern.pattern}>'}")
    return sorted({n for n in names if not n.startswith(EXCLUDED_PREFIXES)})


def test_every_url_of_the_project_has_a_rule():
    names = url_names()
    missing = [name for name in names if name not in RULES]
    assert not missing, f"URLs without a rule in core/tests/permission_rules.py: {missing}"
    stale = sorted(set(RULES) - set(names))
    assert not stale, f"rules for URLs that no longer exist: {stale}"


def outcome(response) -> str:
    if response.status_code >= 500:
        return f"server error {response.status_code}"
    if response.status_code in (301, 302, 303, 307, 308):
        if response["Location"].startswith(LOGIN_PREFIX):
            return "login"
        # A refused action that sends the visitor back with an error message is a refusal.
        errors = [m for m in get_messages(response.wsgi_request) if m.level == message_levels.ERROR]
        return f"no ({errors[0]})" if errors else "ok"
    if response.status_code in (403, 404, 405):
        return "no"
    return "ok"  # 2xx, and 400 for an empty form posted by someone allowed to post it


@pytest.fixture
def network(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    return scenario_module.build(tmp_path)


def test_the_permission_matrix(network):
    mismatches, pages = [], []
    with translation.override("fr"):
        urls = {name: reverse(name, kwargs=network.kwargs[RULES[name].objects]) for name in RULES}
    for index, role in enumerate(scenario_module.ROLES):
        user = network.users[role]
        for name in url_names():
            rule = RULES[name]
            client = Client(raise_request_exception=False)  # no message left by the last one
            if user is not None:
                client.force_login(user)
            # Each request is rolled back: what one visitor does never changes the next one's.
            with transaction.atomic():
                if rule.post is False:
                    response = client.get(urls[name])
                else:
                    data = network.data.get(rule.post, {}) if isinstance(rule.post, str) else {}
                    response = client.post(
                        urls[name], rule.post if isinstance(rule.post, dict) else data
                    )
                if hasattr(response, "streaming_content"):
                    # Read to the end, the test client closes the file and keeps the test's
                    # connection (response.close() would close that connection on PostgreSQL).
                    b"".join(response.streaming_content)
                transaction.set_rollback(True)
            got, wanted = outcome(response), rule.who[index]
            if got.startswith("server error") or (wanted != "any" and got.split()[0] != wanted):
                mismatches.append(f"{name} as {role}: wanted {wanted}, got {got}")
            if response.status_code == 200 and not hasattr(response, "streaming_content"):
                pages += [f"{name} as {role}: {p}" for p in page_problems(response)]
    assert not mismatches, "\n".join(mismatches)
    assert not pages, "\n".join(pages)


def test_a_draft_orientation_path_is_for_coordinators_only(network):
    """``?v=`` of a draft version: coordinators preview it, everyone else gets the 400 of an
    unknown version (the draft is not revealed)."""
    from orientation.models import TreeVersion

    draft = TreeVersion.objects.get(tree__need="housing", status=TreeVersion.Status.DRAFT)
    with translation.override("fr"):
        step = reverse("orientation:step", kwargs={"need": "housing"}) + f"?v={draft.number}"
    for role in scenario_module.ROLES:
        client = Client(raise_request_exception=False)
        if network.users[role] is not None:
            client.force_login(network.users[role])
        response = client.get(step)
        if role == "coordinator":
            assert response.status_code == 200 and response.context["preview"], role
        else:
            assert response.status_code == 400, role
            assert "version" not in (response.context or {}), role
