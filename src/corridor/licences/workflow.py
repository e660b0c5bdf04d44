"""The life of a licence application, as pure transitions from one state to the next.

draft → internally_approved → filed → approved | denied, or returned for changes (back to
draft); withdrawn from any open state. The four-eyes rule is METI's and BIS's expectation
of an internal compliance programme: whoever approves internally has not prepared the form.
Each function returns a new `Application` and never touches a database.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from corridor.licences.errors import FourEyesViolation, Incomplete, InvalidInput, NotApplicable, WrongState
from corridor.licences.forms import (
    Amount,
    ApplicationForm,
    Code,
    CountryCode,
    CurrencyCode,
    LongText,
    Name,
    missing_fields,
)


class Status(StrEnum):
    draft = "draft"
    internally_approved = "internally_approved"
    filed = "filed"
    approved = "approved"
    denied = "denied"
    withdrawn = "withdrawn"


OPEN = (Status.draft, Status.internally_approved, Status.filed)


# What a list of applications can be narrowed to: each status, and `returned` — the drafts the
# authority sent back for changes (their status is draft again, their decision a return).
ListedStatus = StrEnum("ListedStatus", [*((s.name, s.value) for s in Status), ("returned", "returned")])


def listed_as(status: ListedStatus, application: Application) -> bool:
    if status.value == "returned":
        return application.status == Status.draft and isinstance(application.decision, Return)
    return application.status.value == status.value


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Filing(Input):
    """What the authority's receipt says: when, to whom, under which reference number."""

    filed_on: date
    authority: Annotated[Code, Field(examples=["METI", "BIS", "MOTIE"])]
    reference: Name


class Approval(Input):
    """The licence the authority granted. Limits left empty default to what was applied for."""

    outcome: Literal["approved"] = "approved"
    decided_on: date
    licence_number: Code
    licence_type: Code
    valid_until: date = Field(description="last day the licence may be used (inclusive)")
    quantity_limit: Amount | None = None
    value_limit: Amount | None = None

    @model_validator(mode="after")
    def _valid_after_issue(self) -> Approval:
        if self.valid_until < self.decided_on:
            raise ValueError(f"valid_until {self.valid_until} is before decided_on {self.decided_on}")
        return self


class Denial(Input):
    outcome: Literal["denied"] = "denied"
    decided_on: date
    reason: LongText


class Return(Input):
    """Sent back for changes: the application becomes a draft again and needs a new approval."""

    outcome: Literal["returned"] = "returned"
    decided_on: date
    reason: LongText


Decision = Annotated[Approval | Denial | Return, Field(discriminator="outcome")]


class Application(BaseModel):
    """An application and everything that happened to it, as the store keeps it."""

    model_config = ConfigDict(frozen=True)

    id: int | None = None
    status: Status = Status.draft
    prepared_by: str
    editors: list[str] = Field(default_factory=list)
    form: ApplicationForm
    # Kept as the JSON the engine gave (its public contract) so that later fields added to
    # `Determination` never make an old application unreadable.
    determination: dict[str, Any] | None = None
    pack_version: str | None = None
    review_days: int | None = None
    internal_approver: str | None = None
    filing: Filing | None = None
    decision: Decision | None = None
    withdrawn_reason: str | None = None


class LicenceTerms(BaseModel):
    """A granted licence: what it covers, until when, and how much may be shipped under it."""

    model_config = ConfigDict(frozen=True)

    number: str
    application_id: int
    licence_type: str
    authority: str
    destination: CountryCode
    control_numbers: list[str]
    issued_on: date
    valid_until: date
    unit: str | None
    quantity_limit: Amount | None
    currency: CurrencyCode | None
    value_limit: Amount | None


def new_draft(form: ApplicationForm, actor: str) -> Application:
    """A draft prepared by `actor` (who may not approve it)."""
    return Application(prepared_by=actor, form=form)


def draft_from_determination(determination: dict[str, Any], form: ApplicationForm, actor: str) -> Application:
    """A draft that keeps the determination (and the pack version it rests on) it came from.

    Destination and licence type come from the determination unless the form says otherwise;
    only a `licence_required` outcome becomes an application.
    """
    if determination.get("outcome") != "licence_required":
        raise NotApplicable("determination.outcome", f"is {determination.get('outcome')!r}; only a "
                            "'licence_required' determination becomes an application",
                            determination.get("outcome"))
    shipment = determination["shipment"]
    open_types = determination.get("licence_types", {}).get("open") or [None]
    form = form.model_copy(update={
        "destination": form.destination or shipment["destination"],
        "licence_type": form.licence_type or open_types[0],
    })
    return Application(prepared_by=actor, form=ApplicationForm.model_validate(form.model_dump()),
                       determination=determination, pack_version=determination.get("pack_version"),
                       review_days=determination.get("review_days"))


def edit(application: Application, form: ApplicationForm, actor: str) -> Application:
    """A draft with a new form; the editor is remembered for the four-eyes rule."""
    _require(application, "edit", Status.draft)
    editors = application.editors if actor in application.editors else [*application.editors, actor]
    return application.model_copy(update={"form": form, "editors": editors})


def approve_internally(application: Application, officer: str) -> Application:
    _require(application, "approve", Status.draft)
    if officer == application.prepared_by or officer in application.editors:
        raise FourEyesViolation("actor", f"{officer!r} prepared or edited this application; a "
                                "second officer must approve it", officer)
    if missing := missing_fields(application.form):
        raise Incomplete("form", f"cannot approve an incomplete application; missing: {', '.join(missing)}",
                         missing)
    return application.model_copy(update={"status": Status.internally_approved,
                                          "internal_approver": officer})


def file(application: Application, filing: Filing) -> Application:
    """Filed with the authority; a refiling after a return clears the old decision."""
    _require(application, "file", Status.internally_approved)
    return application.model_copy(update={"status": Status.filed, "filing": filing, "decision": None})


def decide(application: Application, decision: Approval | Denial | Return) -> Application:
    """The authority's decision on a filed application; a return sends it back to draft."""
    _require(application, "decide", Status.filed)
    if decision.decided_on < application.filing.filed_on:
        raise WrongState("decided_on", f"{decision.decided_on} is before the filing date "
                         f"{application.filing.filed_on}", decision.decided_on.isoformat())
    if isinstance(decision, Return):
        return application.model_copy(update={"status": Status.draft, "decision": decision,
                                              "internal_approver": None})
    status = Status.approved if isinstance(decision, Approval) else Status.denied
    return application.model_copy(update={"status": status, "decision": decision})


def withdraw(application: Application, reason: str) -> Application:
    """Withdrawn by the exporter, possible until the authority has decided."""
    _require(application, "withdraw", *OPEN)
    return application.model_copy(update={"status": Status.withdrawn, "withdrawn_reason": reason})


LIMIT_CEILING = Decimal(10) ** 12  # a limit's Amount allows 12 digits before the point


def licence_terms(application: Application, approval: Approval) -> LicenceTerms:
    """The licence an approval grants; limits default to the totals applied for."""
    items = application.form.items
    units, currencies = {i.unit for i in items}, {i.currency for i in items}
    quantity = approval.quantity_limit
    if quantity is None:
        _require_one("quantity_limit", "unit", units)
        quantity = sum((i.quantity for i in items), Decimal(0))
    value = approval.value_limit
    if value is None:
        _require_one("value_limit", "currency", currencies)
        value = sum((i.value for i in items), Decimal(0))
    for limit, total in (("quantity_limit", quantity), ("value_limit", value)):
        if abs(total) >= LIMIT_CEILING:
            raise InvalidInput(limit, f"the total applied for, {total}, has more than 12 digits before "
                               f"the decimal point; give the {limit} explicitly", str(total))
    return LicenceTerms(
        number=approval.licence_number, application_id=application.id,
        licence_type=approval.licence_type, authority=application.filing.authority,
        destination=application.form.destination,
        control_numbers=sorted({i.control_number for i in items}),
        issued_on=approval.decided_on, valid_until=approval.valid_until,
        unit=units.pop() if len(units) == 1 else None, quantity_limit=quantity,
        currency=currencies.pop() if len(currencies) == 1 else None, value_limit=value)


def _require_one(limit: str, measure: str, found: set[str]) -> None:
    """A limit can default to the total applied for only when every item uses one measure."""
    if len(found) != 1:
        listed = ", ".join(sorted(found))
        raise InvalidInput(limit, f"items use {len(found)} different {measure}s ({listed}); "
                           f"give {limit} explicitly", sorted(found))


def _require(application: Application, action: str, *allowed: Status) -> None:
    if application.status not in allowed:
        raise WrongState("status", f"cannot {action} an application that is {application.status.value}; "
                         f"allowed from: {', '.join(s.value for s in allowed)}", application.status.value)
