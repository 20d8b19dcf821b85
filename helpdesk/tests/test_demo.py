"""The demo's texts contain no personal data: the guard lets every one of them through."""

import pytest

from helpdesk import demo
from helpdesk.pii import scan


@pytest.mark.parametrize(
    "text",
    [t for texts in demo.SITUATIONS.values() for t in texts] + demo.GAPS,
)
def test_demo_texts_pass_the_guard(text):
    assert scan(text) == []
