"""Each operation on applications and licences as ONE transaction with its audit entry.

The CLI and the API call these and nothing else that writes. A transaction first takes the
audit chain's lock (`store.audit.lock_chain`), then reads, applies a pure rule from
`workflow` or `drawdown`, writes the change and its audit entry, and commits; any refusal
rolls all of it back, so a failed request leaves the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from corridor.export import Shipment as ExportShipment
from corridor.export import determine
from corridor.licences import workflow
from corridor.licences.drawdown import Balance, Shipment, check_drawdown
from corridor.licences.errors import AlreadyExists, AuditLogBroken, InvalidInput, NotFound
from corridor.licences.forms import ApplicationForm
from corridor.licences.review import ReviewClock, ReviewStats, matches, review_clock, review_stats
from corridor.licences.workflow import (
    Application,
    Approval,
    Denial,
    Filing,
    LicenceTerms,
    ListedStatus,
    Return,
    Status,
)
from corridor.store import audit, idempotency
from corridor.store.applications import ApplicationRow
from corridor.store.keys import AuditKeyError, audit_key
from corridor.store.licences import DrawdownRow, LicenceRow
from corridor.store.users import Role, User, audited, new_token, new_user


class ApplicationReport(BaseModel):
    """An application as people look at it: with its review clock and the licence it produced."""

    application: Application
    review: ReviewClock
    licence_number: str | None = None


class Drawdown(BaseModel):
    """One recorded shipment against a licence, with who recorded it and when."""

    quantity: Decimal
    value: Decimal
    destination: str
    control_number: str | None
    shipped_on: date
    reference: str | None
    actor: str
    recorded_at: datetime


class LicenceReport(BaseModel):
    """A licence's terms, what is left of it, and (when shown alone) every drawdown."""

    terms: LicenceTerms
    balance: Balance
    drawdowns: list[Drawdown] = []


@contextmanager
def _writing(sessions: sessionmaker) -> Iterator[tuple[Session, datetime]]:
    """One transaction, holding the chain lock from its first statement, and the time it records."""
    try:
        audit_key()
    except AuditKeyError as error:
        raise AuditLogBroken(error.field, f"{error}; no change can be recorded without it") from error
    with sessions.begin() as session:
        if not audit.lock_chain(session):
            raise AuditLogBroken("audit", "the audit head row is missing, so no change can be recorded; "
                                 "restore it from a backup (see `corridor audit verify`)")
        yield session, datetime.now(UTC)


def _dump(value: BaseModel | None) -> dict[str, Any] | None:
    return None if value is None else value.model_dump(mode="json")


def _application_row(session: Session, application_id: int) -> ApplicationRow:
    row = session.get(ApplicationRow, application_id)
    if row is None:
        raise NotFound("application_id", f"no application {application_id}", application_id)
    return row


def _create(sessions: sessionmaker, application: Application, actor: str) -> Application:
    with _writing(sessions) as (session, at):
        row = ApplicationRow()
        row.record(application, at)
        session.add(row)
        session.flush()
        created = row.to_application()
        subject = f"application:{row.id}"
        if created.determination is not None:
            audit.append(session, actor=actor, action="determination.saved", subject=subject, at=at,
                         after=created.determination)
        audit.append(session, actor=actor, action="application.drafted", subject=subject, at=at,
                     after=_dump(created))
        return created


def create_draft(sessions: sessionmaker, form: ApplicationForm, actor: str) -> Application:
    """A draft prepared by `actor`, who can therefore never approve it internally."""
    return _create(sessions, workflow.new_draft(form, actor), actor)


def draft_from_determination(sessions: sessionmaker, determination: dict[str, Any], form: ApplicationForm,
                             actor: str) -> Application:
    """A draft from a `licence_required` determination, which is kept with its pack version."""
    return _create(sessions, workflow.draft_from_determination(determination, form, actor), actor)


def draft_from_check(sessions: sessionmaker, shipment: ExportShipment, form: ApplicationForm,
                     actor: str) -> Application:
    """Run the export engine on `shipment` and draft an application from its determination."""
    determination = determine(shipment).model_dump(mode="json")
    return draft_from_determination(sessions, determination, form, actor)


def _transition(sessions: sessionmaker, application_id: int, actor: str, action: str,
                change: Callable[[Application], Application],
                then: Callable[[Session, Application, datetime], None] | None = None,
                idempotency_key: str | None = None, request: dict[str, Any] | None = None) -> Application:
    with _writing(sessions) as (session, at):
        request = {"application": application_id, "action": action, **(request or {})}
        if earlier := _earlier_reply(session, actor, idempotency_key, request, Application, at):
            return earlier
        row = _application_row(session, application_id)
        before = row.to_application()
        after = change(before)
        row.record(after, at)
        audit.append(session, actor=actor, action=f"application.{action}",
                     subject=f"application:{application_id}", at=at, before=_dump(before), after=_dump(after))
        if then:
            then(session, after, at)
        _remember(session, actor, idempotency_key, request, after, at)
        return after


def edit_draft(sessions: sessionmaker, application_id: int, form: ApplicationForm, actor: str) -> Application:
    """Replace a draft's form; the editor joins those excluded from approving it."""
    return _transition(sessions, application_id, actor, "edited", lambda a: workflow.edit(a, form, actor))


def approve(sessions: sessionmaker, application_id: int, actor: str) -> Application:
    """Internal approval (four-eyes) of a complete draft."""
    return _transition(sessions, application_id, actor, "approved_internally",
                       lambda a: workflow.approve_internally(a, actor))


def file(sessions: sessionmaker, application_id: int, filing: Filing, actor: str) -> Application:
    """Record the filing with the authority; the review clock starts on its date."""
    return _transition(sessions, application_id, actor, "filed", lambda a: workflow.file(a, filing))


def decide(sessions: sessionmaker, application_id: int, decision: Approval | Denial | Return,
           actor: str, idempotency_key: str | None = None) -> Application:
    """Record the authority's decision; an approval also grants the licence, in the same transaction.
    A retry under the same `idempotency_key` returns the recorded application unchanged."""

    def grant(session: Session, application: Application, at: datetime) -> None:
        if not isinstance(decision, Approval):
            return
        terms = workflow.licence_terms(application, decision)
        if session.scalar(select(LicenceRow.id).where(LicenceRow.number == terms.number)):
            raise AlreadyExists("licence_number", f"licence {terms.number} is already recorded", terms.number)
        session.add(LicenceRow.grant(terms))
        audit.append(session, actor=actor, action="licence.granted", subject=f"licence:{terms.number}",
                     at=at, after=_dump(terms))

    return _transition(sessions, application_id, actor, f"decided_{decision.outcome}",
                       lambda a: workflow.decide(a, decision), grant, idempotency_key,
                       {"decision": _dump(decision)})


def withdraw(sessions: sessionmaker, application_id: int, reason: str, actor: str) -> Application:
    """Withdraw an open application (draft, internally approved or filed), with the reason."""
    return _transition(sessions, application_id, actor, "withdrawn", lambda a: workflow.withdraw(a, reason))


def show_application(sessions: sessionmaker, application_id: int, today: date) -> ApplicationReport:
    """One application, its review clock as of `today`, and its licence number once granted."""
    with sessions() as session:
        application = _application_row(session, application_id).to_application()
        number = session.scalar(select(LicenceRow.number).where(LicenceRow.application_id == application_id))
    return ApplicationReport(application=application, review=review_clock(application, today),
                             licence_number=number)


def list_applications(sessions: sessionmaker, today: date, status: ListedStatus | None = None,
                      destination: str | None = None, authority: str | None = None,
                      overdue: bool = False) -> list[ApplicationReport]:
    """Applications oldest first, each with its review clock; `overdue` keeps only those past
    the standard review period, the list a compliance officer chases the authority about."""
    query = select(ApplicationRow).order_by(ApplicationRow.id)
    if status:
        stored = Status.draft if status.value == "returned" else Status(status.value)
        query = query.where(ApplicationRow.status == stored.value)
    if destination:
        query = query.where(ApplicationRow.destination == destination.upper())
    if authority:
        query = query.where(ApplicationRow.authority == authority)
    with sessions() as session:
        applications = [row.to_application() for row in session.scalars(query)]
    applications = [a for a in applications if status is None or workflow.listed_as(status, a)]
    reports = [ApplicationReport(application=a, review=review_clock(a, today)) for a in applications]
    return [r for r in reports if r.review.overdue] if overdue else reports


def stats(sessions: sessionmaker, today: date, authority: str | None = None, item: str | None = None,
          destination: str | None = None, since: date | None = None) -> ReviewStats:
    """Review statistics of filed applications; the columns narrow the rows, `matches` decides."""
    query = select(ApplicationRow).where(ApplicationRow.filed_on.is_not(None))
    if since:
        query = query.where(ApplicationRow.filed_on >= since)
    if destination:
        query = query.where(ApplicationRow.destination == destination.upper())
    with sessions() as session:
        applications = [row.to_application() for row in session.scalars(query)]
    return review_stats([a for a in applications if matches(a, authority, item, destination, since)], today)


def _licence_row(session: Session, number: str) -> LicenceRow:
    row = session.scalar(select(LicenceRow).where(LicenceRow.number == number))
    if row is None:
        raise NotFound("licence_number", f"no licence {number!r}", number)
    return row


def show_licence(sessions: sessionmaker, number: str) -> LicenceReport:
    """A licence, its balance and its drawdowns, read in one transaction so they agree."""
    with sessions() as session:
        row = _licence_row(session, number)
        drawdowns = session.scalars(select(DrawdownRow).where(DrawdownRow.licence_id == row.id)
                                    .order_by(DrawdownRow.id))
        return LicenceReport(terms=row.terms(), balance=row.balance(),
                             drawdowns=[Drawdown.model_validate(d, from_attributes=True) for d in drawdowns])


def list_licences(sessions: sessionmaker, destination: str | None = None) -> list[LicenceReport]:
    """Every licence (optionally to one destination) with what is left of it."""
    query = select(LicenceRow).order_by(LicenceRow.id)
    if destination:
        query = query.where(LicenceRow.destination == destination.upper())
    with sessions() as session:
        return [LicenceReport(terms=row.terms(), balance=row.balance()) for row in session.scalars(query)]


def _earlier_reply(session: Session, actor: str, key: str | None, request: dict[str, Any],
                   model: type[BaseModel], now: datetime) -> Any:
    """The reply already given for this idempotency key, or None; another request under the
    same key is refused (the caller holds the chain lock, so two retries cannot both miss)."""
    if not key or (earlier := idempotency.earlier(session, actor, key, now)) is None:
        return None
    if earlier.request != idempotency.digest(request):
        raise AlreadyExists("Idempotency-Key", "this key was used for a different request", key)
    return model.model_validate(earlier.response)


def _remember(session: Session, actor: str, key: str | None, request: dict[str, Any], reply: BaseModel,
              at: datetime) -> None:
    if key:
        idempotency.remember(session, actor, key, request, _dump(reply), at)


def draw_down(sessions: sessionmaker, number: str, shipment: Shipment, actor: str,
              idempotency_key: str | None = None) -> Balance:
    """Ship against a licence; under the chain lock no two drawdowns see the same balance.

    With an `idempotency_key`, a retry of the same shipment by the same actor returns the
    first balance instead of drawing again; the same key on another shipment is refused.
    """
    with _writing(sessions) as (session, at):
        request = {"licence": number, "shipment": _dump(shipment)}
        if earlier := _earlier_reply(session, actor, idempotency_key, request, Balance, at):
            return earlier
        row = _licence_row(session, number)
        before = row.balance()
        after = check_drawdown(row.terms(), before, shipment)
        row.quantity_used, row.value_used = after.quantity_used, after.value_used
        session.add(DrawdownRow(licence_id=row.id, **shipment.model_dump(), actor=actor, recorded_at=at))
        audit.append(session, actor=actor, action="licence.drawn_down", subject=f"licence:{number}", at=at,
                     before=_dump(before), after={"balance": _dump(after), "shipment": _dump(shipment)})
        _remember(session, actor, idempotency_key, request, after, at)
        return after


def add_user(sessions: sessionmaker, name: str, role: Role, actor: str, days: int | None = None) -> str:
    """Create a user; the returned token is never stored and cannot be shown again."""
    if not name.strip() or name != name.strip() or not name.isprintable() or len(name) > 100:
        raise InvalidInput("name", "a user name is 1–100 printable characters with no surrounding spaces",
                           name)
    with _writing(sessions) as (session, at):
        user, token = new_user(name, role, at, *([days] if days else []))
        if session.scalar(select(User.id).where(User.name == name)):
            raise AlreadyExists("name", f"user {name!r} already exists", name)
        session.add(user)
        audit.append(session, actor=actor, action="user.added", subject=f"user:{name}", at=at,
                     after=audited(user))
    return token


def _change_user(sessions: sessionmaker, name: str, actor: str, action: str,
                 change: Callable[[User, datetime], str | None]) -> str | None:
    with _writing(sessions) as (session, at):
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            raise NotFound("name", f"no user {name!r}", name)
        before = audited(user)
        result = change(user, at)
        audit.append(session, actor=actor, action=f"user.{action}", subject=f"user:{name}", at=at,
                     before=before, after=audited(user))
    return result


def revoke_user(sessions: sessionmaker, name: str, actor: str) -> None:
    """Revoke a user's token now; the API refuses it from the next request on."""
    def revoke(user: User, at: datetime) -> None:
        user.revoked_at = at

    _change_user(sessions, name, actor, "revoked", revoke)


def rotate_token(sessions: sessionmaker, name: str, actor: str, days: int | None = None) -> str:
    """Replace a user's token (also un-revokes); the old one stops working at once."""
    return _change_user(sessions, name, actor, "rotated",
                        lambda user, at: new_token(user, at, *([days] if days else [])))


def set_role(sessions: sessionmaker, name: str, role: Role, actor: str) -> None:
    """Promote or demote a user; effective on their next request."""
    def change(user: User, _at: datetime) -> None:
        user.role = role.value

    _change_user(sessions, name, actor, "role_changed", change)


def list_users(sessions: sessionmaker) -> list[dict[str, Any]]:
    """Users as `audited` shows them, without the token digest."""
    with sessions() as session:
        users = session.scalars(select(User).order_by(User.name))
        return [{k: v for k, v in audited(u).items() if k != "token_hash"} for u in users]


def verify_audit(sessions: sessionmaker) -> audit.Verdict:
    """Recompute the audit chain against its checkpoints, then every covered row against it."""
    try:
        key = audit_key()
    except AuditKeyError as error:
        raise AuditLogBroken(error.field, f"{error}; the chain cannot be checked without it") from error
    with sessions() as session:
        return audit.verify(session, key)


def checkpoint_audit(sessions: sessionmaker) -> int | None:
    """Sign the current head now (as `audit checkpoint`); the seq signed, or None if nothing new."""
    with _writing(sessions) as (session, _at):
        mark = audit.checkpoint(session)
        return mark.seq if mark else None
