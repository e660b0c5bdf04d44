"""What an exporter fills in: the fields of METI's individual licence application and of
BIS SNAP-R (parties, end use, items, destination, licence type, supporting documents).

A draft may be incomplete — the parties are often not known when the determination says a
licence is needed — but it cannot be approved internally until `missing_fields` is empty.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from corridor.packs.countries import check_country

CountryCode = Annotated[str, AfterValidator(check_country)]
# Four decimal places: enough for kilograms to the gram-tenth and any currency's minor unit,
# and exact in the database (stored as scaled integers, see store.columns).
# Sixteen digits keep any sum of up to MAX_ITEMS lines inside a 64-bit scaled integer.
Amount = Annotated[Decimal, Field(ge=0, max_digits=16, decimal_places=4)]
PositiveAmount = Annotated[Decimal, Field(gt=0, max_digits=16, decimal_places=4)]
MAX_ITEMS = 100


def text(max_length: int) -> type[str]:
    """Non-empty text without NUL characters (PostgreSQL refuses them), within the column's size."""
    return Annotated[str, StringConstraints(min_length=1, max_length=max_length, pattern=r"^[^\x00]*$")]


Name, Code, LongText = text(200), text(50), text(2000)


def check_currency(value: str) -> str:
    """ISO 4217 code, upper-cased; the error names the value and where to look."""
    code = value.strip().upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError(f"unknown currency code {value!r}; expected ISO 4217, e.g. JPY, KRW, USD")
    return code


CurrencyCode = Annotated[str, AfterValidator(check_currency)]


class FormModel(BaseModel):
    """Unknown keys are refused: a misspelt party would otherwise vanish from the filing."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(FormModel):
    """A person or company named on the form (applicant, consignees, end user)."""

    name: Name
    country: CountryCode
    address: LongText | None = None


class Item(FormModel):
    """One line of goods: the control number as the regime writes it (`3C002`)."""

    control_number: Code
    description: LongText
    quantity: PositiveAmount
    unit: Code
    value: Amount
    currency: CurrencyCode


class SupportingDocument(FormModel):
    """A contract, end-use certificate or letter attached to the filing; the file itself stays
    with the exporter, its SHA-256 proves later which version was filed."""

    title: Name
    kind: Annotated[Code, Field(examples=["contract", "end_use_certificate"])]
    filename: Name
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ApplicationForm(FormModel):
    """The application as filed. Every party is optional while the form is a draft."""

    applicant: Party | None = None
    purchaser: Party | None = None
    intermediate_consignee: Party | None = None
    ultimate_consignee: Party | None = None
    end_user: Party | None = None
    end_use: LongText | None = None
    destination: CountryCode | None = None
    licence_type: Code | None = None
    items: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS)
    documents: list[SupportingDocument] = Field(default_factory=list, max_length=MAX_ITEMS)


# An intermediate consignee is optional on both forms (direct shipments have none).
REQUIRED_FOR_APPROVAL = ("applicant", "purchaser", "ultimate_consignee", "end_user", "end_use",
                         "destination", "licence_type", "items")


def missing_fields(form: ApplicationForm) -> list[str]:
    """Fields still empty that an authority would reject the filing for."""
    return [name for name in REQUIRED_FOR_APPROVAL if not getattr(form, name)]
