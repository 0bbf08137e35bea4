"""Schema-driven: every API operation called with inputs generated from the OpenAPI
document answers as the document says, and never with a server error."""

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from site_core.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _data(db, settings):
    settings.OPEN_DATA_API_RATE = "100000/m"
    settings.ALLOWED_HOSTS = ["*"]
    # Called as a WSGI app, Django closes "old" connections after each request, which on
    # PostgreSQL would end the test's transaction; Django's test client does the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_matches_its_document(case):
    response = case.call()
    assert response.status_code < 500
    case.validate_response(response)
