"""The whole generator as one pure function: content folder in, pages and messages out.

Phases, in order: read → check references → derive facts → render. Rendering only
happens when there are no errors, so that a half-valid site is never published.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from .access import AccessRules, access_rules, check_access
from .audience import PUBLIC
from .bodies import check_bodies
from .catalogue import Catalogue
from .changes import check_history
from .dates import LATEST_BUILD_YEAR, bad_source_date_epoch
from .dates import build_date as today
from .derive import Facts, derive_facts
from .derive.teams import derive_deployment
from .diagnostics import Location, Report, Severity, display_path
from .git import NO_HISTORY, ContentHistory, read_history
from .links import check_links
from .model import Content
from .read import read_content
from .references import check_references
from .render.context import PageContext
from .render.inputs import RenderMemo, Reuse
from .render.nav import build_nav
from .render.pages import render_files, render_pages
from .render.paths import Layout
from .render.person_pages import PersonPages
from .render.renderer import Renderer
from .render.site import Page, Site, SiteAddress
from .spreadsheets.xlsx import check_sheet_sizes


@dataclass(frozen=True, kw_only=True)
class Result:
    site: Site | None  # None when the content has errors
    report: Report
    catalogue: Catalogue  # in the site's language, to word the messages
    content: Content
    facts: Facts | None = None  # derived when the content had no errors
    access_rules: AccessRules | None = None  # who may read each restricted folder (with ``access:``)
    memo: RenderMemo | None = None  # what this build rendered, for the next build of a serve to reuse (render/inputs.py)
    rendered: tuple[str, ...] = ()  # with a memo: the pages and files rendered in this build, the rest were reused


def generate(
    content_dir: Path, *, build_date: dt.date | None = None, template_dirs: tuple[Path, ...] = (),
    address: SiteAddress | None = None, git_history: bool = True, reuse: Reuse | None = None,
) -> Result:
    """Read, check, derive and render ``content_dir``; never raises for content mistakes.

    ``address`` says where the site will be served (only the improvements feed needs it).
    ``reuse``: ``Reuse.after(memo)`` takes the pages whose inputs did not change from an earlier
    result's ``memo``; ``Reuse.plan()`` renders nothing (pages with their paths only, for ``check``).
    """
    with _fewer_collections():
        return _generate(content_dir, build_date, template_dirs, address or SiteAddress(), git_history, reuse or Reuse.off())


def _generate(
    content_dir: Path, build_date: dt.date | None, template_dirs: tuple[Path, ...], address: SiteAddress, git_history: bool,
    reuse: Reuse,
) -> Result:
    report = Report()
    date = build_date or today()
    if build_date is None and (bad := bad_source_date_epoch()) is not None:
        report.warning(Location(path="SOURCE_DATE_EPOCH"), "bad-source-date-epoch", value=bad, today=date.isoformat(),
                       year=LATEST_BUILD_YEAR)
    content = read_content(content_dir, report)
    history = read_history(content_dir, report) if git_history else NO_HISTORY
    check_references(content, date, report)
    check_access(content, report)
    check_bodies(content, report)
    check_sheet_sizes(content, report)
    check_history(content, history, report)
    catalogue = Catalogue(content.organisation.language)
    if report.has_errors:
        return Result(site=None, report=report, catalogue=catalogue, content=content)
    facts = derive_facts(content, date)
    site, layout = _render(content, facts, catalogue, template_dirs, report, address, history, reuse)
    if report.has_errors:
        return Result(site=None, report=report, catalogue=catalogue, content=content, facts=facts)
    rules = access_rules(site, content, layout)
    return Result(site=site, report=report, catalogue=catalogue, content=content, facts=facts, access_rules=rules,
                  memo=reuse.next if reuse.keep else None, rendered=tuple(reuse.rendered))


def _render(
    content: Content, facts: Facts, catalogue: Catalogue, template_dirs: tuple[Path, ...], report: Report, address: SiteAddress,
    history: ContentHistory, reuse: Reuse,
) -> tuple[Site, Layout]:
    if not content.organisation.personal_data:
        report.info(content.organisation.location, "personal-data-off", file=display_path(content.root / "organisation.yml"))
    # Facts are derived also without personal data: the health and source pages show counts (never names).
    deployment = derive_deployment(content, facts)
    renderer = Renderer(catalogue, facts.build_date, template_dirs)
    context = PageContext.of(content, facts, deployment, renderer, address, history, reuse, template_dirs)
    # The people's pages (with personal data only) render from here on, partly on another core; the files first, meanwhile.
    with PersonPages(context, context.facts) if context.facts is not None else nullcontext() as people:
        files = tuple(render_files(context))
        pages = tuple(render_pages(context, people))
    _check_free_page_paths(content, pages, report)
    check_links(content, {page.path for page in pages} | {file.path for file in files}, report)
    return Site(pages=pages, files=files, nav=build_nav(content, pages, catalogue, context.layout)), context.layout


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Let Python's cycle collector run rarely while generating (the thresholds mypy uses).

    A large organisation makes millions of long-lived objects (the model, the facts) and
    almost no cyclic garbage; at the default thresholds the collector scans them all over
    and over, a tenth of the generator's time.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def error_site(result: Result) -> Site:
    """A one-page site listing the messages, shown by a preview server until the author fixes them."""
    title = result.catalogue("label.errors-title")
    renderer = Renderer(result.catalogue, today())
    page = renderer.page("errors.md.j2", "index.md", title, audience=PUBLIC, lines=result.catalogue.lines(result.report.in_file_order()))
    return Site(pages=(page,), nav=())


def warnings_banner(result: Result) -> str:
    """The content's warnings as an HTML banner for the preview; empty when there are none."""
    warnings = [m for m in result.report.in_file_order() if m.severity is Severity.WARNING]
    if not warnings:
        return ""
    renderer = Renderer(result.catalogue, today())
    template = renderer.html_environment.get_template("warnings-banner.html.j2")
    return template.render(count=len(warnings), lines=result.catalogue.lines(warnings))


def _check_free_page_paths(content: Content, pages: tuple[Page, ...], report: Report) -> None:
    """A page under pages/ must not take the address of a generated page."""
    taken = Counter(page.path for page in pages)
    for free in content.pages:
        if taken[free.path] > 1:
            report.error(free.location, "page-conflict", path=free.path)
