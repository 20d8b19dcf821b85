"""Every form of the platform, filled with hostile values (huge integers, long text, control
characters, wrong types, ids that do not exist): a form error or a refusal, never a 500.

The forms are found by opening every page of the permission matrix as the visitor with the
widest rights for it and reading its POST forms; each form gets ``EXAMPLES`` generated fillings.
"""

from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from . import scenario as scenario_module
from .permission_rules import RULES

EXAMPLES = 6

HOSTILE = st.one_of(
    st.integers(min_value=2**63, max_value=2**80).map(str),
    st.integers(max_value=-1).map(str),
    st.just("9" * 40),
    st.text(min_size=2000, max_size=6000),
    st.text(alphabet=st.characters(max_codepoint=31), min_size=1, max_size=20),
    st.sampled_from(["abc", "1.5", "1e400", "NaN", "", "null", "[]", "{}", "2026-02-31", "\x00"]),
    st.uuids().map(str),
    st.text(max_size=40),
)


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, list[str]]] = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and (attributes.get("method") or "").lower() == "post":
            self._current = (attributes.get("action") or "", [])
            self.forms.append(self._current)
        elif tag in ("input", "select", "textarea") and self._current is not None:
            name = attributes.get("name")
            if name and name != "csrfmiddlewaretoken" and attributes.get("type") != "file":
                self._current[1].append(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _post_forms(client, url):
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)  # closes the file, keeps the test's connection
        return []
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return []
    parser = _Forms()
    parser.feed(response.content.decode())
    return [(action or url, fields) for action, fields in parser.forms if fields]


@pytest.mark.django_db
def test_no_form_answers_hostile_values_with_a_server_error(settings, tmp_path):
    from django.urls import reverse

    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    network = scenario_module.build(tmp_path)
    forms = {}
    with translation.override("fr"):
        for name, rule in RULES.items():
            if rule.post is not False or name.startswith(("account_", "mfa_", "set_language")):
                continue
            role = "coordinator" if rule.who[-1] == "ok" else "org_admin"
            if "facilitator" in name:
                role = "facilitator"
            client = Client(raise_request_exception=False)
            client.force_login(network.users[role])
            url = reverse(name, kwargs=network.kwargs[rule.objects])
            for action, fields in _post_forms(client, url):
                forms.setdefault((action, tuple(fields)), role)
    assert len(forms) >= 15, forms  # the fuzz reaches the forms of every app
    failures = []
    for (action, fields), role in forms.items():
        _fuzz(network.users[role], action, fields, failures)
    assert not failures, "\n".join(sorted(set(failures)))


def _fuzz(user, action, fields, failures):
    @given(values=st.fixed_dictionaries(dict.fromkeys(fields, HOSTILE)))
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # report, do not shrink
        suppress_health_check=list(HealthCheck),
    )
    def fill(values):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        with transaction.atomic():
            response = client.post(action, values)
            transaction.set_rollback(True)
        if response.status_code >= 500:
            failures.append(f"{action} {sorted(values)}: {response.status_code}")

    fill()
