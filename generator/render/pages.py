"""Phase 4: the pages of the site, one ``_render_*`` function per kind of page."""

from __future__ import annotations

import csv
import html
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

from markupsafe import Markup

from ..catalogue import Catalogue
from ..derive import Facts, format_work_processes, next_steps
from ..derive.health import (
    citing_criteria,
    criteria_without_source,
    is_overdue,
    is_review_due,
    overdue_training,
    planned_training,
    reinstructions,
    review_due_on,
    sources_due_for_review,
    unused_sources,
)
from ..derive.levels import EXPIRY_WARNING_DAYS, counts
from ..derive.matrix import format_matrix, team_coverage
from ..model import KINDS, Content, CoreTask, TrainingFormat, WorkProcess
from . import paths
from .renderer import Renderer
from .site import Page, StaticFile
from .snippets import Snippets

T = TypeVar("T")
# Above this many rows a matrix or the planning is split into a page per team: pages that grow
# with the organisation would otherwise pass 1 MB (about 300 matrix rows) and load slowly on the floor.
SPLIT_ROWS = 200


@dataclass(frozen=True)
class _Context:
    content: Content
    facts: Facts | None  # None when personal data is not published
    renderer: Renderer
    t: Catalogue
    snippets: Snippets
    levels: list[int]  # the levels that have criteria

    def page(self, template: str, path: str, title: str, *, search: bool = True, **context: object) -> Page:
        org = self.content.organisation
        links = self.snippets.links_from(path)
        shared = {
            "level_badge": self.snippets.level_badge,
            "expiry_mark": self.snippets.expiry_mark,
            "level_cell": self.snippets.level_cell,
            "person_link": links.person,
            "source_link": links.source,
            "source_links": links.sources,
            "wp_link": links.work_process,
            "criterion_item": links.criterion,
            "criteria_list": links.criteria_list,
            "standing_rows": links.standing_rows,
            "next_step_sections": links.next_step_sections,
            "signoff_row": links.signoff_row,
            "signoff_rows": links.signoff_rows,
            "org": org,
            "paths": paths,
            "sources": self.content.sources,
            "work_processes": self.content.work_processes,
            "teams": {team.id: team for team in org.teams},
            "criteria_levels": self.levels,
            "kinds": KINDS,
            "expiry_days": EXPIRY_WARNING_DAYS,
        }
        return self.renderer.page(template, path, title, search=search, **{**shared, **context})


def criteria_levels(content: Content) -> list[int]:
    """The levels that have criteria anywhere (typically 1 to 3): these get checklists and sections."""
    return sorted({c.level for wp in content.work_processes.values() for c in wp.active_criteria})


def render_pages(content: Content, facts: Facts | None, renderer: Renderer) -> Iterator[Page]:
    snippets = Snippets(content, renderer.catalogue, renderer.date, facts.expiry_warning_until if facts else renderer.build_date)
    context = _Context(content, facts, renderer, renderer.catalogue, snippets, criteria_levels(content))
    yield _render_home(context)
    yield from _render_formats(context)
    yield from _render_work_processes(context)
    yield from _render_sources(context)
    yield from _render_checklists(context)
    yield _render_health(context)
    yield from _render_free_pages(context)
    if facts is not None:
        yield from _render_matrices(context, facts)
        yield from _render_teams(context, facts)
        yield from _render_people(context, facts)
        yield from _render_planning(context, facts)


def render_files(content: Content, facts: Facts | None) -> Iterator[StaticFile]:
    for file in content.attachments:
        yield StaticFile(path=paths.attachment(file), source=content.root / "sources" / file)
    for page_file in content.page_files:
        yield StaticFile(path=paths.free_page(page_file), source=content.root / "pages" / page_file)
    if facts is not None:
        for training_format in content.formats.values():
            yield StaticFile(path=paths.matrix_csv(training_format.id), content=matrix_csv(content, facts, training_format))


def matrix_csv(content: Content, facts: Facts, training_format: TrainingFormat) -> bytes:
    """The matrix as ``team,id,name,<work processes>,overall``: teams in order, then people.csv order."""
    matrix = format_matrix(content, facts, training_format)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["team", "id", "name", *(wp.id for wp in matrix.work_processes), "overall"])
    for section in matrix.sections:
        for row in section.rows:
            levels = (row.standings[wp.id].level for wp in matrix.work_processes)
            writer.writerow([section.team.id, row.person.id, _spreadsheet_text(row.person.name), *levels, row.overall])
    return out.getvalue().encode("utf-8")


def _spreadsheet_text(text: str) -> str:
    """Free text for a CSV that people open in Excel: a leading ``=``, ``+``, ``-`` or ``@`` would make
    the cell a formula (OWASP "CSV injection"), so such text gets a leading apostrophe."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _formats_of(content: Content) -> dict[str, list[TrainingFormat]]:
    result: dict[str, list[TrainingFormat]] = {wp_id: [] for wp_id in content.work_processes}
    for training_format in content.formats.values():
        for wp_id in training_format.work_process_ids:
            result.setdefault(wp_id, []).append(training_format)
    return result


def _render_home(c: _Context) -> Page:
    intro = next((p for p in c.content.pages if p.path == "index.md"), None)
    return c.page(
        "home.md.j2", paths.HOME, c.content.organisation.name,
        intro=Markup(intro.text if intro else ""), formats=list(c.content.formats.values()),
    )


def _render_formats(c: _Context) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.page("formats.md.j2", paths.FORMATS, c.t("label.formats"), formats=formats)
    for training_format in formats:
        members = [f for f in c.facts.people.values() if f.format.id == training_format.id] if c.facts else []
        yield c.page("format.md.j2", paths.training_format(training_format.id), training_format.title,
                     format=training_format, members=members)


def _render_work_processes(c: _Context) -> Iterator[Page]:
    formats_of = _formats_of(c.content)
    work_processes = sorted(c.content.work_processes.values(), key=lambda wp: (wp.retired, wp.code or "~", wp.title))
    yield c.page("work_processes.md.j2", paths.WORK_PROCESSES, c.t("label.work-processes"),
                 work_processes=work_processes, formats_of=formats_of)
    for wp in work_processes:
        yield c.page("work_process.md.j2", paths.work_process(wp.id), wp.title,
                     wp=wp, body=Markup(wp.body), formats_of=formats_of[wp.id])


def _render_sources(c: _Context) -> Iterator[Page]:
    org, build_date = c.content.organisation, c.renderer.build_date
    cited = citing_criteria(c.content)
    review_due = {s.id: review_due_on(s, org) for s in c.content.sources.values()}
    overdue = {s.id for s in sources_due_for_review(c.content, build_date)}
    sources_list = sorted(c.content.sources.values(), key=lambda s: s.title.lower())
    yield c.page("sources.md.j2", paths.SOURCES, c.t("label.sources"),
                 sources_list=sources_list, review_due=review_due, overdue=overdue)
    for source in sources_list:
        yield c.page("source.md.j2", paths.source(source.id), source.title, source=source, body=Markup(source.body),
                     citing=cited[source.id], review_due=review_due[source.id],
                     overdue=is_review_due(source, org, build_date))


def _render_checklists(c: _Context) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.page("checklists.md.j2", paths.CHECKLISTS, c.t("label.checklists"), formats=formats)
    for training_format in formats:
        for level in c.levels:
            title = c.t("label.checklist-title", format=training_format.title, level=level,
                        label=c.content.organisation.label(level))
            yield c.page("checklist.md.j2", paths.checklist(training_format.id, level), title,
                         format=training_format, level=level, groups=checklist_groups(c.content, training_format, level))


def checklist_groups(content: Content, training_format: TrainingFormat, level: int) -> list[tuple[CoreTask, list[WorkProcess]]]:
    """Core task → its work processes that have criteria at ``level``; each work process once, retired ones left out."""
    counted = {wp.id for wp in format_work_processes(content, training_format)}
    groups = []
    for task in training_format.core_tasks:
        wps = [content.work_processes[ref.id] for ref in task.work_processes if ref.id in counted]
        counted -= {wp.id for wp in wps}
        wps = [wp for wp in wps if wp.criteria_at(level)]
        if wps:
            groups.append((task, wps))
    return groups


def _render_health(c: _Context) -> Page:
    org, build_date = c.content.organisation, c.renderer.build_date
    return c.page(
        "health.md.j2", paths.HEALTH, c.t("label.health"),
        due_sources=sources_due_for_review(c.content, build_date),
        review_due={s.id: review_due_on(s, org) for s in c.content.sources.values()},
        unsourced=criteria_without_source(c.content),
        unused=unused_sources(c.content),
        overdue=overdue_training(c.content, c.facts) if c.facts else [],
    )


def _render_free_pages(c: _Context) -> Iterator[Page]:
    for free in c.content.pages:
        if free.path == "index.md":
            continue  # the home page's introduction
        title = _first_heading(free.text) or free.path.removesuffix(".md")
        yield Page(path=paths.free_page(free.path), title=title, markdown=free.text)


def _first_heading(markdown: str) -> str | None:
    """The text of the first ``# heading``, as the page shows it: ``&amp;`` there is ``&`` in a title."""
    heading = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), None)
    return None if heading is None else html.unescape(heading)


def _render_matrices(c: _Context, facts: Facts) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.page("matrices.md.j2", paths.MATRICES, c.t("label.matrices"), formats=formats)
    for training_format in formats:
        matrix = format_matrix(c.content, facts, training_format)
        title = c.t("label.matrix-of", format=training_format.title)
        split = sum(len(section.rows) for section in matrix.sections) > SPLIT_ROWS
        yield c.page("matrix.md.j2", paths.matrix(training_format.id), title, matrix=matrix, split=split)
        for section in matrix.sections if split else ():
            yield c.page("matrix_team.md.j2", paths.matrix_team(training_format.id, section.team.id),
                         f"{title} — {section.team.name}", matrix=matrix, section=section)


def _render_teams(c: _Context, facts: Facts) -> Iterator[Page]:
    rows = []
    teams = c.content.organisation.teams
    scale = max(1, c.content.organisation.coverage.count * 2, *(len(facts.members(team.id)) for team in teams))
    for team in c.content.organisation.teams:
        bars = team_coverage(c.content, facts, team)
        members = facts.members(team.id)
        rows.append((team, len(members), sum(bar.short for bar in bars)))
        yield c.page("team.md.j2", paths.team(team.id), team.name, bars=bars, members=members, scale=scale)
    yield c.page("teams.md.j2", paths.TEAMS, c.t("label.teams"), rows=rows)


def _render_people(c: _Context, facts: Facts) -> Iterator[Page]:
    reinstruction = _grouped(reinstructions(c.content, facts), lambda r: r.person_id)
    # Newest first; one sort of all sign-offs, then grouped per person (grouping keeps the order).
    newest_first = sorted(c.content.signoffs, key=attrgetter("date", "order"), reverse=True)
    histories = _grouped(newest_first, attrgetter("person"))
    planning = _grouped(sorted(planned_training(c.content, facts), key=lambda p: p.due), lambda p: p.person)
    for person_id, person_facts in facts.people.items():
        format_wps = format_work_processes(c.content, person_facts.format)
        history = histories.get(person_id, [])
        yield c.page(
            "person.md.j2", paths.person(person_id), c.t("label.pop-of", name=person_facts.person.name), search=False,
            facts=person_facts, format_wps=format_wps,
            next_steps=next_steps(person_facts, format_wps, c.content.organisation.max_level),
            reinstruction=reinstruction.get(person_id, []),
            planned=[(p, is_overdue(p, facts)) for p in planning.get(person_id, ())],
            history=[(s, counts(s, c.content.work_processes[s.work_process], facts.build_date)) for s in history],
        )


def _grouped(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return grouped


def _render_planning(c: _Context, facts: Facts) -> Iterator[Page]:
    """All planned training by due date, overdue first; per team when there is too much for one page."""
    rows = [(p, facts.level(p.person, p.work_process), is_overdue(p, facts)) for p in planned_training(c.content, facts)]
    rows.sort(key=lambda row: (not row[2], row[0].due))
    title = c.t("label.planning")
    if len(rows) <= SPLIT_ROWS:
        yield c.page("planning.md.j2", paths.PLANNING, title, rows=rows, teams=[])
        return
    by_team = _grouped(rows, lambda row: facts.people[row[0].person].person.team)
    teams = [(team, len(by_team[team.id]), sum(row[2] for row in by_team[team.id])) for team in c.content.organisation.teams]
    yield c.page("planning.md.j2", paths.PLANNING, title, rows=[], teams=teams)
    for team in c.content.organisation.teams:
        yield c.page("planning_team.md.j2", paths.planning_team(team.id), f"{title} — {team.name}", rows=by_team[team.id])
