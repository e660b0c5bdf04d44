"""`corridor entry`: a traveller's checklist for one crossing on one day, or its JSON.

A thin shell: it parses options into `Traveller` and `Trip`, calls `corridor.entry.assess`
and renders. Every bad value is refused with exit code 2 and a message naming the option,
the value and what is accepted; every answer, even "denied" or "not covered", exits 0.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from corridor.entry import EntryAnswer, EntryInputError, PlaceStayed, TestTaken, Traveller, Trip, assess
from corridor.packs.countries import UnknownCountry, check_country
from corridor.packs.schema.entry import PURPOSES, RESIDENCE_STATUSES, TEST_TYPES, TRACKS


def _one_of(field: str, accepted: tuple[str, ...]):
    def check(value: str | None) -> str | None:
        if value is not None and value not in accepted:
            raise typer.BadParameter(f"{field}: unknown value {value!r}; accepted: {', '.join(accepted)}")
        return value
    return check


def _country(field: str):
    def check(value: str | None) -> str | None:
        try:
            return check_country(value, field) if value is not None else None
        except UnknownCountry as error:
            raise typer.BadParameter(str(error)) from error
    return check


def _day(field: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{field}: {value!r} is not a date (YYYY-MM-DD)") from error


def _moment(field: str, value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{field}: {value!r} is not a date-time (YYYY-MM-DDTHH:MM)") from error
    if moment.tzinfo is not None:
        raise typer.BadParameter(f"{field}: {value!r} has a UTC offset; give local wall-clock time")
    return moment


def _stay(value: str) -> PlaceStayed:
    """`KR`, `KR:Daegu` or `KR:Cheongdo-gun@2020-03-01` (last day there)."""
    place, _, last = value.partition("@")
    country, _, region = place.partition(":")
    code = _country("stayed")(country)
    return PlaceStayed(country=code, region=region or None, last_day=_day("stayed", last) if last else None)


def _test(value: str) -> TestTaken:
    kind, at, moment = value.partition("@")
    if not at:
        raise typer.BadParameter(f"test: {value!r} should be TYPE@DATETIME, e.g. PCR@2020-10-18T10:00")
    _one_of("test", TEST_TYPES)(kind)
    return TestTaken(type=kind, taken_at=_moment("test", moment))


def _option(metavar: str, text: str, *names: str, **extra) -> typer.models.OptionInfo:
    return typer.Option(*names, metavar=metavar, help=text, **extra)


Str = str | None
Many = list[str] | None


def entry_command(
    to: Annotated[str, _option("CC", "Destination country (ISO alpha-2).", "--to", callback=_country("to"))],
    origin: Annotated[str, _option("CC", "Country departed from.", "--from", callback=_country("from"))],
    nationality: Annotated[str, _option("CC", "Passport country.", callback=_country("nationality"))],
    purpose: Annotated[str, _option("PURPOSE", f"One of: {', '.join(PURPOSES)} (business = short stay).",
                                    callback=_one_of("purpose", PURPOSES))],
    on: Annotated[Str, _option("DATE", "Arrival date YYYY-MM-DD (arrival taken at 12:00); "
                                       "default: today.")] = None,
    arrive: Annotated[Str, _option("DATETIME", "Arrival local date-time, instead of --on.")] = None,
    depart: Annotated[Str, _option("DATETIME", "Departure local date-time (default: arrival).")] = None,
    track: Annotated[Str, _option("TRACK", f"Entry track: {', '.join(TRACKS)}.",
                                  callback=_one_of("track", TRACKS))] = None,
    stayed: Annotated[Many, _option("PLACE", "Place stayed: COUNTRY[:REGION][@LAST_DAY], e.g. KR:Daegu; "
                                    "repeatable. The origin country counts up to departure.")] = None,
    vaccine_doses: Annotated[int, _option("N", "COVID-19 vaccine doses received.", min=0)] = 0,
    residence: Annotated[Str, _option("STATUS", f"Residence status: {', '.join(RESIDENCE_STATUSES)}.",
                                      callback=_one_of("residence", RESIDENCE_STATUSES))] = None,
    residence_country: Annotated[Str, _option("CC", "Country of residence (default: the destination when "
                                              "--residence is given).",
                                              callback=_country("residence-country"))] = None,
    reentry_permit: Annotated[bool, typer.Option(help="Holds a re-entry permit.")] = False,
    left_on: Annotated[Str, _option("DATE", "Day the resident left the residence country.")] = None,
    visa_issued: Annotated[Str, _option("DATE", "Issue date of the visa held, if any.")] = None,
    test: Annotated[Many, _option("TYPE@DATETIME", f"Test taken, TYPE one of {', '.join(TEST_TYPES)}; "
                                  "repeatable.")] = None,
    pledge: Annotated[bool, typer.Option(help="The host company's written pledge is held.")] = False,
    activity_plan: Annotated[bool, typer.Option(help="The host's activity plan is held.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """May this traveller enter, and on what conditions? A checklist with the rules and sources."""
    arrival = _arrival(on, arrive)
    traveller = Traveller(
        nationality=nationality, purpose=purpose, track=track, vaccine_doses=vaccine_doses,
        residence_status=residence, residence_country=residence_country or (to if residence else None),
        reentry_permit=reentry_permit, left_on=_day("left-on", left_on) if left_on else None,
        visa_issued=_day("visa-issued", visa_issued) if visa_issued else None,
        documents=[d for d, held in (("pledge", pledge), ("activity_plan", activity_plan)) if held],
        tests=[_test(t) for t in test or []],
    )
    trip = Trip(origin=origin, destination=to, arrival=arrival,
                departure=_moment("depart", depart) if depart else arrival,
                stayed=[_stay(s) for s in stayed or []])
    try:
        answer = assess(traveller, trip)
    except EntryInputError as error:
        Console(stderr=True).print(f"[red]Error:[/] {escape(str(error))}", highlight=False)
        raise typer.Exit(2) from error
    if as_json:
        typer.echo(json.dumps(answer.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2))
    else:
        render_checklist(answer, Console())


def _arrival(on: str | None, arrive: str | None) -> datetime:
    if arrive:
        moment = _moment("arrive", arrive)
        if on and _day("on", on) != moment.date():
            raise typer.BadParameter(f"on: {on!r} differs from the --arrive date {moment.date()}")
        return moment
    return datetime.combine(_day("on", on) if on else date.today(), time(12, 0))


VERDICT_STYLE = {
    "allowed": "bold green", "allowed_with_conditions": "bold yellow", "denied": "bold red",
    "denied_unless_exempt": "bold red", "not_covered": "bold magenta",
}
STATUS_MARK = {"met": "[green]✔[/]", "missing": "[red]✘[/]", "to_do": "[yellow]☐[/]"}


def render_checklist(answer: EntryAnswer, console: Console) -> None:
    """The traveller's view: verdict, what to do, then why (rules) and on whose word (sources)."""
    t, trip = answer.traveller, answer.trip
    console.print(f"[bold]Entry to {trip.destination} from {trip.origin} on {answer.on.isoformat()}[/] "
                  f"(arriving {trip.arrival:%H:%M}) — {t.nationality} national, purpose {t.purpose}",
                  highlight=False)
    verdict = answer.verdict.replace("_", " ").upper()
    console.print(f"Verdict: [{VERDICT_STYLE[answer.verdict]}]{verdict}[/]", highlight=False)
    quarantine = "unknown" if answer.quarantine_days is None else f"{answer.quarantine_days} days"
    if answer.verdict not in ("denied", "not_covered"):
        stay = f" · visa-free stay up to {answer.stay_days} days" if answer.stay_days else ""
        console.print(f"Quarantine: {quarantine}{stay}", highlight=False)
    console.print(escape(answer.explanation), highlight=False)
    if answer.requirements:
        console.print("\n[bold]Checklist[/]")
    for r in answer.requirements:
        why = f" — {escape(r.status_reason)}" if r.status_reason else ""
        binding = r.quarantine.mandate if r.quarantine else r.enforcement
        label = escape(f"[{r.category}] {r.summary} ({binding})")
        console.print(f" {STATUS_MARK[r.status]} {label}{why}", highlight=False)
    _render_rules(answer, console)
    for note in (n for n in answer.notes if n not in answer.explanation):
        console.print(f"[dim]Note: {escape(note)}[/]", highlight=False)
    if answer.sources:
        console.print("\n[bold]Sources[/]")
    for i, source in enumerate(answer.sources, 1):
        console.print(f" {i}. {escape(source)}", highlight=False)


def _render_rules(answer: EntryAnswer, console: Console) -> None:
    if answer.rules:
        console.print("\n[bold]Rules in force on the arrival day[/]")
    for rule in answer.rules:
        mark = "[bold]applied[/]" if rule.applied else "[dim]not applied[/]"
        reason = f": {escape(rule.reason)}" if rule.reason else ""
        console.print(f" • {rule.id} ({rule.effect}) — {mark}{reason}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("entry")(entry_command)
