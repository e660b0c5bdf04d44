"""The CLI acts as the user whose token is presented: free-text actors are refused, roles,
revocation and expiry hold as in the API, and failures are one named line, never a traceback."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from licence_fixtures import FORM
from typer.testing import CliRunner

from corridor.cli.main import app
from corridor.licences import service
from corridor.store.db import engine_for, open_database
from corridor.store.users import Role

METI_SAMPLE = Path(__file__).parent / "data" / "meti_end_user_sample.csv"


@pytest.fixture
def form_file(tmp_path) -> str:
    import yaml

    path = tmp_path / "form.yaml"
    path.write_text(yaml.safe_dump(FORM))
    return str(path)


def corridor(*args: str, **env: str):
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_bootstrap_login_is_one_person_and_cannot_be_three(db_url, form_file) -> None:
    """With no users yet, the actor is the OS login; naming someone else is refused."""
    code, _, err = corridor("applications", "new", "--form", form_file, "--db", db_url,
                            CORRIDOR_ACTOR="alice")
    assert code == 1 and "actor: --actor 'alice' is not the user" in err
    assert corridor("applications", "new", "--form", form_file, "--db", db_url)[0] == 0
    code, _, err = corridor("applications", "approve", "1", "--db", db_url, CORRIDOR_ACTOR="bob")
    assert code == 1 and "actor" in err
    code, _, err = corridor("applications", "approve", "1", "--db", db_url)
    assert code == 1 and getpass.getuser() in err  # four-eyes: the same login drafted it


@pytest.fixture
def tokens(db_url) -> dict[str, str]:
    sessions = open_database(db_url)
    return {name: service.add_user(sessions, name, role, "setup")
            for name, role in (("alice", Role.analyst), ("bob", Role.officer), ("ada", Role.admin))}


def test_with_users_a_write_needs_a_token_and_the_right_role(db_url, tokens, form_file) -> None:
    code, _, err = corridor("applications", "new", "--form", form_file, "--db", db_url)
    assert code == 1 and "token: this needs a user's token" in err
    code, _, err = corridor("applications", "new", "--form", form_file, "--db", db_url,
                            CORRIDOR_TOKEN="cor_x")
    assert code == 1 and "unknown token" in err
    assert corridor("applications", "new", "--form", form_file, "--db", db_url,
                    CORRIDOR_TOKEN=tokens["alice"])[0] == 0
    code, _, err = corridor("applications", "approve", "1", "--db", db_url, CORRIDOR_TOKEN=tokens["alice"])
    assert code == 1 and "role: alice is analyst; this needs officer" in err
    code, _, err = corridor("applications", "approve", "1", "--db", db_url, "--actor", "ada",
                            CORRIDOR_TOKEN=tokens["bob"])
    assert code == 1 and "not the user whose token is presented ('bob')" in err
    assert corridor("applications", "approve", "1", "--db", db_url, CORRIDOR_TOKEN=tokens["bob"])[0] == 0
    code, _, err = corridor("users", "add", "eve", "--role", "admin", "--db", db_url,
                            CORRIDOR_TOKEN=tokens["bob"])
    assert code == 1 and "needs admin" in err


def test_the_token_file_is_read_and_must_be_private(db_url, tokens, form_file, corridor_home) -> None:
    token_file = corridor_home / "token"
    token_file.write_text(tokens["alice"] + "\n")
    token_file.chmod(0o644)
    code, _, err = corridor("applications", "new", "--form", form_file, "--db", db_url)
    assert code == 1 and "chmod 600" in err
    token_file.chmod(0o600)
    code, out, _ = corridor("applications", "new", "--form", form_file, "--db", db_url, "--json")
    assert code == 0 and '"prepared_by": "alice"' in out


def test_revoked_rotated_and_expired_tokens_stop_working(db_url, tokens, form_file) -> None:
    def draft(token: str) -> tuple[int, str]:
        code, _, err = corridor("applications", "new", "--form", form_file, "--db", db_url,
                                CORRIDOR_TOKEN=token)
        return code, err

    admin = {"CORRIDOR_TOKEN": tokens["ada"]}
    assert corridor("users", "revoke", "alice", "--db", db_url, **admin)[0] == 0
    code, err = draft(tokens["alice"])
    assert code == 1 and "the token of alice was revoked" in err
    code, out, _ = corridor("users", "rotate", "alice", "--db", db_url, **admin)
    fresh = out.strip().splitlines()[-1]
    assert code == 0 and draft(fresh)[0] == 0 and "unknown token" in draft(tokens["alice"])[1]
    with engine_for(db_url).begin() as connection:
        connection.execute(sa.text("UPDATE users SET expires_at = :t WHERE name = 'alice'"),
                           {"t": datetime.now(UTC) - timedelta(minutes=1)})
    assert "expired" in draft(fresh)[1]
    code, out, _ = corridor("users", "list", "--db", db_url)
    assert code == 0 and "alice" in out and "cor_" not in out


def test_role_changes_are_audited_and_a_hand_edit_is_reported(db_url, tokens) -> None:
    admin = {"CORRIDOR_TOKEN": tokens["ada"]}
    assert corridor("users", "role", "bob", "--role", "viewer", "--db", db_url, **admin)[0] == 0
    code, out, _ = corridor("audit", "verify", "--db", db_url)
    assert code == 0 and "intact: 4 entries" in out
    with engine_for(db_url).begin() as connection:
        connection.execute(sa.text("UPDATE users SET role = 'admin' WHERE name = 'bob'"))
    code, _, err = corridor("audit", "verify", "--db", db_url)
    assert code == 1 and "users bob: role is 'admin', the audit log says 'viewer'" in err


def test_verify_refuses_a_database_that_does_not_exist(tmp_path) -> None:
    wrong = tmp_path / "wrong.db"
    code, _, err = corridor("audit", "verify", "--db", str(wrong))
    assert code == 2 and f"error: db: no database at {wrong}" in err
    assert not wrong.exists()


def test_an_unreachable_database_is_one_line(form_file) -> None:
    code, _, err = corridor("licences", "list", "--db", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert code == 2 and err.startswith("error: db: cannot use") and "Traceback" not in err
    assert "secret" not in err


def test_a_corrupted_sqlite_file_is_refused(tmp_path, tokens, db_url) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    code, _, err = corridor("licences", "list", "--db", str(path))
    assert code == 2 and "error: db:" in err and "Traceback" not in err


def test_a_damaged_page_stops_drawdowns(tmp_path) -> None:
    path = tmp_path / "damaged.db"
    sessions = open_database(str(path))
    service.add_user(sessions, "ada", Role.admin, "setup")
    engine_for(f"sqlite:///{path}").dispose()
    data = bytearray(path.read_bytes())
    data[4096 + 8:4096 + 64] = b"\x07" * 56  # scribble over the second page's header and cells
    path.write_bytes(bytes(data))
    code, _, err = corridor("licences", "list", "--db", str(path))
    assert code == 2 and "error: db:" in err and ("corrupted" in err or "malformed" in err)


def test_an_unwritable_out_is_one_line(tmp_path) -> None:
    assert corridor("lists", "load", str(METI_SAMPLE), "--format", "meti")[0] == 0
    parties = tmp_path / "parties.csv"
    parties.write_text("name\nKim\n")
    out = tmp_path / "no" / "such" / "out.csv"
    code, _, err = corridor("screen", "--batch", str(parties), "--out", str(out))
    assert code == 2 and "error:" in err and "No such file or directory" in err and "Traceback" not in err


def test_audit_checkpoint_needs_an_officer_and_signs_the_head(db_url, tokens) -> None:
    code, _, err = corridor("audit", "checkpoint", "--db", db_url, CORRIDOR_TOKEN=tokens["alice"])
    assert code == 1 and "needs officer" in err
    code, out, _ = corridor("audit", "checkpoint", "--db", db_url, CORRIDOR_TOKEN=tokens["bob"])
    assert code == 0 and "checkpoint signed at entry 3" in out
    code, out, _ = corridor("audit", "checkpoint", "--db", db_url, CORRIDOR_TOKEN=tokens["bob"])
    assert code == 0 and "already checkpointed" in out
    code, out, _ = corridor("audit", "verify", "--db", db_url)
    assert code == 0 and "intact: 3 entries, 4 checkpoints checked" in out
