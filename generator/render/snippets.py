"""Pieces that pages repeat thousands of times: level badges, links, and the long tables of a POP page.

They are Python rather than Jinja macros because a macro call costs tens of
microseconds, and on a large organisation the POP and matrix pages make
hundreds of thousands of them (most of the generator's time, when they were macros).
For the same reason the HTML pages read links by subscript (``wp_links[id]``,
``person_links[id]``): even a plain call from a template costs about as much as a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from markupsafe import Markup

from ..catalogue import Catalogue
from ..derive import PersonFacts
from ..derive.levels import Standing
from ..fields import Ref
from ..model import Content
from . import paths
from .escape import escape_text
from .paths import relative_link, url_link


class Snippets:
    def __init__(self, content: Content, t: Catalogue, date: Callable[[dt.date | None], str], warn_until: dt.date) -> None:
        self.content, self.t, self.date, self.warn_until = content, t, date, warn_until
        labels = {level.level: escape_text(level.label) for level in content.organisation.levels}
        self._badges = {n: Markup(f'<span class="wgo-level wgo-level-{n}" title="{label}">{n}</span>') for n, label in labels.items()}
        # Links depend only on the page's folder, and every POP page lives in the same one.
        self._folders: dict[str, FolderLinks] = {}
        self._html_folders: dict[tuple[str, bool, bool | None], HtmlLinks] = {}
        needed = content.organisation.improvement_level
        capped = escape_text(t("label.capped-mark", level=needed or 0))
        self.capped_mark = Markup(f' <span class="wgo-capped" title="{capped}">⚑</span>')

    def level_badge(self, level: int) -> Markup:
        """The level as a number on its colour (the number carries the meaning; the colour helps)."""
        return self._badges.get(level) or Markup(f'<span class="wgo-level">{level}</span>')

    def level_cell(self, standing: Standing) -> Markup:
        """A level badge with its expiry mark: a matrix or POP cell."""
        badge = self.level_badge(standing.level)
        return badge + self.expiry_mark(standing) if self._expiring(standing) else badge

    def overall_cell(self, person: PersonFacts) -> Markup:
        """The overall level, marked when the improvement rule rather than a work process holds it down."""
        badge = self.level_badge(person.overall)
        return badge + self.capped_mark if person.capped else badge

    def _expiring(self, standing: Standing) -> bool:
        return standing.expires is not None and standing.expires <= self.warn_until

    def expiry_mark(self, standing: Standing) -> Markup:
        """A mark on a level whose evidence stops counting within the warning period."""
        if not self._expiring(standing):
            return Markup("")
        title = escape_text(self.t("label.expires-on", date=self.date(standing.expires)))
        return Markup(f' <span class="wgo-expiring" title="{title}">!</span>')

    def links_from(self, page_path: str) -> FolderLinks:
        """Links for a page; pages in one folder share them (and their cache)."""
        folder = page_path.rpartition("/")[0]
        if folder not in self._folders:
            self._folders[folder] = FolderLinks(self, page_path)
        return self._folders[folder]

    def html_links_from(self, page_path: str, directory_urls: bool | None) -> HtmlLinks:
        """HTML links for a page rendered to HTML; the pages of one folder share them (and their cache).

        With directory URLs every page is served from a folder of its own, one level deeper than its
        folder's index page, so the links are made from a page of no name at that depth: the same
        for all of them (a page's link to itself reads ``../page/`` rather than ``./``).
        """
        folder, _, name = page_path.rpartition("/")
        key = (folder, name == "index.md", directory_urls)
        if key not in self._html_folders:
            anyone = page_path if name == "index.md" else f"{folder}/\0.md".lstrip("/")
            self._html_folders[key] = HtmlLinks(self, anyone, directory_urls)
        return self._html_folders[key]


class FolderLinks:
    """Links to people, work processes, criteria and sources, relative to the pages of one folder.

    Each kind has its own cache by id: the same few thousand links appear on thousands of pages.
    """

    def __init__(self, snippets: Snippets, page_path: str) -> None:
        self.snippets, self.content, self.page_path = snippets, snippets.content, page_path
        self._people: dict[str, Markup] = {}
        self._work_processes: dict[str, Markup] = {}
        self._criteria: dict[str, Markup] = {}
        self._sources: dict[tuple[str, ...], Markup] = {}

    def person(self, person_id: str) -> Markup:
        """A name linking to the POP page; inactive people have none, unknown ids show as they are."""
        link = self._people.get(person_id)
        if link is None:
            link = self._people[person_id] = self._person(person_id)
        return link

    def _person(self, person_id: str) -> Markup:
        person = self.content.people.get(person_id) if self.content.organisation.personal_data else None
        if person is None:
            return escape_text(person_id)
        if not person.active:
            return escape_text(person.name)
        return self._link(person.name, paths.person(person_id))

    def work_process(self, wp_id: str) -> Markup:
        """The work process's title, linking to its page."""
        link = self._work_processes.get(wp_id)
        if link is None:
            title = self.content.work_processes[wp_id].title
            link = self._work_processes[wp_id] = self._link(title, paths.work_process(wp_id))
        return link

    def criterion(self, criterion_id: str) -> Markup:
        """A criterion's text with its id, and the sources it cites (as POP pages list them)."""
        item = self._criteria.get(criterion_id)
        if item is None:
            criterion = self.content.criteria[criterion_id]
            item = Markup(f'{escape_text(criterion.text)} <small class="wgo-id">{escape_text(criterion.id)}</small>')
            if criterion.sources:
                item += Markup(" — ") + self.sources(criterion.sources)
            self._criteria[criterion_id] = item
        return item

    def _link(self, text: str, target: str) -> Markup:
        return Markup(f"[{escape_text(text)}]({relative_link(self.page_path, target)})")

    def sources(self, refs: Iterable[Ref]) -> Markup:
        ids = tuple(ref.id for ref in refs)
        links = self._sources.get(ids)
        if links is None:
            links = self._sources[ids] = Markup(", ").join(self.source(source_id) for source_id in ids)
        return links

    def source(self, source_id: str) -> Markup:
        """A source's title linking to its page; an unknown id shows as it is."""
        source = self.content.sources.get(source_id)
        if source is None:
            return escape_text(source_id)
        return self._link(source.title, paths.source(source_id))


_A = Markup('<a href="{}">{}</a>')
_CRITERION = Markup('{} <small class="wgo-id">{}</small>')


class HtmlLinks(FolderLinks):
    """Links as HTML, to served addresses, for the pages rendered to HTML (their templates use autoescape).

    ``directory_urls`` None links to the source files, for engines that rewrite links in HTML.
    """

    def __init__(self, snippets: Snippets, page_path: str, directory_urls: bool | None) -> None:
        super().__init__(snippets, page_path)
        self.directory_urls = directory_urls
        # For rows repeated thousands of times: in a template a subscript costs a fraction of a call.
        self.person_links = LinkLookup(self.person)
        self.wp_links = LinkLookup(self.work_process)

    def _link(self, text: str, target: str) -> Markup:
        return _A.format(url_link(self.page_path, target, self.directory_urls), text)

    def _person(self, person_id: str) -> Markup:
        person = self.content.people.get(person_id) if self.content.organisation.personal_data else None
        if person is None or not person.active:
            return Markup.escape(person.name if person else person_id)
        return self._link(person.name, paths.person(person_id))

    def criterion(self, criterion_id: str) -> Markup:
        """A criterion's text with its id, and the sources it cites (as POP pages list them)."""
        item = self._criteria.get(criterion_id)
        if item is None:
            criterion = self.content.criteria[criterion_id]
            item = _CRITERION.format(criterion.text, criterion.id)
            if criterion.sources:
                item = Markup("{} — {}").format(item, self.sources(criterion.sources))
            self._criteria[criterion_id] = item
        return item


class LinkLookup(dict[str, Markup]):
    """Links by id that a template reads as ``wp_links[id]``, made on first use."""

    def __init__(self, make: Callable[[str], Markup]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> Markup:
        value = self[key] = self.make(key)
        return value
