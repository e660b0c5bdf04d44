"""`corridor applications …` and `corridor licences …` (`audit` and `users` live in their own modules).

A thin shell over `corridor.licences.service`: it parses flags into the same pydantic inputs
the API accepts, prints the result, and turns a refusal into one line naming the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import sessionmaker

from corridor.cli.identity import checked_actor
from corridor.export import Shipment as ExportShipment
from corridor.licences import service
from corridor.licences.drawdown import Shipment
from corridor.licences.errors import LicenceError
from corridor.licences.forms import ApplicationForm
from corridor.licences.review import ReviewClock
from corridor.licences.workflow import Approval, Denial, Filing, ListedStatus, Return
from corridor.store.db import open_database

console = Console()
errors = Console(stderr=True)
Db = Annotated[str | None, typer.Option("--db", help="SQLite path or database URL (default: "
                                        "CORRIDOR_DATABASE_URL or $CORRIDOR_HOME/corridor.db).")]
Actor = Annotated[str | None, typer.Option("--actor", envvar="CORRIDOR_ACTOR",
                                           help="Must name the user of CORRIDOR_TOKEN (the audit actor).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

applications_app = typer.Typer(help="Licence applications: draft, approve, file, decide, withdraw.",
                               no_args_is_help=True)
licences_app = typer.Typer(help="Granted licences and drawdowns against them.", no_args_is_help=True)


@contextmanager
def refusals() -> Iterator[None]:
    """Print a refusal or bad input as `error: field: reason` and exit 1; nothing was written."""
    try:
        yield
    except LicenceError as error:
        errors.print(f"[red]error[/red]: {error.field}: {error.reason}", highlight=False)
        raise typer.Exit(1) from error
    except ValidationError as error:
        for problem in error.errors():
            field = ".".join(str(part) for part in problem["loc"]) or error.title
            errors.print(f"[red]error[/red]: {field}: {problem['msg']} (got {problem.get('input')!r})",
                          highlight=False)
        raise typer.Exit(1) from error
    except ValueError as error:  # the export engine's bad input: its message starts with the field
        errors.print(f"[red]error[/red]: {error}", highlight=False)
        raise typer.Exit(1) from error


def _actor(sessions: sessionmaker, actor: str | None, role: str) -> str:
    """The token's user (see `cli.identity`); a `--actor` naming anyone else is refused."""
    return checked_actor(sessions, actor, role)


def _today() -> date:
    return datetime.now(UTC).date()


def _print_json(value: BaseModel | list[BaseModel]) -> None:
    many = isinstance(value, list)
    dump = [v.model_dump(mode="json") for v in value] if many else value.model_dump(mode="json")
    print(json.dumps(dump, indent=2, ensure_ascii=False))


def _read_form(path: Path | None) -> dict[str, Any]:
    """The form's fields from YAML (JSON is YAML too); an unreadable file is refused as `form`."""
    if path is None:
        return {}
    try:
        fields = yaml.safe_load(path.read_text()) or {}
    except (OSError, yaml.YAMLError) as error:
        raise LicenceError("form", f"cannot read {path}: {error}", str(path)) from error
    if not isinstance(fields, dict):
        raise LicenceError("form", f"{path} must map form fields (applicant, items, …)", str(path))
    return fields


def _summary(report: service.ApplicationReport) -> str:
    """Status and review clock; a pending filing's clock runs to today, and the line says so."""
    review, application = report.review, report.application
    clock = f"; review day {_days(review)}" if review.days_under_review is not None else ""
    if clock and application.decision is None:
        clock += f" counted to today ({_today()})"
    overdue = " OVERDUE — record the authority's decision with `applications decide`" * review.overdue
    return f"application {application.id}: {application.status.value}{clock}{overdue}"


@applications_app.command("new")
def new(
    form: Annotated[Path | None, typer.Option("--form", help="YAML/JSON with form fields.")] = None,
    from_check: Annotated[bool, typer.Option("--from-check", help="Draft from `corridor check`.")] = False,
    exporter: Annotated[str | None, typer.Option("--from", help="Exporting country.")] = None,
    destination: Annotated[str | None, typer.Option("--to", help="Destination country.")] = None,
    item: Annotated[str | None, typer.Option("--item", help="Control number, e.g. 3C002.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Shipment date YYYY-MM-DD.")] = None,
    end_use: Annotated[str, typer.Option("--end-use", help="civil | military | wmd.")] = "civil",
    quantity: Annotated[str | None, typer.Option("--quantity", help="Item line: quantity.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Item line: unit, e.g. kg.")] = None,
    value: Annotated[str | None, typer.Option("--value", help="Item line: value.")] = None,
    currency: Annotated[str | None, typer.Option("--currency", help="Item line: ISO 4217.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="Item line: goods.")] = None,
    db: Db = None, actor: Actor = None, as_json: AsJson = False,
) -> None:
    """Draft an application, from a form file and/or from an export determination.

    With --from-check and --quantity, the checked item becomes the form's item line.
    """
    with refusals():
        sessions = open_database(db)
        given = _read_form(form)
        if quantity is not None:
            given["items"] = [*given.get("items", []), {
                "control_number": item, "description": description or item, "quantity": quantity,
                "unit": unit, "value": value, "currency": currency}]
        fields = ApplicationForm.model_validate(given)
        if from_check:
            shipment = ExportShipment.model_validate({"exporter_country": exporter, "item": item, "on": on,
                                                      "destination": destination, "end_use": end_use})
            application = service.draft_from_check(sessions, shipment, fields,
                                                   _actor(sessions, actor, "analyst"))
        else:
            application = service.create_draft(sessions, fields, _actor(sessions, actor, "analyst"))
    _show(sessions, application.id, as_json)


@applications_app.command("edit")
def edit(application_id: int, form: Annotated[Path, typer.Option("--form", help="YAML/JSON, whole form.")],
         db: Db = None, actor: Actor = None, as_json: AsJson = False) -> None:
    """Replace the form of a draft (after it was returned for changes, too)."""
    with refusals():
        sessions = open_database(db)
        fields = ApplicationForm.model_validate(_read_form(form))
        service.edit_draft(sessions, application_id, fields, _actor(sessions, actor, "analyst"))
    _show(sessions, application_id, as_json)


@applications_app.command("approve")
def approve(application_id: int, db: Db = None, actor: Actor = None, as_json: AsJson = False) -> None:
    """Approve internally (four-eyes: not by whoever prepared or edited it)."""
    with refusals():
        sessions = open_database(db)
        service.approve(sessions, application_id, _actor(sessions, actor, "officer"))
    _show(sessions, application_id, as_json)


@applications_app.command("file")
def file_command(
    application_id: int,
    authority: Annotated[str, typer.Option("--authority", help="METI, BIS, MOTIE…")],
    reference: Annotated[str, typer.Option("--reference", help="The authority's receipt number.")],
    on: Annotated[str, typer.Option("--on", help="Filing date YYYY-MM-DD.")],
    db: Db = None, actor: Actor = None, as_json: AsJson = False,
) -> None:
    """Record that the application was filed with the authority."""
    with refusals():
        sessions = open_database(db)
        filing = Filing.model_validate({"filed_on": on, "authority": authority, "reference": reference})
        service.file(sessions, application_id, filing, _actor(sessions, actor, "analyst"))
    _show(sessions, application_id, as_json)


DECISIONS = {"approved": Approval, "denied": Denial, "returned": Return}


@applications_app.command("decide")
def decide(
    application_id: int,
    outcome: Annotated[str, typer.Option("--outcome", help="approved | denied | returned")],
    on: Annotated[str, typer.Option("--on", help="Decision date YYYY-MM-DD.")],
    reason: Annotated[str | None, typer.Option("--reason", help="Why denied or returned.")] = None,
    licence_number: Annotated[str | None, typer.Option("--licence-number")] = None,
    licence_type: Annotated[str | None, typer.Option("--licence-type")] = None,
    valid_until: Annotated[str | None, typer.Option("--valid-until", help="Last valid day.")] = None,
    quantity_limit: Annotated[str | None, typer.Option("--quantity-limit", help="Default: applied.")] = None,
    value_limit: Annotated[str | None, typer.Option("--value-limit", help="Default: applied.")] = None,
    db: Db = None, actor: Actor = None, as_json: AsJson = False,
) -> None:
    """Record the authority's decision; an approval grants the licence."""
    with refusals():
        if outcome not in DECISIONS:
            raise LicenceError("outcome", f"{outcome!r} is not one of {', '.join(DECISIONS)}", outcome)
        given = {"decided_on": on, "reason": reason, "licence_number": licence_number,
                 "licence_type": licence_type, "valid_until": valid_until,
                 "quantity_limit": quantity_limit, "value_limit": value_limit}
        model = DECISIONS[outcome]
        decision = model.model_validate({k: v for k, v in given.items() if k in model.model_fields and v})
        sessions = open_database(db)
        service.decide(sessions, application_id, decision, _actor(sessions, actor, "officer"))
    _show(sessions, application_id, as_json)


@applications_app.command("withdraw")
def withdraw(application_id: int, reason: Annotated[str, typer.Option("--reason")], db: Db = None,
             actor: Actor = None, as_json: AsJson = False) -> None:
    """Withdraw an open application."""
    with refusals():
        sessions = open_database(db)
        service.withdraw(sessions, application_id, reason, _actor(sessions, actor, "analyst"))
    _show(sessions, application_id, as_json)


def _show(sessions, application_id: int, as_json: bool) -> None:
    report = service.show_application(sessions, application_id, _today())
    if as_json:
        _print_json(report)
        return
    application = report.application
    console.print(_summary(report), highlight=False)
    form = application.form
    lines = {
        "prepared by": application.prepared_by, "approved by": application.internal_approver,
        "destination": form.destination, "licence type": form.licence_type,
        "items": ", ".join(f"{i.control_number} {i.quantity} {i.unit}" for i in form.items) or None,
        "filed": application.filing and f"{application.filing.filed_on} with {application.filing.authority} "
                                         f"({application.filing.reference})",
        "decision": application.decision and f"{application.decision.outcome} on "
                                             f"{application.decision.decided_on}",
        "licence": report.licence_number, "pack version": application.pack_version,
    }
    for label, value in lines.items():
        if value:
            console.print(f"  {label}: {value}", highlight=False)


@applications_app.command("show")
def show(application_id: int, db: Db = None, as_json: AsJson = False) -> None:
    """One application with its review clock."""
    with refusals():
        _show(open_database(db), application_id, as_json)


@applications_app.command("list")
def list_command(
    status: Annotated[ListedStatus | None, typer.Option(
        "--status", help="A status, or returned: the drafts the authority sent back.")] = None,
    destination: Annotated[str | None, typer.Option("--to")] = None,
    authority: Annotated[str | None, typer.Option("--authority")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only those past the review period.")] = False,
    db: Db = None, as_json: AsJson = False,
) -> None:
    """Applications, oldest first, with days under review and overdue flags."""
    reports = service.list_applications(open_database(db), _today(), status, destination, authority, overdue)
    if as_json:
        _print_json(reports)
        return
    table = Table("id", "status", "to", "items", "authority", "filed", "review days", "overdue")
    for report in reports:
        a, review = report.application, report.review
        table.add_row(str(a.id), a.status.value, a.form.destination or "",
                      ", ".join(i.control_number for i in a.form.items),
                      a.filing.authority if a.filing else "", str(a.filing.filed_on) if a.filing else "",
                      _days(review), "yes" if review.overdue else "")
    console.print(table)


def _days(review: ReviewClock) -> str:
    if review.days_under_review is None:
        return ""
    limit = f"/{review.review_days}" if review.review_days else ""
    return f"{review.days_under_review}{limit}"


@applications_app.command("stats")
def stats(
    authority: Annotated[str | None, typer.Option("--authority")] = None,
    item: Annotated[str | None, typer.Option("--item", help="Control number.")] = None,
    destination: Annotated[str | None, typer.Option("--to")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Filed on or after YYYY-MM-DD.")] = None,
    db: Db = None, as_json: AsJson = False,
) -> None:
    """Filings, approvals, denials and review days (median, max)."""
    with refusals():
        since_day = date.fromisoformat(since) if since else None
    result = service.stats(open_database(db), _today(), authority, item, destination, since_day)
    if as_json:
        _print_json(result)
        return
    counts = result.model_dump()
    median, longest = counts.pop("review_days_median"), counts.pop("review_days_max")
    console.print("  " + " · ".join(f"{name} {value}" for name, value in counts.items())
                  + f" · review days median {median if median is not None else '—'} · max "
                  f"{longest if longest is not None else '—'}", highlight=False)


@licences_app.command("list")
def licences_list(destination: Annotated[str | None, typer.Option("--to")] = None, db: Db = None,
                  as_json: AsJson = False) -> None:
    """Licences with what is left of each."""
    reports = service.list_licences(open_database(db), destination)
    if as_json:
        _print_json(reports)
        return
    table = Table("number", "type", "to", "items", "valid until", "quantity left", "value left")
    for report in reports:
        t, b = report.terms, report.balance
        table.add_row(t.number, t.licence_type, t.destination, ", ".join(t.control_numbers),
                      str(t.valid_until), _left(b.quantity_left, t.unit), _left(b.value_left, t.currency))
    console.print(table)


def _left(amount: Decimal | None, measure: str | None) -> str:
    return "no limit" if amount is None else f"{amount} {measure or ''}".strip()


@licences_app.command("show")
def licences_show(number: str, db: Db = None, as_json: AsJson = False) -> None:
    """One licence, its balance and every drawdown."""
    with refusals():
        report = service.show_licence(open_database(db), number)
    if as_json:
        _print_json(report)
        return
    t, b = report.terms, report.balance
    console.print(f"licence {t.number} ({t.licence_type}, {t.authority}) to {t.destination} for "
                  f"{', '.join(t.control_numbers)}, valid {t.issued_on} to {t.valid_until}", highlight=False)
    console.print(f"  left: {_left(b.quantity_left, t.unit)}, {_left(b.value_left, t.currency)}",
                  highlight=False)
    for d in report.drawdowns:
        console.print(f"  {d.shipped_on} {d.quantity} {t.unit or ''} {d.value} {t.currency or ''} "
                      f"{d.reference} by {d.actor}", highlight=False)


@licences_app.command("drawdown")
def drawdown(
    number: str,
    quantity: Annotated[str, typer.Option("--quantity", help="Quantity shipped, in the licence's unit.")],
    value: Annotated[str, typer.Option("--value", help="Value shipped, in the licence's currency.")],
    destination: Annotated[str, typer.Option("--to", help="Destination country (ISO alpha-2).")],
    on: Annotated[str, typer.Option("--on", help="Shipping date YYYY-MM-DD.")],
    item: Annotated[str | None, typer.Option("--item", help="Control number shipped.")] = None,
    reference: Annotated[str | None, typer.Option("--reference", help="Invoice or shipment number.")] = None,
    db: Db = None, actor: Actor = None, as_json: AsJson = False,
) -> None:
    """Ship against a licence; refused (with the reason) if expired, exhausted or to elsewhere."""
    with refusals():
        shipment = Shipment.model_validate({"quantity": quantity, "value": value, "destination": destination,
                                            "shipped_on": on, "control_number": item, "reference": reference})
        sessions = open_database(db)
        left = service.draw_down(sessions, number, shipment, _actor(sessions, actor, "analyst"))
    if as_json:
        _print_json(left)
        return
    console.print(f"drawn down {quantity} / {value} against {number}; left: "
                  f"{'no limit' if left.quantity_left is None else left.quantity_left} / "
                  f"{'no limit' if left.value_left is None else left.value_left}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `corridor` app."""
    app.add_typer(applications_app, name="applications")
    app.add_typer(licences_app, name="licences")
