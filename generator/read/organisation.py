"""Read ``organisation.yml``: the name, the language, the level scale, the teams and who may read what."""

from __future__ import annotations

from pathlib import Path

from ..catalogue import LANGUAGES, Catalogue
from ..dates import MAX_MONTHS
from ..diagnostics import Location, Report
from ..fields import Checked, Field, check_mapping
from ..files import exists
from ..model import (
    ACCESS_SERVERS,
    DEFAULT_PROGRESS_MONTHS,
    DEFAULT_RESTRICTED_FOLDER,
    DEFAULT_REVIEW_MONTHS,
    IMPROVEMENT_AUTHORS,
    PROGRESS_MONTHS_MAX,
    Access,
    Coverage,
    Level,
    Organisation,
    Team,
)
from ..yamlfile import load_yaml_file
from .folders import ORGANISATION_FILE, location_of
from .levels import level_on_scale

DEFAULT_SCALE = 4

LEVEL = {
    "level": Field(kind="int", required=True),
    "label": Field(kind="text", required=True),
    "description": Field(kind="text"),
}
TEAM = {"id": Field(kind="id", required=True), "name": Field(kind="text", required=True), "access_group": Field(kind="text")}
ACCESS = {
    "restricted_folder": Field(kind="id"),
    "planners_group": Field(kind="text", required=True),
    # An empty list would leave the restricted pages protected by no server's rules.
    "rules": Field(kind="texts", choices=ACCESS_SERVERS, item="item.server", non_empty=True),
}
COVERAGE = {"level": Field(kind="int", required=True), "count": Field(kind="int", required=True, minimum=0)}
SCHEMA = {
    "name": Field(kind="text", required=True),
    "language": Field(kind="choice", choices=LANGUAGES),
    "levels": Field(kind="maps", schema=LEVEL, item="item.level"),
    "teams": Field(kind="maps", schema=TEAM, item="item.team"),
    "coverage": Field(kind="map", schema=COVERAGE),
    "improvement_level": Field(kind="int"),
    "source_review_months": Field(kind="int", minimum=1, maximum=MAX_MONTHS),
    "progress_months": Field(kind="int", minimum=2, maximum=PROGRESS_MONTHS_MAX),
    "personal_data": Field(kind="bool"),
    "access": Field(kind="map", schema=ACCESS),
    "improvement_authors": Field(kind="choice", choices=IMPROVEMENT_AUTHORS),
}


def read_organisation(root: Path, report: Report) -> Organisation:
    """The organisation; when the file is missing or broken, a default one so that reading goes on."""
    path = root / ORGANISATION_FILE
    location = location_of(path)
    if not exists(path):
        report.error(location, "missing-file", file=location.path)
        return _organisation(None, location, report)
    data = load_yaml_file(path, location, report)
    checked = None if location.path in report.unreadable else check_mapping(data, SCHEMA, location, report)
    return _organisation(checked, location, report)


def _organisation(checked: Checked | None, location: Location, report: Report) -> Organisation:
    values = checked.values if checked else {}
    language = values.get("language", "nl")
    levels = _levels(checked, language, report)
    organisation = Organisation(
        name=values.get("name", ""),
        language=language,
        levels=levels,
        teams=_teams(checked, report),
        coverage=_coverage(values.get("coverage"), levels[-1].level),
        improvement_level=values.get("improvement_level"),
        source_review_months=values.get("source_review_months", DEFAULT_REVIEW_MONTHS),
        personal_data=values.get("personal_data", False),
        progress_months=values.get("progress_months", DEFAULT_PROGRESS_MONTHS),
        location=location,
        access=_access(values.get("access")),
        improvement_authors=values.get("improvement_authors", "team"),
        key_lines=dict(checked.key_lines) if checked else {},
    )
    _check_levels_named(checked, organisation, report)
    return organisation


def _levels(checked: Checked | None, language: str, report: Report) -> tuple[Level, ...]:
    """The scale as written, or the default 0–4 scale when it is absent or broken (the error is reported)."""
    levels = []
    for position, item in enumerate(checked.get("levels", ()) if checked else ()):
        level = item.get("level")
        if level is None or item.get("label") is None:
            continue
        if level != position:
            report.error(item.at("level"), "bad-level-scale", level=level, expected=position)
        levels.append(Level(level=level, label=item.get("label"), description=item.get("description", "")))
    if levels and all(lv.level == position for position, lv in enumerate(levels)):
        return tuple(levels)
    words = Catalogue(language)
    return tuple(Level(level=n, label=words(f"level.{n}")) for n in range(DEFAULT_SCALE + 1))


def _coverage(checked: Checked | None, max_level: int) -> Coverage:
    if checked is not None and len(checked.values) == 2:
        return Coverage(**checked.values)
    return Coverage(level=min(3, max_level), count=0)


def _teams(checked: Checked | None, report: Report) -> tuple[Team, ...]:
    teams: dict[str, Team] = {}
    for item in checked.get("teams", ()) if checked else ():
        team_id, name = item.get("id"), item.get("name")
        if team_id is None or name is None:
            continue
        if team_id in teams:
            report.error(item.at("id"), "duplicate-team", id=team_id, other_line=teams[team_id].location.line or 0)
            continue
        group = item.get("access_group", "")
        teams[team_id] = Team(id=team_id, name=name, location=item.at("id"), access_group=group,
                              access_group_at=item.at("access_group") if group else None)
    return tuple(teams.values())


def _access(checked: Checked | None) -> Access | None:
    """The ``access:`` block; without a planners' group (reported) nobody could read the organisation-wide pages."""
    if checked is None or "planners_group" not in checked.values:
        return None
    return Access(
        restricted_folder=checked.get("restricted_folder", DEFAULT_RESTRICTED_FOLDER),
        planners_group=checked.get("planners_group"),
        servers=tuple(dict.fromkeys(checked.get("rules", ("apache",)))),
        location=checked.location,
        key_lines=dict(checked.key_lines),
    )


def _check_levels_named(checked: Checked | None, organisation: Organisation, report: Report) -> None:
    """The levels that ``coverage`` and ``improvement_level`` name must be on the scale."""
    if checked is None:
        return
    named = [("improvement_level", checked, organisation.improvement_level)]
    if (coverage := checked.get("coverage")) is not None:
        named.append(("level", coverage, coverage.get("level")))
    for key, where, level in named:
        if level is not None:
            level_on_scale(level, where.at(key), organisation, report)
