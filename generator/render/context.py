"""What every page template gets: the content, the facts, the shared snippets and helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from ..bodies import safe_markdown
from ..catalogue import Catalogue
from ..derive import Facts, criteria_levels
from ..derive.levels import EXPIRY_WARNING_DAYS
from ..derive.progress import SectionProgress
from ..derive.teams import Deployment
from ..git import NO_HISTORY, ContentHistory
from ..model import KINDS, Content
from . import paths
from .inputs import Reuse, template_files
from .paths import Layout, Place
from .renderer import Renderer
from .site import Page, SiteAddress, StaticFile
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
    layout: Layout  # where the pages that name people live, and which pages may show names
    deployment: Deployment  # what the pages that name people show; public pages show its counts
    history: ContentHistory  # when each content file last changed, from git
    reuse: Reuse  # what the last build of a serve rendered, and what this one renders (inputs.py)

    @classmethod
    def of(
        cls, content: Content, all_facts: Facts, deployment: Deployment, renderer: Renderer, address: SiteAddress,
        history: ContentHistory = NO_HISTORY, reuse: Reuse | None = None, template_dirs: tuple[Path, ...] = (),
    ) -> PageContext:
        """The context of a build; names of people reach pages only when the organisation publishes personal data."""
        facts = all_facts if content.organisation.personal_data else None
        layout = Layout(content.organisation, content.people)
        snippets = Snippets(content, renderer.catalogue, renderer.date, all_facts.expiry_warning_until, layout)
        levels = criteria_levels(content)
        reuse = reuse or Reuse.off()
        context = cls(content, facts, all_facts, renderer, renderer.catalogue, snippets, levels, address, layout, deployment,
                      history, reuse)
        if reuse.keep:
            reuse.start(context._site_key(template_dirs, all_facts))
        return context

    def page(self, template: str, place: Place, title: str, **context: object) -> Page:
        """A Markdown page (``*.md.j2``): links to ``.md`` files, which the engine rewrites and checks.

        ``place``: where it lives and who may read it (``paths.public`` or ``Layout``); its audience
        decides whether it may show names (``names`` in the template). ``context``: the page's inputs."""

        def make() -> Page:
            names = self.layout.shows_names(place.audience)
            links = self.snippets.links_from(place.path, names)
            shared = self._shared(links, names)
            return self.renderer.page(template, place.path, title, audience=place.audience, **{**shared, **context})

        return self.reuse.page(place.path, (template, place, title, context), make, lambda: _stub(place, title))

    def html_page(self, template: str, place: Place, title: str, *, links_as: str = "", **context: object) -> Page:
        """A page built only from data, rendered to HTML (``*.html.j2``) with links to served addresses.

        ``links_as``: the links of a page of many alike (a POP in each person's folder) made as from this
        path, so that they are made once for all of them rather than once per folder."""

        def make() -> Page:
            names = self.layout.shows_names(place.audience)
            directory_urls = self.served_links
            links = self.snippets.html_links_from(links_as or place.path, directory_urls, names)
            shared = self._shared(links, names) | {
                "person_links": links.person_links, "wp_links": links.wp_links, "checklist_sections": links.checklist_sections,
                "history_rows": links.history_rows, "next_step_sections": links.next_step_sections,
                "level_rows": links.level_rows,
            }
            return self.renderer.html_page(
                template, place.path, title, directory_urls=directory_urls, audience=place.audience, **{**shared, **context},
            )

        return self.reuse.page(place.path, (template, place, title, links_as, context), make, lambda: _stub(place, title))

    def file(self, place: Place, inputs: tuple[object, ...], make: Callable[[], bytes]) -> StaticFile:
        """A file beside the pages (a spreadsheet) at ``place``, made by ``make`` from ``inputs`` and what is site-wide."""
        return self.reuse.file(
            place.path, inputs, lambda: StaticFile(path=place.path, content=make(), audience=place.audience),
            lambda: StaticFile(path=place.path, content=b"", audience=place.audience),
        )

    def _site_key(self, template_dirs: tuple[Path, ...], facts: Facts) -> bytes:
        """What every page may show besides its own inputs: all that ``_shared``, the snippets, the links and the
        renderer give a template (inputs.py). Kept beside ``_shared``: a global added there is added here."""
        content = self.content
        return self.reuse.digest(
            content.organisation, self.levels, self.address, self.t.language, self.renderer.build_date,
            facts.expiry_warning_until,
            tuple((p.id, p.name, p.team, p.active) for p in content.people.values()),  # names, links and places of people
            tuple((wp.id, wp.title) for wp in content.work_processes.values()),  # links to work processes
            tuple(content.criteria.values()),  # criteria as items (text, id, sources) and signed cells (retired)
            tuple((s.id, s.title) for s in content.sources.values()),  # links to sources
            template_files((*template_dirs, Path(__file__).parent.parent / "templates")),
        )

    @cached_property
    def _section_charts(self) -> dict[tuple[str, str], Markup]:
        # Each team's chart in each format is the same on the format, team and matrix pages: drawn once.
        return {
            (s.format.id, s.team.id): self.renderer.fragment("section_chart.html.j2", section=s, org=self.content.organisation)
            for s in self.deployment.progress.sections
        }

    def progress_charts(self, sections: Iterable[SectionProgress]) -> Markup:
        """The charts of levels over time of ``sections``, as one block for a page ('' when there are none)."""
        charts = [self._section_charts[s.format.id, s.team.id] for s in sections]
        return self.renderer.fragment("progress_charts.html.j2", charts=charts) if charts else Markup()

    @property
    def served_links(self) -> bool | None:
        """How links inside HTML reach their targets: served addresses (with or without directory URLs),
        or None for source links, in a tree for an engine that rewrites those inside HTML too."""
        return None if self.address.source_links else self.address.directory_urls

    def body(self, text: str, path: str) -> Markup:
        """An author's Markdown body for the page ``path``: sanitised HTML, headings kept for the contents (bodies.py)."""
        links = self.served_links
        return self.reuse.body(text, path, links, lambda: safe_markdown(text, path, links))

    @property
    def _restricted_trail(self) -> list[tuple[str, str]]:
        """The breadcrumbs' step into the restricted part, before a restricted page's own: none without one."""
        index = self.layout.restricted_index()
        return [(self.t("label.restricted"), index)] if index else []

    def _shared(self, links: FolderLinks | HtmlLinks, names: bool) -> dict[str, object]:
        org = self.content.organisation
        return {
            "names": names,  # whether this page may name people (its audience, audience.py)
            "layout": self.layout,
            "restricted_trail": self._restricted_trail,
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
            "teams": {team.id: team for team in org.teams},
            "criteria_levels": self.levels,
            "kinds": KINDS,
            "expiry_days": EXPIRY_WARNING_DAYS,
            "long_list": LONG_LIST,
        }


def _stub(place: Place, title: str) -> Page:
    """A page as ``check`` needs it: where it lives, its title and audience, nothing rendered."""
    return Page(path=place.path, title=title, audience=place.audience)
