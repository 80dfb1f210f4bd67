"""What ``check`` says about who may read what, each message at its line.

- Without ``access:``: that every reader of the site sees every name (advice).
- With it: every group and login that a chosen server's rule file could not hold (and only
  those: spaces, backslashes and commas in a DN are what real directories contain, and the
  writers quote them); groups that Windows would take as one and Apache as two; a login of
  two people; a team whose id is the folder of the organisation-wide views; a restricted
  folder whose name the site already uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Location, Report, Text, display_path
from ..model import Access, Content
from ..render import paths
from . import apache, iis

_UNWRITABLE = {apache.SERVER: apache.unwritable, iis.SERVER: iis.unwritable}
_SERVER_NAMES = {apache.SERVER: "Apache", iis.SERVER: "IIS"}


def check_access(content: Content, report: Report) -> None:
    """Report every problem with ``access:`` and the groups and logins it uses."""
    organisation, access = content.organisation, content.organisation.access
    if access is not None and not organisation.personal_data:
        report.warning(access.location, "access-without-personal-data")
    elif access is not None:
        _check_folder(content, access, report)
        _check_teams(content, access, report)
        _check_accounts(content, access, report)


def advise_access(content: Content, report: Report) -> None:
    """Advice that only ``check`` gives (info): that every reader of the site sees every name, or a team that only
    the planners can read."""
    organisation, access = content.organisation, content.organisation.access
    if not organisation.personal_data:
        return
    if access is None:
        file = display_path(content.root / "organisation.yml")
        report.info(organisation.at("personal_data"), "personal-data-public", file=file)
        return
    for team in organisation.teams:
        if not team.access_group:
            report.info(team.location, "team-without-access-group", id=team.id, group=access.planners_group)


def _check_values(values: Iterable[tuple[str, Location]], access: Access, report: Report) -> None:
    for value, location in values:
        for server in access.servers:
            if reason := _UNWRITABLE[server](value):
                report.error(location, "access-value", value=value, server=_SERVER_NAMES[server], reason=Text(reason))
                break


def _check_folder(content: Content, access: Access, report: Report) -> None:
    """The restricted folder is a folder of its own: not one the site or the engine writes, nor a free page's."""
    folder = access.restricted_folder
    if folder in paths.GENERATED_FOLDERS or folder in paths.ENGINE_FOLDERS:
        report.error(access.at("restricted_folder"), "restricted-folder-taken", folder=folder, what=Text("restricted-folder-taken.site"))
        return
    for page in (*(p.path for p in content.pages), *content.page_files):
        if page.partition("/")[0] in (folder, f"{folder}.md"):
            what = Text("restricted-folder-taken.page", {"page": page})
            report.error(access.at("restricted_folder"), "restricted-folder-taken", folder=folder, what=what)
            return


def _check_teams(content: Content, access: Access, report: Report) -> None:
    groups = [(access.planners_group, access.at("planners_group"))]
    for team in content.organisation.teams:
        if team.id == paths.ALL_TEAMS:
            report.error(team.location, "access-team-folder", id=team.id)
        if team.access_group and team.access_group_at is not None:
            groups.append((team.access_group, team.access_group_at))
    _check_values(groups, access, report)
    _check_same_groups(groups, report)


def _check_same_groups(groups: list[tuple[str, Location]], report: Report) -> None:
    """Two teams may share a group (one leader, two teams); written alike but for case, the servers disagree on it."""
    seen: dict[str, tuple[str, Location]] = {}
    for group, location in groups:
        first = seen.setdefault(group.casefold(), (group, location))
        if first[0] != group:
            report.error(location, "access-group-ambiguous", value=group, other=first[0], other_line=first[1].line or 0)


def _check_accounts(content: Content, access: Access, report: Report) -> None:
    owners: dict[str, tuple[str, Location]] = {}
    accounts = [(person.account, person) for person in content.people.values() if person.account]
    _check_values(((account, person.location) for account, person in accounts), access, report)
    for account, person in accounts:
        # Windows compares logins without regard to case, so 'JJansen' and 'jjansen' are one login there.
        other = owners.setdefault(account.casefold(), (person.id, person.location))
        if other[0] != person.id:
            report.error(person.location, "duplicate-account", account=account, other=other[0], other_line=other[1].line or 0)
