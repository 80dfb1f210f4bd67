"""The one table of access rules: per restricted folder, the groups and logins that may read it.

It is made from the audiences of the pages and files the build publishes, so a rule exists
exactly for each folder that holds something restricted; both servers' files are written
from this table (``rule_files``), so the two cannot drift apart.

The restricted folder itself is closed to all but the planners, and only its index page (the
door, which names no one) is open: a folder that no rule names — a team added to the site but
not yet to the server's copy of the rules — is closed, not open.
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


@dataclass(frozen=True, kw_only=True)
class AccessRules:
    """The rules of a site with a restricted folder: its own rule first, then one per folder inside it."""

    rules: tuple[AccessRule, ...]
    door: str  # the restricted folder's index page, relative to the site's root: open to everyone


def access_rules(site: Site, content: Content, layout: Layout) -> AccessRules | None:
    """A rule for the restricted folder and for each folder of restricted pages and files in it, outer
    folders first; None without ``access:``.

    A folder whose readers are those of the folder around it (a person without an account, in their
    team's folder; the planners' own folder) gets no rule of its own: it has the outer one's, on every server.
    """
    access, door = content.organisation.access, layout.restricted_index()
    if layout.restricted is None or access is None or door is None:
        return None
    published = [*(page.audience for page in site.pages), *(file.audience for file in site.files)]
    audiences = {audience for audience in published if audience.restricted}
    closed = AccessRule(folder=layout.restricted, groups=(access.planners_group,), users=())
    inside = sorted((_rule(audience, access, content, layout) for audience in audiences), key=lambda rule: rule.folder)
    rules = [closed, *inside]
    kept = tuple(rule for rule in rules if not _same_as_outer(rule, rules))
    return AccessRules(rules=kept, door=door.removesuffix(".md") + ".html")


def unwritable_anywhere(value: str) -> str | None:
    """Why no rule file can hold ``value`` (a catalogue key), or None: a control character ends or breaks a line."""
    return "access-reason.control" if any(ord(ch) < 32 or ord(ch) == 127 for ch in value) else None


def _same_as_outer(rule: AccessRule, rules: list[AccessRule]) -> bool:
    outer = [other for other in rules if rule.folder.startswith(other.folder + "/")]
    nearest = max(outer, key=lambda other: len(other.folder)) if outer else None
    return nearest is not None and (nearest.groups, nearest.users) == (rule.groups, rule.users)


def _rule(audience: Audience, access: Access, content: Content, layout: Layout) -> AccessRule:
    team = content.organisation.team(audience.team) if audience.team else None
    groups = [access.planners_group]
    if audience.readers in (Readers.TEAM, Readers.PERSON) and team is not None and team.access_group:
        groups.append(team.access_group)
    person = content.people.get(audience.person) if audience.readers is Readers.PERSON else None
    users = (person.account,) if person is not None and person.account else ()
    return AccessRule(folder=layout.folder(audience).strip("/"), groups=tuple(dict.fromkeys(groups)), users=users)
