"""The application's life as pure transitions: states, four-eyes, completeness, decisions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from licence_fixtures import APPROVAL, FILING, form
from pydantic import ValidationError

from corridor.licences import workflow
from corridor.licences.errors import FourEyesViolation, Incomplete, InvalidInput, NotApplicable, WrongState
from corridor.licences.workflow import Approval, Denial, Return, Status


def filed() -> workflow.Application:
    draft = workflow.new_draft(form(), "alice").model_copy(update={"id": 1})
    return workflow.file(workflow.approve_internally(draft, "bob"), FILING)


def test_application_goes_from_draft_to_approved() -> None:
    application = workflow.decide(filed(), APPROVAL)
    assert application.status == Status.approved
    assert application.internal_approver == "bob"
    assert application.filing.reference == "METI-2019-0001"


def test_preparer_cannot_approve_their_own_application() -> None:
    with pytest.raises(FourEyesViolation) as refused:
        workflow.approve_internally(workflow.new_draft(form(), "alice"), "alice")
    assert refused.value.field == "actor"


def test_whoever_edited_the_draft_cannot_approve_it_either() -> None:
    edited = workflow.edit(workflow.new_draft(form(), "alice"), form(end_use="etching"), "carol")
    with pytest.raises(FourEyesViolation):
        workflow.approve_internally(edited, "carol")
    assert workflow.approve_internally(edited, "bob").status == Status.internally_approved


def test_incomplete_form_is_refused_naming_the_missing_fields() -> None:
    draft = workflow.new_draft(form(end_user=None, items=[]), "alice")
    with pytest.raises(Incomplete) as refused:
        workflow.approve_internally(draft, "bob")
    assert refused.value.value == ["end_user", "items"]


@pytest.mark.parametrize("step", [
    lambda a: workflow.file(a, FILING),
    lambda a: workflow.decide(a, APPROVAL),
])
def test_a_draft_cannot_skip_internal_approval(step) -> None:
    with pytest.raises(WrongState) as refused:
        step(workflow.new_draft(form(), "alice"))
    assert "draft" in refused.value.reason


def test_returned_application_is_a_draft_again_and_needs_a_new_approval() -> None:
    sent_back = Return(decided_on=date(2019, 8, 1), reason="end-use certificate missing")
    returned = workflow.decide(filed(), sent_back)
    assert returned.status == Status.draft and returned.internal_approver is None
    edited = workflow.edit(returned, form(end_use="EUV lithography (certificate attached)"), "alice")
    refiled = workflow.file(workflow.approve_internally(edited, "bob"), FILING)
    assert refiled.status == Status.filed and refiled.decision is None


def test_denial_is_final() -> None:
    denied = workflow.decide(filed(), Denial(decided_on=date(2019, 9, 1), reason="diversion risk"))
    assert denied.status == Status.denied
    with pytest.raises(WrongState):
        workflow.withdraw(denied, "too late")


@pytest.mark.parametrize("stage", [0, 1, 2])
def test_withdrawal_from_any_open_state(stage: int) -> None:
    application = workflow.new_draft(form(), "alice")
    steps = [lambda a: workflow.approve_internally(a, "bob"), lambda a: workflow.file(a, FILING)]
    for step in steps[:stage]:
        application = step(application)
    assert workflow.withdraw(application, "order cancelled").status == Status.withdrawn


def test_decision_before_filing_date_is_refused() -> None:
    with pytest.raises(WrongState) as refused:
        workflow.decide(filed(), APPROVAL.model_copy(update={"decided_on": date(2019, 7, 1)}))
    assert refused.value.field == "decided_on"


def test_licence_validity_cannot_end_before_issue() -> None:
    with pytest.raises(ValidationError, match="valid_until"):
        Approval(decided_on=date(2019, 8, 7), licence_number="X", licence_type="individual",
                 valid_until=date(2019, 8, 6))


def test_licence_limits_default_to_what_was_applied_for() -> None:
    terms = workflow.licence_terms(workflow.decide(filed(), APPROVAL), APPROVAL)
    assert (terms.quantity_limit, terms.unit) == (Decimal(100), "kg")
    assert (terms.value_limit, terms.currency) == (Decimal(5_000_000), "JPY")
    assert terms.control_numbers == ["3C002"] and terms.destination == "KR" and terms.authority == "METI"


def test_mixed_units_need_an_explicit_quantity_limit() -> None:
    items = [*form().model_dump()["items"], {"control_number": "1C350", "description": "hydrogen fluoride",
                                             "quantity": "5", "unit": "t", "value": "1", "currency": "JPY"}]
    application = workflow.decide(filed().model_copy(update={"form": form(items=items)}), APPROVAL)
    with pytest.raises(InvalidInput) as refused:
        workflow.licence_terms(application, APPROVAL)
    assert refused.value.field == "quantity_limit"


DETERMINATION = {
    "shipment": {"exporter_country": "JP", "destination": "KR", "item": "3C002", "on": "2019-08-01"},
    "outcome": "licence_required", "licence_types": {"open": ["individual"], "closed": []},
    "review_days": 90, "pack_version": "2026.1+abc",
}


def test_draft_from_determination_keeps_it_and_its_pack_version() -> None:
    draft = workflow.draft_from_determination(DETERMINATION, workflow.ApplicationForm(), "alice")
    assert draft.form.destination == "KR" and draft.form.licence_type == "individual"
    assert draft.determination == DETERMINATION
    assert (draft.pack_version, draft.review_days) == ("2026.1+abc", 90)


def test_determination_without_licence_requirement_is_not_an_application() -> None:
    with pytest.raises(NotApplicable) as refused:
        workflow.draft_from_determination({**DETERMINATION, "outcome": "no_licence_required"},
                                          workflow.ApplicationForm(), "alice")
    assert refused.value.field == "determination.outcome"


@pytest.mark.parametrize(("field", "value"), [
    ("destination", "KX"), ("items", [{**{"control_number": "3C002", "description": "resist", "unit": "kg",
                                           "value": "1", "currency": "JPX"}, "quantity": "1"}]),
])
def test_bad_form_values_name_the_field(field: str, value) -> None:
    with pytest.raises(ValidationError) as refused:
        form(**{field: value})
    assert field in str(refused.value)
