"""CSV reading shared by the CSV list formats: line numbers for errors, nulls, dates."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date

from corridor.screening.errors import ListFormatError

OFAC_NULL = "-0-"


def csv_rows(text: str, source: str, width: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each non-blank row; a row of the wrong width is an error.

    OFAC files end with a DOS end-of-file byte (0x1A); it is not data and is dropped.
    """
    reader = csv.reader(io.StringIO(text.replace("\x1a", "")), strict=True)
    try:
        for fields in reader:
            if not any(f.strip() for f in fields):
                continue
            if width is not None and len(fields) != width:
                raise ListFormatError(
                    source, f"line {reader.line_num}", f"expected {width} fields, found {len(fields)}"
                )
            yield reader.line_num, fields
    except csv.Error as error:
        raise ListFormatError(source, f"line {reader.line_num}", f"not valid CSV ({error})") from error


def csv_records(text: str, source: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by column name) for a CSV with a header that names `required` columns."""
    rows = csv_rows(text, source)
    try:
        _, header = next(rows)
    except StopIteration:
        raise ListFormatError(source, "line 1", "the file is empty; expected a header row") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [column for column in required if column not in header]
    if missing:
        raise ListFormatError(source, "line 1", f"header lacks {', '.join(missing)}; "
                                                f"expected {', '.join(required)}")
    for line, fields in rows:
        if len(fields) != len(header):
            raise ListFormatError(source, f"line {line}",
                                  f"expected {len(header)} fields as in the header, found {len(fields)}")
        yield line, dict(zip(header, fields, strict=True))


def clean(value: str | None) -> str | None:
    """Trimmed text, or None for blanks and OFAC's `-0-` null marker."""
    if value is None:
        return None
    value = value.strip()
    return None if not value or value == OFAC_NULL else value


def split_list(value: str | None, separator: str = ";") -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(separator) if part.strip())


def iso_date(value: str | None, source: str, location: str) -> date | None:
    """ISO dates (and ISO datetimes, whose time is dropped); anything else is an error."""
    value = clean(value)
    if value is None:
        return None
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", value)
    try:
        return date.fromisoformat(match.group(1)) if match else date.fromisoformat(value)
    except ValueError as error:
        raise ListFormatError(source, location, f"date {value!r} is not ISO 8601 (YYYY-MM-DD)") from error
