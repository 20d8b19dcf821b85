"""schemathesis against the HSDS API's own OpenAPI document: whatever the parameters, no server
error, and every response is one the document declares, with the declared content.

Each operation gets a bounded, reproducible number of generated requests (``EXAMPLES``)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from directory.tests.factories import make_service

EXAMPLES = 30


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """The real WSGI handler closes the database connection at the start and end of each
    request (``close_old_connections``); inside the test's transaction that closes it for good
    on PostgreSQL. Django's own test client disconnects the same receivers; so does this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_the_api_conforms_to_its_openapi_document(wsgi_keeps_the_test_connection):
    from maillage.wsgi import application

    make_service(name_fr="Permanence logement")
    schema = schemathesis.openapi.from_wsgi("/api/hsds/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:300])
            case.validate_response(response)

        check()
