"""What every page template gets: the content, the facts, the shared snippets and helpers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..catalogue import Catalogue
from ..derive import Facts, criteria_levels
from ..derive.health import Reinstruction, reinstructions
from ..derive.levels import EXPIRY_WARNING_DAYS
from ..model import KINDS, Content
from . import paths
from .renderer import Renderer
from .site import Page, SiteAddress
from .snippets import FolderLinks, HtmlLinks, Snippets

# A list or table of more rows than this is left out of the search index (``m.unindexed`` in the
# Markdown templates): as one search entry it is a blob that matches any word, each row's own page is
# found anyway, and Zensical refuses to build a site with a search entry over 64 kB (some 600 rows).
LONG_LIST = 200


@dataclass(frozen=True)
class PageContext:
    content: Content
    facts: Facts | None  # None when personal data is not published
    counts: Facts  # always: for pages that show how many, never who (the health and source pages)
    renderer: Renderer
    t: Catalogue
    snippets: Snippets
    levels: list[int]  # the levels that have criteria
    address: SiteAddress  # where the site is served, for the few absolute links (the feed)

    @classmethod
    def of(cls, content: Content, all_facts: Facts, renderer: Renderer, address: SiteAddress) -> PageContext:
        """The context of a build; names of people reach pages only when the organisation publishes personal data."""
        facts = all_facts if content.organisation.personal_data else None
        snippets = Snippets(content, renderer.catalogue, renderer.date, all_facts.expiry_warning_until)
        return cls(content, facts, all_facts, renderer, renderer.catalogue, snippets, criteria_levels(content), address)

    @cached_property
    def reinstructions(self) -> list[Reinstruction]:
        """Who needs re-instruction on what: the source pages, the health page and the POPs all show it."""
        return reinstructions(self.content, self.counts)

    def page(self, template: str, path: str, title: str, *, search: bool = True, **context: object) -> Page:
        """A Markdown page (``*.md.j2``): links to ``.md`` files, which the engine rewrites and checks."""
        links = self.snippets.links_from(path)
        return self.renderer.page(template, path, title, search=search, **{**self._shared(links), **context})

    def html_page(self, template: str, path: str, title: str, *, search: bool = True, **context: object) -> Page:
        """A page built only from data, rendered to HTML (``*.html.j2``) with links to served addresses."""
        links = self.snippets.html_links_from(path, None if self.address.source_links else self.address.directory_urls)
        shared = self._shared(links) | {
            "person_links": links.person_links, "wp_links": links.wp_links, "checklist_sections": links.checklist_sections,
            "history_rows": links.history_rows, "next_step_sections": links.next_step_sections, "level_rows": links.level_rows,
        }
        return self.renderer.html_page(
            template, path, title, directory_urls=None if self.address.source_links else self.address.directory_urls,
            search=search, **{**shared, **context},
        )

    def _shared(self, links: FolderLinks | HtmlLinks) -> dict[str, object]:
        org = self.content.organisation
        return {
            "level_badge": self.snippets.level_badge,
            "expiry_mark": self.snippets.expiry_mark,
            "level_cell": self.snippets.level_cell,
            "overall_cell": self.snippets.overall_cell,
            "capped_mark": self.snippets.capped_mark,
            "person_link": links.person,
            "source_link": links.source,
            "source_links": links.sources,
            "wp_link": links.work_process,
            "criterion_item": links.criterion,
            "org": org,
            "paths": paths,
            "sources": self.content.sources,
            "work_processes": self.content.work_processes,
            "criteria": self.content.criteria,
            "teams": {team.id: team for team in org.teams},
            "criteria_levels": self.levels,
            "kinds": KINDS,
            "expiry_days": EXPIRY_WARNING_DAYS,
            "long_list": LONG_LIST,
        }
