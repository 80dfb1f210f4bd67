"""Phase 4: the public pages of the site, one ``_render_*`` function per kind of page, and the order of them all.

The pages that name people are rendered by ``overviews.py`` (the organisation-wide views),
``team_pages.py`` (a team's folder) and ``person_pages.py`` (a person's): where they live and who
may read them follows from their audience (``audience.py``). Public pages that listed names
show, where the layout restricts them, how many per team and a link into the team's folder.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from markupsafe import Markup

from ..audience import PUBLIC
from ..derive import checklist_groups, criteria_levels, grouped
from ..derive.deployable import CoverageCount, TeamDeployment
from ..derive.health import (
    EXPIRY_HORIZONS,
    REVIEW_AHEAD_DAYS,
    citing_criteria,
    criteria_without_source,
    expiry_counts,
    hard_to_read,
    is_review_due,
    people_to_reinstruct,
    review_due_on,
    sources_due_for_review,
    sources_due_soon,
    unused_sources,
)
from ..derive.readability import DIFFICULT_BELOW, EASY_FROM, readability
from ..model import Content, FreePage, TrainingFormat, WorkProcess
from ..spreadsheets.signoff_sheet import signoff_sheet
from . import paths
from .context import PageContext
from .improvements import improvement_feed, improvements_on, latest_finished, render_improvement_pages
from .overviews import render_overview_files, render_overviews
from .paths import public
from .person_files import render_person_files
from .person_pages import PersonPages
from .site import Page, StaticFile
from .team_pages import render_team_files, render_team_pages


def render_pages(c: PageContext, people: PersonPages | None) -> Iterator[Page]:
    """Every page; those that name people only when the organisation publishes personal data: ``people``
    (rendering their POPs and pre-filled checklists) is None when it does not."""
    yield _render_home(c)
    yield from _render_formats(c)
    yield _render_function_house(c)
    yield from _render_work_processes(c)
    yield from _render_sources(c)
    yield from _render_checklists(c)
    yield _render_health(c)
    yield _render_implementation(c)
    yield from render_improvement_pages(c)
    yield from _render_free_pages(c)
    if people is not None:
        yield from render_overviews(c)
        yield from render_team_pages(c)
        yield from people.pops()
        yield from people.checklists()
        yield from people.conversations()
        yield from people.recognitions()


def render_files(c: PageContext) -> Iterator[StaticFile]:
    """The files beside the pages: the feed, attachments, sign-off sheets; with personal data the matrix downloads
    and each person's self-assessment sheet."""
    content = c.content
    yield improvement_feed(c)
    for file in content.attachments:
        yield StaticFile(path=paths.attachment(file), source=content.root / "sources" / file, audience=PUBLIC)
    for page_file in content.page_files:
        yield StaticFile(path=paths.free_page(page_file), source=content.root / "pages" / page_file, audience=PUBLIC)
    yield from _signoff_sheets(c)
    if c.facts is not None:
        yield from render_overview_files(c)
        yield from render_team_files(c)
        yield from render_person_files(c)


def _signoff_sheets(c: PageContext) -> Iterator[StaticFile]:
    """A sign-off sheet (.xlsx) beside each printable checklist; it names no one, so it is published always."""
    content, renderer = c.content, c.renderer
    for training_format in content.formats.values():
        for level in criteria_levels(content):
            title = renderer.catalogue("label.checklist-title", format=training_format.title, level=level,
                                       label=content.organisation.label(level))
            wps = [wp for _, group in checklist_groups(content, training_format, level) for wp in group]
            yield c.file(public(paths.signoff_sheet(training_format.id, level)), (training_format, level, wps, title),
                         partial(signoff_sheet, training_format, level, wps, renderer.catalogue, title, renderer.build_date))


def _formats_of(content: Content) -> dict[str, list[TrainingFormat]]:
    result: dict[str, list[TrainingFormat]] = {wp_id: [] for wp_id in content.work_processes}
    for training_format in content.formats.values():
        for wp_id in training_format.work_process_ids:
            result.setdefault(wp_id, []).append(training_format)
    return result


def _render_home(c: PageContext) -> Page:
    intro = next((p for p in c.content.pages if p.path == "index.md"), None)
    return c.page(
        "home.md.j2", public(paths.HOME), c.content.organisation.name,
        intro=c.body(intro.text, paths.HOME) if intro else "", formats=list(c.content.formats.values()),
        latest_improvements=latest_finished(c.content, c.renderer.build_date),
    ).from_file("pages/index.md" if intro else "organisation.yml")


def _render_formats(c: PageContext) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.page("formats.md.j2", public(paths.FORMATS), c.t("label.formats"), formats=formats)
    for training_format in formats:
        matrix = c.deployment.matrices[training_format.id]
        members = [row for section in matrix.sections for row in section.rows]
        yield c.page("format.md.j2", public(paths.training_format(training_format.id)), training_format.title,
                     format=training_format, members=members if c.layout.shows_names(PUBLIC) else [],
                     work_processes={wp_id: c.content.work_processes[wp_id] for wp_id in training_format.work_process_ids},
                     team_counts=c.deployment.format_counts.get(training_format.id, ()),
                     progress_chart=_format_chart(c, training_format),
                     ).from_file(_format_file(training_format))


def _render_function_house(c: PageContext) -> Page:
    """Every format beside the others, level by level; counts of people (from everyone's facts), never names."""
    page = c.html_page("function_house.html.j2", public(paths.FUNCTION_HOUSE), c.t("house.title"), house=c.deployment.house)
    return replace(page, hide=("toc",))  # a table only: the width is worth more than an empty contents column


def _format_chart(c: PageContext, training_format: TrainingFormat) -> Markup:
    """The format's people per level over time, every team together ('' when it has nobody)."""
    progress = c.deployment.progress
    people = progress.formats.get(training_format.id)
    if people is None:
        return Markup()
    return c.renderer.fragment("format_chart.html.j2", people=people, months=progress.months, format=training_format,
                               org=c.content.organisation)


def _render_work_processes(c: PageContext) -> Iterator[Page]:
    formats_of, improved = _formats_of(c.content), improvements_on(c.content)
    names = c.layout.shows_names(PUBLIC)
    work_processes = sorted(c.content.work_processes.values(), key=lambda wp: (wp.retired, wp.code or "~", wp.title))
    yield c.page("work_processes.md.j2", public(paths.WORK_PROCESSES), c.t("label.work-processes"),
                 work_processes=work_processes, formats_of=formats_of)
    for wp in work_processes:
        path, file = paths.work_process(wp.id), f"work-processes/{wp.id}.md"
        yield c.page("work_process.md.j2", public(path), wp.title, wp=wp, body=c.body(wp.body, path),
                     formats_of=formats_of[wp.id], improvements=improved.get(wp.id, []),
                     who=_who_can_do(c, wp, names) if c.facts is not None else None,
                     last_changed=c.history.last_changed(file)).from_file(file)


def _who_can_do(c: PageContext, wp: WorkProcess, names: bool) -> list[TeamDeployment] | list[CoverageCount]:
    """Per team who can do the work process; on a page that may not name people, how many only."""
    found = c.deployment.who.who_can_do(wp)
    return list(found) if names else [deployment.counted() for deployment in found]


def _render_sources(c: PageContext) -> Iterator[Page]:
    org, build_date = c.content.organisation, c.renderer.build_date
    cited = citing_criteria(c.content)
    review_due = {s.id: review_due_on(s, org) for s in c.content.sources.values()}
    overdue = {s.id for s in sources_due_for_review(c.content, build_date)}
    readable = {s.id: readability(s.body, org.language) for s in c.content.sources.values()}
    # The count needs the levels also when personal data is off; names reach the page only where it may show them.
    found = c.deployment.reinstructions
    people_count = people_to_reinstruct(found)
    team_order = {team.id: i for i, team in enumerate(org.teams)}
    named = [(r, c.counts.people[r.person_id].person.team) for r in found] if c.layout.shows_names(PUBLIC) else []
    by_source = grouped(sorted(named, key=lambda row: team_order[row[1]]), lambda row: row[0].source.id)
    per_team = c.deployment.reinstruction_counts if c.facts is not None else {}
    sources_list = sorted(c.content.sources.values(), key=lambda s: s.title.lower())
    yield c.page("sources.md.j2", public(paths.SOURCES), c.t("label.sources"),
                 sources_list=sources_list, review_due=review_due, overdue=overdue, readable=readable)
    for source in sources_list:
        path, file = paths.source(source.id), f"sources/{source.id}.md"
        yield c.page("source.md.j2", public(path), source.title, source=source, body=c.body(source.body, path),
                     last_changed=c.history.last_changed(file),
                     citing=cited[source.id], review_due=review_due[source.id],
                     overdue=is_review_due(source, org, build_date), readability=readable[source.id],
                     reinstruction_count=people_count.get(source.id, 0), reinstruction=by_source.get(source.id, []),
                     reinstruction_teams=per_team.get(source.id, ())).from_file(file)


def _render_checklists(c: PageContext) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.html_page("checklists.html.j2", public(paths.CHECKLISTS), c.t("label.checklists"), formats=formats)
    for training_format in formats:
        for level in c.levels:
            title = c.t("label.checklist-title", format=training_format.title, level=level,
                        label=c.content.organisation.label(level))
            yield c.html_page("checklist.html.j2", public(paths.checklist(training_format.id, level)), title,
                         format=training_format, level=level,
                         groups=checklist_groups(c.content, training_format, level)).from_file(_format_file(training_format))


def _render_health(c: PageContext) -> Page:
    org, build_date = c.content.organisation, c.renderer.build_date
    # Counts need the levels also when personal data is off; lists with names only where the page may show them.
    facts, names = c.counts, c.layout.shows_names(PUBLIC)
    people_count = people_to_reinstruct(c.deployment.reinstructions)
    reinstruction = sorted(((c.content.sources[s], n) for s, n in people_count.items()),
                           key=lambda sn: (-sn[1], sn[0].title.lower()))
    expiring = c.deployment.expiring
    counts_per_wp = expiry_counts(expiring, build_date)
    # Most levels dropping soonest first: the work processes to plan re-assessments on.
    expiry_rows = sorted(((c.content.work_processes[wp], n) for wp, n in counts_per_wp.items()),
                         key=lambda wn: ([-n for n in wn[1]], wn[0].title))
    overdue = c.deployment.overdue
    return c.page(
        "health.md.j2", public(paths.HEALTH), c.t("label.health"),
        due_sources=sources_due_for_review(c.content, build_date),
        due_soon=sources_due_soon(c.content, build_date), review_ahead_days=REVIEW_AHEAD_DAYS,
        review_due={s.id: review_due_on(s, org) for s in c.content.sources.values()},
        reinstruction=reinstruction,
        expiry_horizons=EXPIRY_HORIZONS, expiry_rows=expiry_rows, expiring_count=len(expiring),
        expiring=[(e, facts.people[e.person_id].person.team) for e in expiring] if names else [],
        unsourced=criteria_without_source(c.content),
        unused=unused_sources(c.content),
        overdue=overdue if names else [], overdue_count=len(overdue),
        hard_to_read=hard_to_read(c.content), easy_from=EASY_FROM, difficult_below=DIFFICULT_BELOW,
    )


def _render_implementation(c: PageContext) -> Page:
    """The implementation monitor: per format how far the model is introduced, in counts (derive/implementation.py).
    Without the table of contents: the cards of the measures stand two or three abreast."""
    page = c.html_page("implementation.html.j2", public(paths.IMPLEMENTATION), c.t("implementation.title"),
                       implementation=c.deployment.implementation)
    return replace(page, hide=("toc",))


def _render_free_pages(c: PageContext) -> Iterator[Page]:
    for free in c.content.pages:
        if free.path != "index.md":  # that is the home page's introduction
            yield _render_free_page(c, free)


def _render_free_page(c: PageContext, free: FreePage) -> Page:
    title = _first_heading(free.text) or free.path.removesuffix(".md")
    path = paths.free_page(free.path)
    page = c.reuse.page(path, (free.path, free.text),
                        lambda: Page(path=path, title=title, markdown=c.body(free.text, path), audience=PUBLIC),
                        lambda: Page(path=path, title=title, audience=PUBLIC))
    return page.from_file(f"pages/{free.path}")


def _format_file(training_format: TrainingFormat) -> str:
    return f"formats/{training_format.id}.yml"


def _first_heading(markdown: str) -> str | None:
    """The text of the first ``# heading``, as the page shows it: ``&amp;`` there is ``&`` in a title."""
    heading = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), None)
    return None if heading is None else html.unescape(heading)
