"""`screen --batch` on every core gives, in input order, what one process gives."""

from __future__ import annotations

from datetime import UTC, date, datetime

from corridor.batch.parties import screen_rows
from corridor.screening import Party, Schema, ScreeningIndex

LISTED = datetime(2016, 7, 6, tzinfo=UTC).date()
WORDS = ["KOREA MINING", "PYONGYANG", "TANCHON", "AMROGGANG"]
PARTIES = [Party("ofac", str(n), Schema.ORGANIZATION, f"{word} TRADING CORPORATION", countries=("KP",),
                 listed_on=LISTED) for n, word in enumerate(WORDS)]


def test_two_processes_answer_like_one_and_keep_the_order() -> None:
    index = ScreeningIndex(PARTIES)
    asked = ["Korea Mining Trading Corp", "", "Tanchon Trading", "Samsung", "Pyongyang Trading Corporation"]
    rows = [{"name": name, "n": str(n)} for n, name in enumerate(asked * 60)]
    one = list(screen_rows(index, rows, date(2026, 1, 1), None, workers=1))
    two = list(screen_rows(index, rows, date(2026, 1, 1), None, workers=2))
    assert one == two
    assert [r["n"] for r in two] == [r["n"] for r in rows]
    assert two[1]["error"] and two[0]["top_id"] == "0"
