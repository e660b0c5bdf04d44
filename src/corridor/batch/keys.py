"""One order line's question, and its answer as flat columns — shared by the polars and Spark runners.

A million order lines usually ask a few thousand distinct questions (the same item to the same
country on the same day). Both runners decide each distinct key once with the row engine and join
the answers back, so a batch gives exactly the answers `corridor check` gives line by line.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from corridor.export import Shipment, determine
from corridor.export.determination import Determination
from corridor.export.engine import answer_stretch
from corridor.packs.registry import PackSet

KEY = ("from", "to", "item", "on", "end_use")
REQUIRED = ("from", "to", "item")
END_USES = ("civil", "military", "wmd")
ANSWER = ("outcome", "day", "destination_group", "licence_types_open", "rule_ids", "pack_version", "error")


def answer_columns(answer: Determination) -> dict[str, str | None]:
    """The determination as flat text columns (lists joined with `;`), fit for CSV and Parquet."""
    return {"outcome": answer.outcome, "day": answer.shipment.on.isoformat(),
            "destination_group": answer.destination_group,
            "licence_types_open": ";".join(answer.licence_types.open),
            "rule_ids": ";".join(r.id for r in answer.rules if r.applied),
            "pack_version": answer.pack_version, "error": None}


def decide_key(key: tuple[Any, ...], today: date, packs: PackSet | None = None) -> dict[str, str | None]:
    """The answer for one distinct key, or its bad-input reason naming the field in `error`."""
    try:
        exporter, destination, item, day, use = _question(key, today)
        shipment = Shipment(exporter_country=exporter, destination=destination, item=item, on=day,
                            end_use=use)
        return answer_columns(determine(shipment, packs))
    except ValueError as error:
        return _bad(error)


def decide_keys(keys: Iterable[tuple[Any, ...]], today: date,
                packs: PackSet | None = None) -> list[dict[str, str | None]]:
    """`decide_key` for many keys, deciding once per stretch of days in which no rule changes.

    An order book asks about hundreds of days, but the packs change a few times a year: keys that
    differ only by a day inside one stretch share one decision, given each its own day.
    """
    by_stretch: dict[tuple[Any, ...], dict[str, str | None]] = {}
    answers = []
    for key in keys:
        try:
            exporter, destination, item, day, use = _question(key, today)
            stretch = (exporter, destination, item, use, answer_stretch(exporter, day, packs))
        except ValueError as error:
            answers.append(_bad(error))
            continue
        decided = by_stretch.get(stretch)
        if decided is None:
            decided = by_stretch[stretch] = decide_key(key, today, packs)
        answers.append(decided if decided["error"] else {**decided, "day": day.isoformat()})
    return answers


def _question(key: tuple[Any, ...], today: date) -> tuple[str, str, str, date, str]:
    """The key's fields checked and normalised; ValueError names the first bad one."""
    exporter, destination, item, on, end_use = (None if v is None else str(v).strip() for v in key)
    for name, value in zip(REQUIRED, (exporter, destination, item), strict=True):
        if not value:
            raise ValueError(f"{name}: empty; every order line needs from, to and item")
    use = end_use or "civil"
    if use not in END_USES:
        raise ValueError(f"end_use: unknown value {use!r}; accepted: {', '.join(END_USES)}")
    return exporter, destination, item, _day(on, today), use  # type: ignore[return-value]


def _bad(error: ValueError) -> dict[str, str | None]:
    return {**dict.fromkeys(ANSWER), "error": str(error).splitlines()[0]}


def _day(value: str | None, today: date) -> date:
    if not value:
        return today
    try:
        return date.fromisoformat(value[:10] if len(value) > 10 and value[10] in "T " else value)
    except ValueError as error:
        raise ValueError(f"on: {value!r} is not a date; expected YYYY-MM-DD") from error
