"""Licence determination: which licence a shipment needs under the exporter's regime on a day.

The order of the questions follows the law: an embargo forbids the export outright; a listed
item (Appended Table 1 rows 1–15, Korea's dual-use list) always needs a licence; an unlisted
item needs one only under catch-all control, i.e. for a military or WMD end use to a
destination outside the exempt groups. Which licence types are open then depends on the
destination's group, the exporter's compliance programme, the bulk matrix, and dated measures.
"""

from __future__ import annotations

from datetime import date

from corridor.export.determination import (
    CatchAllScope,
    ChildAnswer,
    ClosedLicence,
    Determination,
    LicenceTypes,
    Outcome,
    RuleTrace,
    Shipment,
)
from corridor.export.regime import Regime, compiled_export_packs, first_citation
from corridor.packs.catalogue import lineage
from corridor.packs.countries import check_country
from corridor.packs.registry import Pack, PackSet, load_packs
from corridor.packs.schema.base import Fact
from corridor.packs.schema.export import ControlEntry, CountryGroup, LicenceType, OutsideScope

CATCH_ALL_END_USES = frozenset({"military", "wmd"})


def determine(shipment: Shipment, packs: PackSet | None = None) -> Determination:
    """Answer one shipment; raise UnknownCountry / UnknownControlNumber / ValueError on bad input.

    A date or exporter no pack covers gives `not_covered`, never a guess.
    """
    exporter = check_country(shipment.exporter_country, "exporter_country")
    destination = check_country(shipment.destination, "destination")
    if exporter == destination:
        raise ValueError(f"destination: {destination!r} is the exporting country; "
                         "an export needs another destination")
    book = compiled_export_packs(load_packs() if packs is None else packs).get(exporter)
    regime = book.on(shipment.on) if book else None
    if regime is None:
        return _not_covered(shipment, exporter, book.pack if book else None)
    if destination in regime.outside_scope:
        return _outside_scope(shipment, regime.outside_scope[destination], regime.pack.version)
    return _answer(regime, shipment, destination, shipment.item).model_copy(update={"shipment": shipment})


def answer_stretch(exporter: str, on: date, packs: PackSet | None = None) -> int | None:
    """Which stretch of the exporter's pack `on` falls in; None where no pack covers the day.

    No fact starts or ends within a stretch, so two shipments that differ only in their day inside
    one stretch get the same answer but for that day: batch runners decide each stretch once.
    Raises UnknownCountry for a bad exporter code, as `determine` does.
    """
    book = compiled_export_packs(load_packs() if packs is None else packs).get(
        check_country(exporter, "exporter_country"))
    return book.stretch(on) if book else None


def _answer(regime: Regime, shipment: Shipment, destination: str, item: str) -> Determination:
    """The memoised answer for one item of the regime, a parent number answering for its children."""
    key = (destination, item, shipment.end_use, shipment.exporter_has_icp)
    answer = regime.answers.get(key)
    if answer is None:
        children = regime.children(item)
        answer = (_parent(regime, shipment, destination, item, children) if children
                  else _decide(regime, shipment, destination, regime.entry(item)))
        regime.answers[key] = answer
    return answer


def _verdict(answer: Determination) -> tuple[str, tuple[str, ...]]:
    return answer.outcome, tuple(answer.licence_types.open)


def _parent(regime: Regime, shipment: Shipment, destination: str, item: str,
            children: list[ControlEntry]) -> Determination:
    """The parent's own answer when every child decides alike; otherwise the most common
    answer among the children, with the children that differ listed."""
    answers = {c.code: _decide(regime, shipment, destination, c) for c in children}
    verdicts = [_verdict(a) for a in answers.values()]
    common = max(verdicts, key=verdicts.count)
    base = _decide(regime, shipment, destination, regime.entry(item))
    if _verdict(base) != common:
        base = next(a for a in answers.values() if _verdict(a) == common)
    differ = [ChildAnswer(item=c.code, summary=c.summary, outcome=answers[c.code].outcome,
                          open=answers[c.code].licence_types.open)
              for c in children if _verdict(answers[c.code]) != common]
    alike = (f" {len(differ)} of {len(children)} sub-entries of {regime.entry(item).code} decide "
             f"otherwise: {', '.join(d.item for d in differ)}." if differ
             else f" All {len(children)} sub-entries decide alike.")
    return base.model_copy(update={"children": differ, "explanation": base.explanation + alike})


def _not_covered(shipment: Shipment, exporter: str, pack: Pack | None) -> Determination:
    """Say what is covered, so the user knows which days they can ask about instead."""
    if pack is None:
        reason, version = f"corridor has no export pack for {exporter}", None
    else:
        window = pack.meta.coverage
        reason = (f"no export pack for {exporter} covers {shipment.on.isoformat()}; {pack.key} covers "
                  f"{window.start.isoformat()} up to, not including, "
                  f"{window.end.isoformat() if window.end else 'an open end'}")
        version = pack.version
    return Determination(
        shipment=shipment, outcome="not_covered", destination_group=None,
        licence_types=LicenceTypes(open=[], closed=[]), review_days=None, catch_all=None,
        rules=[RuleTrace(id="coverage", effect="not covered", applied=False, reason=reason)],
        sources=[], pack_version=version, explanation=f"Not covered: {reason}.",
    )


def _outside_scope(shipment: Shipment, fact: OutsideScope, version: str) -> Determination:
    rule = _rule(fact, "not covered", applied=True, reason=fact.reference)
    return Determination(
        shipment=shipment, outcome="not_covered", destination_group=None,
        licence_types=LicenceTypes(open=[], closed=[]), review_days=None, catch_all=None,
        rules=[rule], sources=[s.cite() for s in fact.sources], pack_version=version,
        explanation=f"Not covered: {fact.summary}",
    )


def _decide(regime: Regime, shipment: Shipment, destination: str, entry: ControlEntry) -> Determination:
    group = regime.group_of(destination)
    if group is None:
        raise ValueError(f"destination: {destination!r} has no group in {regime.pack.key}")
    catch_all_applies = regime.catch_all is not None and group.group not in regime.catch_all.exempt_groups
    embargo = regime.embargoes.get(destination)
    outcome: Outcome
    rules = [_rule(group, f"{destination} is in group {group.group}"), _listing_rule(entry)]
    if embargo and not embargo.covers(entry):
        rules.append(_rule(embargo, "prohibition", applied=False,
                           reason=f"the ban covers listed goods only ({embargo.reference}); "
                           "check the measure's lists of general goods too"))
    if embargo and embargo.covers(entry):
        goods = "listed goods" if embargo.goods == "listed" else "all goods"
        rules.append(_rule(embargo, f"exports of {goods}"
                           f" to {destination} are prohibited ({embargo.reference})"))
        outcome = "prohibited"
    elif entry.listed or (catch_all_applies and shipment.end_use in CATCH_ALL_END_USES):
        outcome = "licence_required"
    else:
        outcome = "no_licence_required"
    rules.append(_catch_all_rule(regime, entry, group, shipment, catch_all_applies))
    opened, closed, licence_rules = _licences(regime, entry, group, shipment, destination, outcome)
    rules += licence_rules
    individual = next((t for t in regime.licence_types if t.kind == "individual"), None)
    needs_licence = outcome == "licence_required"
    determination = Determination(
        shipment=shipment, outcome=outcome, destination_group=group.group,
        licence_types=LicenceTypes(open=[t.licence for t in opened], closed=closed),
        review_days=individual.review_days_for(group.group) if individual and needs_licence else None,
        catch_all=_catch_all_field(entry, catch_all_applies),
        rules=rules, sources=_sources(regime, rules), pack_version=regime.pack.version,
        item_reference=entry.reference,
        documents=individual.documents_for(group.group) if individual and needs_licence else None,
        licence_conditions={t.licence: c for t in opened if (c := t.condition_for(group.group))},
    )
    return determination.model_copy(update={"explanation": _explain(determination, entry)})


def _rule(fact: Fact, effect: str, applied: bool = True, reason: str | None = None) -> RuleTrace:
    return RuleTrace(id=fact.id, effect=effect, applied=applied, reason=reason,
                     source=first_citation(fact))


def _listing_rule(entry: ControlEntry) -> RuleTrace:
    if entry.listed:
        return _rule(entry, f"licence required: {entry.code} is listed ({entry.reference})")
    return _rule(entry, "no list control", applied=False,
                 reason=f"the item is on no control list ({entry.reference} may still apply)")


def _catch_all_field(entry: ControlEntry, applies: bool) -> CatchAllScope:
    """Catch-all reaches only goods on no list; a listed item is decided by list control alone."""
    if entry.listed:
        return "not_applicable"
    return "applies" if applies else "exempt"


def _catch_all_rule(regime: Regime, entry: ControlEntry, group: CountryGroup, shipment: Shipment,
                    applies: bool) -> RuleTrace:
    if regime.catch_all is None:
        return RuleTrace(id="catch-all", effect="no catch-all control", applied=False,
                         reason="the pack has no catch-all control in force")
    fact = regime.catch_all
    if not applies:
        return _rule(fact, "catch-all control", applied=False,
                     reason=f"destination group {group.group} is exempt from catch-all control")
    if entry.listed:
        return _rule(fact, "catch-all control", applied=False,
                     reason="the item is listed, so list control decides")
    if shipment.end_use in CATCH_ALL_END_USES:
        return _rule(fact, f"licence required: {shipment.end_use} end use outside the exempt groups "
                     f"({fact.reference})")
    return _rule(fact, "catch-all control", applied=False,
                 reason="civil end use declared; a licence is needed if the exporter knows of or is "
                 "informed of a military or WMD use")


def _licences(regime: Regime, entry: ControlEntry, group: CountryGroup, shipment: Shipment,
              destination: str, outcome: str
              ) -> tuple[list[LicenceType], list[ClosedLicence], list[RuleTrace]]:
    """Open and closed licence types, with the rules that opened or closed each."""
    if outcome != "licence_required":
        why = ("exports are prohibited" if outcome == "prohibited" else "no licence is required")
        closed = [ClosedLicence(id=t.licence, reason=why) for t in regime.licence_types]
        return [], (closed if outcome == "prohibited" else []), []
    closure: dict[str, str] = {}
    for kind in regime.licence_types:
        reason = _standing_closure(kind, entry, group, shipment)
        if reason:
            closure[kind.licence] = reason
    rules = []
    for measure in regime.measures.get(destination, ()):
        if not set(lineage(entry.code)) & set(measure.items):
            rules.append(_rule(measure, "measure", applied=False,
                               reason=f"{entry.code} is not one of {', '.join(measure.items)}"))
            continue
        for licence in measure.closes:
            closure[licence] = f"closed by {measure.id}"
        lifted = [t for t in measure.reopens if closure.get(t, "").startswith("closed by ")]
        for licence in lifted:
            del closure[licence]
        rules.append(_rule(measure, _measure_effect(measure.closes, measure.reopens)))
    opened = [t for t in regime.licence_types if t.licence not in closure]
    closed = [ClosedLicence(id=t.licence, reason=closure[t.licence])
              for t in regime.licence_types if t.licence in closure]
    rules += [_rule(t, f"{t.licence} open") for t in opened]
    rules += [_rule(t, f"{t.licence} closed", applied=False, reason=closure[t.licence])
              for t in regime.licence_types if t.licence in closure]
    return opened, closed, rules


def _standing_closure(licence: LicenceType, entry: ControlEntry, group: CountryGroup,
                      shipment: Shipment) -> str | None:
    """Why the licence type is closed before any measure, or None when it is open."""
    if licence.open_to is not None and group.group not in licence.open_to:
        return f"only for destination groups {', '.join(licence.open_to)}; {group.group} is not one"
    if group.group in licence.closed_to:
        return f"not for destination group {group.group}"
    if licence.kind == "bulk" and not entry.allows_bulk(licence.licence):
        return f"{entry.code} is not allowed under {licence.licence} in the bulk matrix"
    if licence.requires_icp and not shipment.exporter_has_icp:
        return "the exporter has no internal compliance programme"
    return None


def _measure_effect(closes: list[str], reopens: list[str]) -> str:
    parts = ([f"closes {', '.join(closes)}"] if closes else []) + (
        [f"reopens {', '.join(reopens)}"] if reopens else [])
    return "; ".join(parts)


def _sources(regime: Regime, rules: list[RuleTrace]) -> list[str]:
    """Every citation of every applied rule, each once, in trace order."""
    cited: dict[str, None] = {}
    for rule in rules:
        if rule.applied and rule.id in regime.facts:
            cited.update(dict.fromkeys(s.cite() for s in regime.facts[rule.id].sources))
    return list(cited)


def _explain(answer: Determination, entry: ControlEntry) -> str:
    """One sentence; it leaves out the day, since one memoised answer serves every day of a regime."""
    ship = answer.shipment
    head = (f"{entry.code} from {ship.exporter_country.upper()} to {ship.destination.upper()} "
            f"(group {answer.destination_group})")
    outcome = answer.outcome.replace("_", " ")
    if answer.outcome != "licence_required":
        return f"{head}: {outcome}."
    opened = ", ".join(answer.licence_types.open) or "none"
    review = f"; review up to {answer.review_days} days" if answer.review_days else ""
    return f"{head}: {outcome}; open: {opened}{review}."
