"""The build date and calendar arithmetic used by the rules."""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections.abc import Mapping
from functools import lru_cache

# The rules look at most MAX_MONTHS ahead of the build date; a later build date would leave the calendar.
MAX_MONTHS = 1200
LATEST_BUILD_YEAR = dt.MAXYEAR - MAX_MONTHS // 12 - 1


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """Today, or the (UTC) date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    return _epoch_date(environ) or dt.date.today()


def bad_source_date_epoch(environ: Mapping[str, str] = os.environ) -> str | None:
    """The value of ``SOURCE_DATE_EPOCH`` when it is set but not a usable number of seconds (then today is used)."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    return epoch if epoch and _epoch_date(environ) is None else None


def _epoch_date(environ: Mapping[str, str]) -> dt.date | None:
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    # isascii(): "²" and other digits of other scripts pass isdigit() but are no number to int().
    if not (epoch.isascii() and epoch.isdigit() and len(epoch) <= 12):
        return None
    try:
        date = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):  # past the year 9999, or the platform's limit
        return None
    return date if date.year <= LATEST_BUILD_YEAR else None


@lru_cache(maxsize=4096)  # called per sign-off with the same build date and a few month counts
def add_months(date: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (or earlier, if negative), clamped to the month's end.

    Raises ``OutOfRange`` past the years 1–9999; the reference check reports that on the key
    that caused it, so the later phases never meet it.
    """
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OutOfRange(f"{date.isoformat()} {months:+d} months")
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(date.day, last_day))


def months_before(date: dt.date, months: int) -> dt.date:
    return add_months(date, -months)


def in_range(date: dt.date, months: int) -> bool:
    """Whether ``months`` calendar months from ``date`` is still a date (years 1–9999)."""
    return dt.MINYEAR <= (date.year * 12 + date.month - 1 + months) // 12 <= dt.MAXYEAR


class OutOfRange(ValueError):
    """Month arithmetic left the calendar (before year 1 or after 9999)."""
