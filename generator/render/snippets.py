"""Small inline pieces that pages repeat thousands of times: level badges, person and source links.

They are Python rather than Jinja macros because a macro call costs tens of
microseconds, and on a large organisation the POP and matrix pages make
hundreds of thousands of them (most of the generator's time, when they were macros).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from markupsafe import Markup

from ..catalogue import Catalogue
from ..derive.levels import Standing
from ..fields import Ref
from ..model import Content
from . import paths
from .escape import escape_text
from .renderer import relative_link


class Snippets:
    def __init__(self, content: Content, t: Catalogue, date: Callable[[dt.date | None], str], warn_until: dt.date) -> None:
        self.content, self.t, self.date, self.warn_until = content, t, date, warn_until
        labels = {level.level: escape_text(level.label) for level in content.organisation.levels}
        self._badges = {n: Markup(f'<span class="wgo-level wgo-level-{n}" title="{label}">{n}</span>') for n, label in labels.items()}

    def level_badge(self, level: int) -> Markup:
        """The level as a number on its colour (the number carries the meaning; the colour helps)."""
        return self._badges.get(level) or Markup(f'<span class="wgo-level">{level}</span>')

    def expiry_mark(self, standing: Standing) -> Markup:
        """A mark on a level whose evidence stops counting within the warning period."""
        if standing.expires is None or standing.expires > self.warn_until:
            return Markup("")
        title = escape_text(self.t("label.expires-on", date=self.date(standing.expires)))
        return Markup(f' <span class="wgo-expiring" title="{title}">!</span>')

    def links_from(self, page_path: str) -> PageLinks:
        return PageLinks(self, page_path)


class PageLinks:
    """Links to people and sources, relative to one page."""

    def __init__(self, snippets: Snippets, page_path: str) -> None:
        self.content, self.page_path = snippets.content, page_path

    def person(self, person_id: str) -> Markup:
        """A name linking to the POP page; inactive people have none, unknown ids show as they are."""
        person = self.content.people.get(person_id) if self.content.organisation.personal_data else None
        if person is None:
            return escape_text(person_id)
        if not person.active:
            return escape_text(person.name)
        return Markup(f"[{escape_text(person.name)}]({relative_link(self.page_path, paths.person(person_id))})")

    def sources(self, refs: Iterable[Ref]) -> Markup:
        return Markup(", ").join(self._source(ref.id) for ref in refs)

    def _source(self, source_id: str) -> Markup:
        source = self.content.sources.get(source_id)
        if source is None:
            return escape_text(source_id)
        return Markup(f"[{escape_text(source.title)}]({relative_link(self.page_path, paths.source(source_id))})")
