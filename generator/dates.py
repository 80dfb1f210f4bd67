"""The build date and calendar arithmetic used by the rules."""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections.abc import Mapping
from functools import lru_cache


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """Today, or the (UTC) date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def bad_source_date_epoch(environ: Mapping[str, str] = os.environ) -> str | None:
    """The value of ``SOURCE_DATE_EPOCH`` when it is set but not a whole number of seconds (then today is used)."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    return epoch if epoch and not epoch.isdigit() else None


@lru_cache(maxsize=4096)  # called per sign-off with the same build date and a few month counts
def add_months(date: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (or earlier, if negative), clamped to the month's end."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(date.day, last_day))


def months_before(date: dt.date, months: int) -> dt.date:
    return add_months(date, -months)
