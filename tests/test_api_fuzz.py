"""schemathesis against the app's own OpenAPI: no generated request may cause a server error.

Generated bodies include NUL characters, huge numbers, odd dates and unknown keys; each must be
refused with a 4xx (or accepted), never crash the app, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from licence_fixtures import api_client, granted_licence

EXAMPLES_PER_OPERATION = 12


def test_no_generated_request_causes_a_server_error(db_url) -> None:
    client, headers = api_client(db_url)
    granted_licence(client.app.state.sessions)
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    failures, seen = [], []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def call(case) -> None:
            response = case.call(headers=headers["admin"])
            seen.append(response.status_code)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.body!r}: {response.status_code}")

        call()
    assert failures == []
    assert any(status < 300 for status in seen), "no generated request was accepted: fuzzing too shallow"
