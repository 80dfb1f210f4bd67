"""The one table of access rules: per restricted folder, the groups and logins that may read it.

It is made from the audiences of the pages and files the build publishes, so a rule exists
exactly for each folder that holds something restricted; both servers' files are written
from this table (``rule_files``), so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..audience import Audience, Readers
from ..model import Access, Content
from ..render.paths import Layout
from ..render.site import Site


@dataclass(frozen=True, kw_only=True)
class AccessRule:
    folder: str  # relative to the site's root, no slash at either end
    groups: tuple[str, ...]  # directory groups that may read it, the planners' group first
    users: tuple[str, ...]  # logins that may read it (a person's own folder)


def access_rules(site: Site, content: Content, layout: Layout) -> tuple[AccessRule, ...]:
    """A rule per folder of restricted pages and files, outer folders first; none without ``access:``.

    A folder whose readers are those of the folder around it (a person without an account, in their
    team's folder) gets no rule of its own: it has the outer one's, on every server.
    """
    access = content.organisation.access
    if layout.restricted is None or access is None:
        return ()
    published = [*(page.audience for page in site.pages), *(file.audience for file in site.files)]
    audiences = {audience for audience in published if audience.restricted}
    rules = sorted((_rule(audience, access, content, layout) for audience in audiences), key=lambda rule: rule.folder)
    return tuple(rule for rule in rules if not _same_as_outer(rule, rules))


def _same_as_outer(rule: AccessRule, rules: list[AccessRule]) -> bool:
    outer = [other for other in rules if rule.folder.startswith(other.folder + "/")]
    return bool(outer) and (max(outer, key=lambda other: len(other.folder)).groups, ()) == (rule.groups, rule.users)


def _rule(audience: Audience, access: Access, content: Content, layout: Layout) -> AccessRule:
    team = content.organisation.team(audience.team) if audience.team else None
    groups = [access.planners_group]
    if audience.readers in (Readers.TEAM, Readers.PERSON) and team is not None and team.access_group:
        groups.append(team.access_group)
    person = content.people.get(audience.person) if audience.readers is Readers.PERSON else None
    users = (person.account,) if person is not None and person.account else ()
    return AccessRule(folder=layout.folder(audience).strip("/"), groups=tuple(dict.fromkeys(groups)), users=users)
