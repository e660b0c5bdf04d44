"""Each operation is one transaction with its audit entry, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from licence_fixtures import APPROVAL, FILING, filed_application, form, granted_licence

from corridor.export import Shipment as ExportShipment
from corridor.export import determine
from corridor.licences import service
from corridor.licences.drawdown import Shipment
from corridor.licences.errors import AlreadyExists, DrawdownRefused, NotApplicable, NotFound, WrongState
from corridor.licences.forms import ApplicationForm
from corridor.licences.workflow import Status
from corridor.store import idempotency
from corridor.store.db import engine_for, open_database

RESIST_TO_KOREA = ExportShipment(exporter_country="JP", destination="KR", item="3C002", on=date(2019, 8, 1))


@pytest.fixture
def sessions(db_url):
    return open_database(db_url)


def snapshot(db_url: str) -> dict[str, list]:
    """Every row of every licence table, to prove a refused operation changed nothing."""
    with engine_for(db_url).connect() as connection:
        return {table: connection.execute(sa.text(f"SELECT * FROM {table} ORDER BY 1")).all()
                for table in ("applications", "licences", "drawdowns", "audit_log", "audit_head")}


def test_approval_grants_the_licence_in_the_same_transaction(sessions) -> None:
    number = granted_licence(sessions, quantity="80")
    report = service.show_licence(sessions, number)
    assert report.terms.quantity_limit == 80 and report.terms.value_limit == 5_000_000
    shown = service.show_application(sessions, report.terms.application_id, date(2019, 9, 1))
    assert shown.application.status == Status.approved and shown.licence_number == number


def test_check_becomes_a_draft_keeping_determination_and_pack_version(sessions) -> None:
    draft = service.draft_from_check(sessions, RESIST_TO_KOREA, ApplicationForm(), "alice")
    stored = service.show_application(sessions, draft.id, date(2019, 8, 1)).application
    answer = determine(RESIST_TO_KOREA)
    assert stored.determination == answer.model_dump(mode="json")
    assert stored.pack_version == answer.pack_version is not None
    assert (stored.review_days, stored.form.destination, stored.form.licence_type) == (90, "KR", "individual")


def test_check_that_needs_no_licence_writes_nothing(sessions, db_url) -> None:
    before = snapshot(db_url)
    unlisted_civil = RESIST_TO_KOREA.model_copy(update={"item": "not-listed"})
    with pytest.raises(NotApplicable):
        service.draft_from_check(sessions, unlisted_civil, ApplicationForm(), "alice")
    assert snapshot(db_url) == before


def test_wrong_state_leaves_the_database_unchanged(sessions, db_url) -> None:
    application_id = filed_application(sessions)
    before = snapshot(db_url)
    with pytest.raises(WrongState):
        service.approve(sessions, application_id, "carol")
    assert snapshot(db_url) == before


def test_duplicate_licence_number_rolls_back_the_decision_too(sessions, db_url) -> None:
    granted_licence(sessions)
    second = filed_application(sessions)
    before = snapshot(db_url)
    with pytest.raises(AlreadyExists, match="already recorded"):
        service.decide(sessions, second, APPROVAL, "bob")
    assert snapshot(db_url) == before
    assert service.show_application(sessions, second, date(2019, 9, 1)).application.status == Status.filed


def test_refused_drawdown_changes_nothing(sessions, db_url) -> None:
    number = granted_licence(sessions)
    before = snapshot(db_url)
    with pytest.raises(DrawdownRefused, match="expired"):
        service.draw_down(sessions, number, Shipment(quantity=1, value=1, destination="KR",
                                                     shipped_on=date(2021, 1, 1)), "carol")
    assert snapshot(db_url) == before


def test_unknown_ids_are_not_found(sessions) -> None:
    with pytest.raises(NotFound):
        service.approve(sessions, 999, "bob")
    with pytest.raises(NotFound):
        service.show_licence(sessions, "JP-L-404")


def test_stats_filter_by_authority_item_destination_and_date(sessions) -> None:
    granted_licence(sessions)
    filed_application(sessions)
    stats = service.stats(sessions, date(2019, 12, 31), authority="METI", item="3C002", destination="KR",
                          since=date(2019, 7, 1))
    assert (stats.filings, stats.approvals, stats.pending, stats.review_days_max) == (2, 1, 1, 28)
    assert service.stats(sessions, date(2019, 12, 31), since=date(2019, 7, 11)).filings == 0


def test_list_flags_overdue_applications(sessions) -> None:
    draft = service.draft_from_check(sessions, RESIST_TO_KOREA, form(), "alice")
    service.approve(sessions, draft.id, "bob")
    service.file(sessions, draft.id, FILING.model_copy(update={"filed_on": date(2019, 8, 2)}), "alice")
    on_time, late = (service.list_applications(sessions, day)[0].review for day in
                     (date(2019, 10, 31), date(2019, 11, 1)))
    assert (on_time.overdue, late.overdue, late.days_under_review) == (False, True, 91)
    assert service.list_applications(sessions, date(2019, 10, 31), overdue=True) == []
    assert len(service.list_applications(sessions, date(2019, 11, 1), overdue=True)) == 1


def test_fifty_concurrent_drawdowns_never_exceed_the_balance(sessions, db_url) -> None:
    number = granted_licence(sessions, quantity="100", value="1000000")
    shipment = Shipment(quantity=Decimal(3), value=Decimal(1000), destination="KR",
                        shipped_on=date(2019, 9, 1))

    def ship(_: int) -> bool:
        try:
            service.draw_down(sessions, number, shipment, "carol")
            return True
        except DrawdownRefused:
            return False

    with ThreadPoolExecutor(max_workers=50) as pool:
        accepted = sum(pool.map(ship, range(50)))

    report = service.show_licence(sessions, number)
    assert accepted == 33
    assert report.balance.quantity_used == sum(d.quantity for d in report.drawdowns) == 99
    assert report.balance.quantity_left == 1
    verdict = service.verify_audit(sessions)
    assert verdict.intact and verdict.entries == 5 + 33


def test_an_idempotency_key_answers_retries_for_a_day_then_is_forgotten(sessions) -> None:
    start = datetime(2026, 12, 3, 9, tzinfo=UTC)
    hours = [start + timedelta(hours=h) for h in (23, 25, 50)]
    with sessions.begin() as session:
        idempotency.remember(session, "alice", "retry-1", {"ship": 1}, {"left": 90}, start)
    with sessions.begin() as session:
        assert idempotency.earlier(session, "alice", "retry-1", hours[0]).response == {"left": 90}
        assert idempotency.earlier(session, "bob", "retry-1", hours[0]) is None
    with sessions.begin() as session:
        assert idempotency.earlier(session, "alice", "retry-1", hours[1]) is None
        idempotency.remember(session, "alice", "retry-1", {"ship": 2}, {"left": 80}, hours[1])
    with sessions.begin() as session:
        idempotency.remember(session, "alice", "retry-2", {"ship": 3}, {"left": 70}, hours[2])
    with sessions.begin() as session:
        kept = session.scalars(sa.select(idempotency.IdempotencyKey.key)).all()
    assert kept == ["retry-2"]  # the actor's keys older than a day went with the next write
