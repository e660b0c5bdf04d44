"""Export-control licence determination: a pure function of shipment, packs and date."""

from corridor.export.determination import (
    ClosedLicence,
    Determination,
    RuleTrace,
    Shipment,
)
from corridor.export.engine import determine
from corridor.export.regime import UnknownControlNumber
from corridor.packs.countries import UnknownCountry

__all__ = [
    "ClosedLicence",
    "Determination",
    "RuleTrace",
    "Shipment",
    "UnknownControlNumber",
    "UnknownCountry",
    "determine",
]
