"""The CLI as a compliance team uses it: from a check to a licence, drawdowns, refusals."""

from __future__ import annotations

import json

import yaml
from licence_fixtures import FORM


def test_from_check_to_drawdown(corridor, tmp_path) -> None:
    parties = {k: v for k, v in FORM.items() if k not in ("items", "destination", "licence_type")}
    form_file = tmp_path / "form.yaml"
    form_file.write_text(yaml.safe_dump(parties))
    code, out, _ = corridor("applications", "new", "--from-check", "--from", "JP", "--to", "KR",
                            "--item", "3C002", "--on", "2019-08-01", "--form", str(form_file),
                            "--quantity", "100", "--unit", "kg", "--value", "5000000", "--currency", "JPY",
                            "--json")
    assert code == 0, out
    draft = json.loads(out)["application"]
    assert draft["determination"]["outcome"] == "licence_required" and draft["review_days"] == 90
    assert corridor("applications", "approve", "1", actor="bob")[0] == 0
    assert corridor("applications", "file", "1", "--authority", "METI", "--reference", "M-1",
                    "--on", "2019-08-02")[0] == 0
    code, out, _ = corridor("applications", "decide", "1", "--outcome", "approved", "--on", "2019-09-01",
                            "--licence-number", "JP-L-7", "--licence-type", "individual",
                            "--valid-until", "2020-02-29", actor="bob")
    assert code == 0 and "licence: JP-L-7" in out
    code, out, _ = corridor("licences", "drawdown", "JP-L-7", "--quantity", "40", "--value", "2000000",
                            "--to", "KR", "--on", "2019-09-10", "--item", "3C002", "--json")
    assert code == 0 and json.loads(out)["quantity_left"] == "60"
    code, out, _ = corridor("applications", "stats", "--authority", "METI", "--item", "3C002", "--to", "KR",
                            "--since", "2019-01-01", "--json")
    assert json.loads(out) == {"filings": 1, "approvals": 1, "denials": 0, "returned": 0, "pending": 0,
                                    "withdrawn": 0, "review_days_median": 30.0, "review_days_max": 30}
    assert "intact: 10 entries" in corridor("audit", "verify")[1]


def test_refusals_exit_1_and_name_the_field(corridor) -> None:
    code, _, err = corridor("applications", "approve", "42", actor="bob")
    assert code == 1 and "application_id: no application 42" in err
    code, _, err = corridor("licences", "drawdown", "JP-L-1", "--quantity", "-1", "--value", "1",
                            "--to", "KR", "--on", "2019-09-10")
    assert code == 1 and "quantity" in err
    code, _, err = corridor("applications", "new", "--from-check", "--from", "JP", "--to", "KR",
                            "--item", "not-listed", "--on", "2019-08-01")
    assert code == 1 and "determination.outcome" in err
    code, _, err = corridor("applications", "new", "--from-check", "--from", "JP", "--to", "KR",
                            "--item", "3C0O2", "--on", "2019-08-01")
    assert code == 1 and "item: unknown control number '3C0O2'" in err


def test_users_add_prints_a_token_once(corridor, db_url) -> None:
    code, out, _ = corridor("users", "add", "olga", "--role", "officer", actor="ada")
    token = out.strip().splitlines()[-1]
    assert code == 0 and token.startswith("cor_")
    from corridor.store.db import engine_for

    with engine_for(db_url).connect() as connection:
        stored = connection.exec_driver_sql("SELECT token_hash FROM users WHERE name = 'olga'").scalar()
    assert token not in stored and len(stored) == 64
