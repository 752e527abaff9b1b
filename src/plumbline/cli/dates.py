"""Parsing the day arguments of the contract: YYYY-MM-DD, `today`, `yesterday`."""

from __future__ import annotations

import datetime as dt

from plumbline.storage.errors import BadInput


def parse_day(text: str | None, today: dt.date) -> dt.date:
    if text is None or text == "today":
        return today
    if text == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"bad date '{text}': give it as YYYY-MM-DD, or 'today' or 'yesterday'") from None
