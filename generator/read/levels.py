"""The one check that a level named in the content lies on the organisation's scale."""

from __future__ import annotations

from ..diagnostics import Location, Report
from ..fields import Checked
from ..model import Organisation

# No scale needs more digits; int() would be slow on thousands of them and refuses over 4,300.
_MAX_DIGITS = 9


def checked_level(checked: Checked, key: str, organisation: Organisation, report: Report) -> int | None:
    level = checked.get(key)
    return None if level is None else level_on_scale(level, checked.at(key), organisation, report)


def written_level(digits: str, location: Location, organisation: Organisation, report: Report) -> int | None:
    """A level written as ASCII digits (a table cell), if it lies on the scale; None (reported) otherwise."""
    if len(digits.lstrip("0")) <= _MAX_DIGITS:
        return level_on_scale(int(digits), location, organisation, report)
    _out_of_scale(digits, location, organisation, report)
    return None


def level_on_scale(level: int, location: Location, organisation: Organisation, report: Report) -> int | None:
    if 0 <= level <= organisation.max_level:
        return level
    _out_of_scale(level, location, organisation, report)
    return None


def _out_of_scale(level: int | str, location: Location, organisation: Organisation, report: Report) -> None:
    report.error(location, "level-out-of-scale", level=level, scale_file=organisation.location.path, low=0, high=organisation.max_level)
