"""The one check that a level named in the content lies on the organisation's scale."""

from __future__ import annotations

from ..diagnostics import Location, Report
from ..fields import Checked
from ..model import Organisation


def checked_level(checked: Checked, key: str, organisation: Organisation, report: Report) -> int | None:
    level = checked.get(key)
    return None if level is None else level_on_scale(level, checked.at(key), organisation, report)


def level_on_scale(level: int, location: Location, organisation: Organisation, report: Report) -> int | None:
    if 0 <= level <= organisation.max_level:
        return level
    report.error(location, "level-out-of-scale", level=level, scale_file=organisation.location.path, low=0, high=organisation.max_level)
    return None
