"""Refusals of the licence workflow, each naming the field at fault and the reason.

The API maps them to status codes (404 unknown, 409 conflict with the current state) and
the CLI prints them; neither decides anything itself.
"""

from __future__ import annotations

from typing import Any


class LicenceError(Exception):
    """A refused operation; nothing was written when this is raised."""

    status = 409

    def __init__(self, field: str, reason: str, value: Any = None) -> None:
        self.field, self.reason, self.value = field, reason, value
        super().__init__(f"{field}: {reason}")


class NotFound(LicenceError):
    status = 404


class WrongState(LicenceError):
    """The application is not in a state that allows the operation."""


class FourEyesViolation(LicenceError):
    """The internal approver prepared or edited the application themselves."""


class Incomplete(LicenceError):
    """The form lacks fields the authority requires."""


class DrawdownRefused(LicenceError):
    """The licence does not cover this shipment: expired, exhausted, wrong destination or item."""


class AuditLogBroken(LicenceError):
    """The audit chain cannot be extended, so no operation may be recorded, hence none is done."""

    status = 503


class AlreadyExists(LicenceError):
    """A licence number or user name that is already recorded."""


class InvalidInput(LicenceError):
    """Well-formed input that the rules cannot use (e.g. a limit that cannot be inferred)."""

    status = 422


class NotApplicable(InvalidInput):
    """A determination that does not call for a licence cannot become an application."""
