"""Export-control licence determination: a pure function of shipment, packs and date."""

from corridor.export.determination import (
    ClosedLicence,
    Determination,
    RuleTrace,
    Shipment,
)

__all__ = ["ClosedLicence", "Determination", "RuleTrace", "Shipment"]
