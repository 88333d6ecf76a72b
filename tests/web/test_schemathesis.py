"""Generated bad input against the OpenAPI schema: the API never answers 500.

Runs each operation for a few derandomized examples so the whole file stays
well under a minute.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from webledger import ledger_store

from claimledger.web import create_app

schemathesis = pytest.importorskip("schemathesis")

_EXAMPLES = 15


def test_schemathesis_no_server_errors(tmp_path):
    from schemathesis.checks import not_a_server_error
    from schemathesis.core.failures import FailureGroup

    app = create_app(store=ledger_store(tmp_path))
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    tried = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(checks=[not_a_server_error])

        try:
            run()
        except FailureGroup as failures:  # pragma: no cover - shown on failure
            pytest.fail(f"{operation.label}: {failures}")
        tried.append(operation.label)
    assert len(tried) >= 12
