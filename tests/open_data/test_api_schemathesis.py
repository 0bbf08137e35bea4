"""Schema-driven: every API operation called with inputs generated from the OpenAPI
document answers as the document says, and never with a server error."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from site_core.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _data(db, settings):
    settings.OPEN_DATA_API_RATE = "100000/m"
    settings.ALLOWED_HOSTS = ["*"]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_matches_its_document(case):
    response = case.call()
    assert response.status_code < 500
    case.validate_response(response)
