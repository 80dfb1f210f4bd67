"""Who may read a page: its audience, decided once, where the page type is defined.

Names and levels of employees are personal data (AVG/GDPR: need to know). Every page and
file the generator writes has an audience, and everything else follows from it, so that a
new kind of page cannot leak by forgetting a step:

- where it lives (``render/paths.py``, ``Layout``): with ``access:`` in organisation.yml,
  every page that names people lies in a restricted folder per team, or in the folder of
  the organisation-wide views;
- whether it may show names at all (``Layout.shows_names``);
- whether it is in the navigation, the search index and the sitemap (public pages only);
- the access rules the build writes for the web server (``access/``).

Readers of each audience::

    PUBLIC     everyone who can open the site
    TEAM t     the leaders of team t (its access_group) and the planners
    PERSON p   the person p (their account), the leaders of their team and the planners
    PLANNERS   the planners (access.planners_group) only
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum

from .model import Person


class Readers(Enum):
    PUBLIC = "public"
    TEAM = "team"
    PERSON = "person"
    PLANNERS = "planners"


@dataclass(frozen=True)
class Audience:
    readers: Readers
    team: str = ""  # TEAM and PERSON: the team whose leaders read it ("" for a person without one)
    person: str = ""  # PERSON: whose page it is

    @property
    def restricted(self) -> bool:
        """Whether the page may name people: only its audience reads it."""
        return self.readers is not Readers.PUBLIC


PUBLIC = Audience(Readers.PUBLIC)
PLANNERS = Audience(Readers.PLANNERS)


def team_leaders(team_id: str) -> Audience:
    return Audience(Readers.TEAM, team=team_id)


def person_and_leaders(person: Person, teams: Collection[str]) -> Audience:
    """A person's own pages. Someone inactive or without a known team has no team leaders who may
    read them: only the planners (and the person) do."""
    team = person.team if person.active and person.team in teams else ""
    return Audience(Readers.PERSON, team=team, person=person.id)
