"""`assess`: may this traveller enter on this trip, and on what conditions?

The destination's entry pack is read as of the arrival day (measures take effect at 00:00
local time, so a flight landing after midnight meets the new rule). Admission schemes (the
Business Track, the 2022 reopening) are weighed first because they lift other rules; then
every rule in force is applied, lifted, excepted or found not to concern the traveller, and
each outcome is kept in the trace with its reason and sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from corridor.entry.conditions import Situation, unmet
from corridor.entry.model import (
    EntryAnswer,
    EntryInputError,
    Requirement,
    RequirementStatus,
    RuleConsidered,
    Traveller,
    Trip,
    Verdict,
)
from corridor.entry.places import resolve_place
from corridor.packs import Pack, PackSet, load_packs
from corridor.packs.schema.entry import EntryRule, Place, RequirementRule

SPONSOR_DOCUMENT_TYPES = {"PLEDGE": "pledge", "ACTIVITY_PLAN": "activity_plan"}


@dataclass
class _Outcome:
    """What one rule did to the answer."""

    trace: RuleConsidered
    denies: bool = False
    case_by_case: bool = False
    requirements: list[Requirement] = field(default_factory=list)
    stay_days: int | None = None


def assess(traveller: Traveller, trip: Trip, packs: PackSet | None = None) -> EntryAnswer:
    """Answer for `trip.destination` as of the arrival day; raise EntryInputError on bad input."""
    packs = packs or load_packs()
    situation = _situation(traveller, trip, _localities(packs))
    pack = packs.get(trip.destination, "entry")
    day = situation.arrival_day
    if pack is None or day not in pack.meta.coverage:
        return _not_covered(traveller, trip, pack, packs)
    in_force = [r for r in pack.content.rules if r.in_force(day)]
    admitted = [r for r in in_force if r.effect == "admit" and unmet(r.when, situation) is None]
    lifted_by = {target: rule.id for rule in admitted for target in rule.lifts}
    outcomes = [_consider(rule, situation, lifted_by) for rule in in_force]
    answer = _answer(traveller, trip, pack, outcomes)
    admits = answer.verdict in ("allowed", "allowed_with_conditions")
    if admits and (uncovered := _nationality_not_covered(traveller, trip, pack)):
        return answer.model_copy(update={"verdict": "not_covered", "notes": [uncovered, *answer.notes],
                                         "explanation": f"not_covered: {uncovered}"})
    return answer


def _situation(traveller: Traveller, trip: Trip, localities: list[Place]) -> Situation:
    """Check the input describes a possible crossing, and resolve the places stayed."""
    if trip.arrival < trip.departure:
        raise EntryInputError("arrival", trip.arrival.isoformat(), f"is before departure {trip.departure}")
    if trip.origin == trip.destination:
        raise EntryInputError("destination", trip.destination, "is the same country as the origin")
    for test in traveller.tests:
        if test.taken_at > trip.arrival:
            raise EntryInputError("tests", f"{test.type}@{test.taken_at.isoformat()}",
                                  f"is after arrival {trip.arrival}; give tests taken before arriving")
    if traveller.residence_status and not traveller.residence_country:
        raise EntryInputError("residence_country", None,
                              f"give the country where the status {traveller.residence_status} is held")
    for name, value in (("left_on", traveller.left_on), ("visa_issued", traveller.visa_issued)):
        if value and value > trip.departure.date():
            raise EntryInputError(name, value.isoformat(), f"is after departure {trip.departure.date()}")
    stays = [(resolve_place(trip.origin, None, localities), trip.departure.date())]
    for stay in trip.stayed:
        last = stay.last_day or trip.departure.date()
        if last > trip.arrival.date():
            where = f"{stay.country}:{stay.region or ''}@{last}"
            raise EntryInputError("stayed", where, "the stay ends after arrival")
        stays.append((resolve_place(stay.country, stay.region, localities), last))
    return Situation(traveller, trip, tuple(stays))


def _localities(packs: PackSet) -> list[Place]:
    return [place for pack in packs.by_domain("entry") for place in pack.content.places]


def _consider(rule: EntryRule, situation: Situation, lifted_by: dict[str, str]) -> _Outcome:
    def trace(applied: bool, reason: str | None = None) -> RuleConsidered:
        return RuleConsidered(id=rule.id, effect=rule.effect, summary=rule.summary.strip(), applied=applied,
                              reason=reason, valid_from=rule.valid_from, valid_to=rule.valid_to,
                              sources=[s.cite() for s in rule.sources], note=rule.note)

    reason = unmet(rule.when, situation)
    if reason:
        return _Outcome(trace(False, reason))
    if rule.id in lifted_by:
        return _Outcome(trace(False, f"lifted by {lifted_by[rule.id]}"))
    exemption = next((e for e in rule.unless if unmet(e.when, situation) is None), None)
    if exemption and exemption.outcome == "exempt":
        return _Outcome(trace(False, f"exempt: {exemption.summary.strip()}"))
    requirements = [r for spec in rule.requirements if (r := _requirement(spec, rule, situation))]
    why = f"only by special permission: {exemption.summary.strip()}" if exemption else None
    return _Outcome(trace(True, why), denies=rule.effect == "deny" and exemption is None,
                    case_by_case=exemption is not None or rule.effect == "deny_unless_exempt",
                    requirements=requirements, stay_days=rule.stay_days)


def _requirement(spec: RequirementRule, rule: EntryRule, situation: Situation) -> Requirement | None:
    if spec.when and unmet(spec.when, situation):
        return None
    status, why = _status(spec, situation)
    return Requirement(rule=rule.id, category=spec.category, enforcement=spec.enforcement,
                       summary=spec.summary, document_type=spec.document_type,
                       test_window=spec.test_window, quarantine=spec.quarantine, movement=spec.movement,
                       start_date=rule.valid_from, end_date=rule.valid_to,
                       source=rule.sources[0].cite() if rule.sources else None,
                       status=status, status_reason=why, note=spec.note)


def _status(spec: RequirementRule, situation: Situation) -> tuple[RequirementStatus, str | None]:
    """Whether the traveller's own input shows the requirement met, where it can."""
    traveller = situation.traveller
    if spec.category == "visa":
        issued, threshold = traveller.visa_issued, spec.visa_issued_on_or_after
        if issued is None:
            return "missing", "no visa given"
        if threshold and issued < threshold:
            return "missing", f"visa issued {issued} is invalid: only visas issued on or after {threshold}"
        return "met", f"visa issued on {issued}"
    if spec.test_window and spec.test_window.anchor == "before_departure":
        return _test_status(spec, situation)
    if spec.document_type in SPONSOR_DOCUMENT_TYPES:
        held = SPONSOR_DOCUMENT_TYPES[spec.document_type] in traveller.documents
        return ("met", "held") if held else ("missing", "not held")
    if spec.document_type == "VACCINATION_CERTIFICATE":
        return "met", f"{traveller.vaccine_doses} doses declared"
    return "to_do", None


def _test_status(spec: RequirementRule, situation: Situation) -> tuple[RequirementStatus, str | None]:
    window = spec.test_window
    departure = situation.trip.departure
    earliest = departure - timedelta(hours=window.hours or 0)
    types = window.test_types
    for test in situation.traveller.tests:
        if earliest <= test.taken_at <= departure and (types is None or test.type in types):
            hours = (departure - test.taken_at).total_seconds() / 3600
            return "met", f"{test.type} taken {hours:.0f} h before departure"
    kind = f"{' or '.join(types)} test" if types else "test"
    return "missing", f"no {kind} taken within {window.hours} h before departure"


def _answer(traveller: Traveller, trip: Trip, pack: Pack, outcomes: list[_Outcome]) -> EntryAnswer:
    verdict = _verdict(outcomes)
    applied = [o for o in outcomes if o.trace.applied]
    requirements = [] if verdict == "denied" else [r for o in applied for r in o.requirements]
    quarantines = [r.quarantine for r in requirements if r.quarantine]
    unknown = any(q.days is None for q in quarantines)
    quarantine_days = None if unknown else max((q.days or 0 for q in quarantines), default=0)
    stays = [o.stay_days for o in applied if o.stay_days]
    explaining = [o.trace for o in outcomes if o.trace.applied or _set_aside(o.trace)]
    sources = list(dict.fromkeys(s for t in explaining for s in t.sources))
    notes = _notes(unknown)
    return EntryAnswer(traveller=traveller, trip=trip, on=trip.arrival.date(), verdict=verdict,
                       requirements=requirements,
                       quarantine_days=quarantine_days, stay_days=max(stays) if stays else None,
                       rules=[o.trace for o in outcomes], sources=sources, notes=notes,
                       pack_version=pack.version, explanation=_explain(verdict, outcomes))


def _set_aside(trace: RuleConsidered) -> bool:
    """A rule that concerned the traveller but was lifted or excepted: its sources explain the answer."""
    return (trace.reason or "").startswith(("lifted", "exempt"))


def _verdict(outcomes: list[_Outcome]) -> Verdict:
    applied = [o for o in outcomes if o.trace.applied]
    if any(o.denies for o in applied):
        return "denied"
    if any(o.case_by_case for o in applied):
        return "denied_unless_exempt"
    if any(r.enforcement == "mandatory" for o in applied for r in o.requirements):
        return "allowed_with_conditions"
    return "allowed"


def _explain(verdict: Verdict, outcomes: list[_Outcome]) -> str:
    deciding = [o.trace for o in outcomes if o.trace.applied and (o.denies or o.case_by_case)]
    if deciding:
        return f"{verdict}: " + "; ".join(f"{t.id} — {t.summary.rstrip('.')}" for t in deciding) \
            + _open_schemes(outcomes)
    conditions = [o.trace.id for o in outcomes if o.trace.applied and o.requirements]
    if conditions:
        return f"{verdict}: conditions from " + ", ".join(conditions)
    allowing = [o.trace.id for o in outcomes if o.trace.applied and o.trace.effect == "allow"]
    if allowing:
        return f"{verdict}: without a visa under " + ", ".join(allowing)
    return f"{verdict}: no entry measure in force concerns this traveller"


def _nationality_not_covered(traveller: Traveller, trip: Trip, pack: Pack) -> str | None:
    """Why an admission cannot be vouched for: the pack holds no visa rule for this nationality.

    A denial that concerns every foreigner stands whatever the passport; an admission rests on
    the visa rule for the passport held, and where the pack has none, saying "allowed" would
    be a guess.
    """
    covered = {n for r in pack.content.rules if _is_visa_rule(r) for n in r.when.nationality or []}
    if traveller.nationality in covered | {trip.destination}:
        return None
    return (f"{pack.key} has no visa rule for {traveller.nationality} nationals; it has visa rules "
            f"for {', '.join(sorted(covered))}")


def _is_visa_rule(rule: EntryRule) -> bool:
    return rule.effect == "allow" or any(spec.category == "visa" for spec in rule.requirements)


def _open_schemes(outcomes: list[_Outcome]) -> str:
    """Admission schemes in force on the arrival day that the traveller did not meet, and why.

    Only schemes in force that day are named, so a denial never points to a track that had
    already closed.
    """
    unmet_schemes = [o.trace for o in outcomes if o.trace.effect == "admit" and not o.trace.applied]
    if not unmet_schemes:
        return ""
    named = "; ".join(f"{t.id} ({t.reason})" for t in unmet_schemes)
    return f"; admission schemes open that day, not met: {named}"


def _notes(unknown_quarantine: bool) -> list[str]:
    if unknown_quarantine:
        return ["the quarantine duration on this day is not in the pack's sources (see the rule note)"]
    return []


def _not_covered(traveller: Traveller, trip: Trip, pack: Pack | None, packs: PackSet) -> EntryAnswer:
    if pack is None:
        known = ", ".join(p.meta.jurisdiction for p in packs.by_domain("entry"))
        note = f"no entry pack for {trip.destination}; entry packs exist for {known}"
    else:
        last = pack.meta.covers_to - timedelta(days=1) if pack.meta.covers_to else None
        note = f"{pack.key} covers arrivals from {pack.meta.covers_from} to {last or 'today'}"
    return EntryAnswer(traveller=traveller, trip=trip, on=trip.arrival.date(), verdict="not_covered",
                       requirements=[],
                       quarantine_days=None, rules=[], sources=[], notes=[note],
                       pack_version=pack.version if pack else None, explanation=f"not_covered: {note}")
