"""Benchmark the generator on a synthetic organisation of a chosen size.

Writes a complete project folder (``content/``, a copy of ``mkdocs.yml`` and
``theme/``), then measures the generator's own step in-process, the full
``mkdocs build``, the size of the site, and a plain MkDocs build of as many
trivial pages for comparison. Run ``python bench/bench.py --help``.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import io
import json
import os
import pstats
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from generator import Result, generate
from generator.diagnostics import Severity
from generator.render.site import NavItem

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "bench" / "out"
MARKER = ".bench.json"  # written into every output folder; only such folders are ever replaced
LATEST_DATE = dt.date(2026, 10, 31)  # content dates stay before 2026-11-01 (and before today)
KINDS = ("knowledge", "skill", "attitude")
MAX_PAGE_BYTES = 1_000_000  # "no page over 1 MB"
PLAIN_FOLDER = 100  # pages per folder in the plain comparison's "folders" layout
PLAIN_LAYOUTS = ("folders", "same")  # "folders" is the one the targets compare against
TARGET_VS_PLAIN = 1.5  # full build ≤ 1.5 × the plain build in folders (issue 9)
TARGET_GENERATOR_SECONDS = {"medium": 2.0, "large": 12.0}  # the generator's own step (issue 9)
TARGET_PEAK_MB = 2000  # peak resident memory of the full build (issue 9)
TARGET_SERVE_SECONDS = 5.0  # serve: a work-process edit shown within 5 s on medium (issue 9)
TARGET_SERVE_EXAMPLE_SECONDS = 1.5  # and within 1.5 s on the example


# --- sizes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    formats: int
    work_processes: int
    criteria: int
    sources: int
    people: int
    signoffs: int
    teams: int


PRESETS = {
    "small": Size(formats=2, work_processes=18, criteria=72, sources=30, people=20, signoffs=400, teams=2),
    "medium": Size(formats=5, work_processes=80, criteria=1200, sources=300, people=600, signoffs=30_000, teams=4),
    "large": Size(formats=20, work_processes=400, criteria=6000, sources=1500, people=3000, signoffs=300_000, teams=10),
}


# --- the synthetic organisation ---------------------------------------------------------------

OBJECTS = (
    "reactor", "pomp", "compressor", "warmtewisselaar", "kolom", "opslagtank", "leiding", "filter", "centrifuge", "droger",
    "mengvat", "koeltoren", "stoomketel", "vulmachine", "weegbrug", "transportband", "scrubber", "verdamper", "extruder", "fakkel",
)
VERBS = (
    "opstarten", "afstoppen", "bewaken", "reinigen", "omstellen", "inspecteren", "bemonsteren", "vrijgeven",
    "onderhouden", "overdragen", "vullen", "legen", "kalibreren", "spoelen", "ontluchten",
)
ASPECTS = ("druk", "temperatuur", "flow", "niveau", "kwaliteit", "afdichting", "smering", "line-up", "vergrendeling", "trilling")
CRITERION_TEXTS = {
    "knowledge": ("Benoemt de grenswaarden voor de {a} van de {o}", "Legt uit waarom de {a} van de {o} bewaakt wordt",
                  "Beschrijft de risico's bij het {v} van de {o}"),
    "skill": ("Voert het {v} van de {o} zelfstandig uit", "Controleert de {a} van de {o} volgens de werkinstructie",
              "Stelt de {a} van de {o} bij en legt de wijziging vast"),
    "attitude": ("Meldt een afwijkende {a} van de {o} direct aan de paneeloperator", "Houdt zich bij het {v} aan de afspraken over de {a}",
                 "Vraagt om hulp bij twijfel over de {a} van de {o}"),
}
FUNCTIONS = (
    "Procesoperator", "Ploeglaborant", "Monteur", "Meet- en regeltechnicus", "Logistiek medewerker", "Vulmachine-operator",
    "Paneeloperator", "Buitenoperator", "Ploegleider", "Kwaliteitsmedewerker",
)
SOURCE_TYPES = {  # type → id prefix
    "procedure": "sop", "work_instruction": "wi", "safety": "vr", "e_learning": "el", "video": "video", "form": "frm", "other": "doc",
}
OWNERS = ("Productie", "HSE", "Technische dienst", "Kwaliteitslaboratorium", "Logistiek", "Opleidingen")
FIRST_NAMES = (
    "Jan", "Piet", "Klaas", "Henk", "Ali", "Bea", "Sanne", "Fatima", "Mohamed", "Lotte", "Daan", "Emma", "Sem", "Noor", "Ruben",
    "Iris", "Thomas", "Yara", "Bram", "Mila", "Kevin", "Anouk", "Stefan", "Esra", "Wouter", "Femke",
)
LAST_NAMES = (
    "de Vries", "Jansen", "de Boer", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
    "Hendriks", "van Dijk", "Aydin", "Yilmaz", "El Amrani", "Kok", "Dekker", "van Leeuwen", "Brouwer", "de Wit",
)
WORDS = (
    "de", "het", "installatie", "ploeg", "procedure", "controle", "veilig", "monster", "operator", "afwijking", "druk", "klep",
    "pomp", "leiding", "alarm", "melding", "regelkring", "temperatuur", "stap", "checklist", "werkvergunning", "vrijgave",
    "opleider", "paneel", "veld", "rondgang", "onderhoud", "storing", "kwaliteit", "product", "batch", "overdracht", "logboek",
    "wordt", "moet", "altijd", "eerst", "daarna", "zorgvuldig", "volgens", "met", "zonder", "bij", "na", "voor", "in", "op",
)
ACTIVITIES = ("training on the job", "e-learning en praktijkbeoordeling", "klassikale training", "meelopen met de opleider",
              "simulatortraining", "toolbox en praktijkopdracht")
NOTES = ("overgenomen uit de papieren matrix", "beoordeling opleider", "na herinstructie, nieuwe versie procedure",
         "praktijkbeoordeling tijdens onderhoudsstop", "teruggezet na incident; opnieuw inwerken")


@dataclass
class CriterionSpec:
    id: str
    level: int
    kind: str
    text: str
    sources: list[str]
    retired: bool = False


@dataclass
class WorkProcessSpec:
    id: str
    title: str
    code: str
    valid_months: int | None
    criteria: list[CriterionSpec] = field(default_factory=list)

    def criteria_at(self, level: int) -> list[CriterionSpec]:
        return [c for c in self.criteria if c.level == level]


@dataclass
class SourceSpec:
    id: str
    title: str
    type: str
    status: str
    reviewed: dt.date
    changed: dt.date | None = None
    review_months: int | None = None
    url: str = ""
    file: str = ""


@dataclass
class FormatSpec:
    id: str
    title: str
    target_level: int
    core_tasks: list[tuple[str, str, list[str]]]  # code, title, work process ids

    @property
    def work_process_ids(self) -> list[str]:
        return [wp for _, _, wps in self.core_tasks for wp in wps]


@dataclass
class PersonSpec:
    id: str
    name: str
    team: str
    format: str
    target_level: str
    active: str
    trainer: bool


@dataclass
class Organisation:
    teams: list[tuple[str, str]]
    sources: list[SourceSpec]
    work_processes: list[WorkProcessSpec]
    formats: list[FormatSpec]
    people: list[PersonSpec]
    signoffs: list[tuple[str, ...]]
    planning: list[tuple[str, ...]]
    selfassessments: list[tuple[str, ...]]


class Synthesiser:
    """Builds a valid organisation of a given size from one seeded random generator."""

    def __init__(self, size: Size, seed: int, latest: dt.date) -> None:
        self.size, self.rng, self.latest = size, random.Random(seed), latest

    def organisation(self) -> Organisation:
        teams = [(f"ploeg-{i + 1}", f"Ploeg {i + 1}") for i in range(self.size.teams)]
        sources = self.sources()
        work_processes = self.work_processes(sources)
        formats = self.formats(work_processes)
        people = self.people(teams, formats)
        wp_by_id = {wp.id: wp for wp in work_processes}
        signoffs, planning = self.signoffs(people, formats, wp_by_id), self.planning(people, formats)
        return Organisation(
            teams=teams, sources=sources, work_processes=work_processes, formats=formats, people=people,
            signoffs=signoffs, planning=planning, selfassessments=self.selfassessments(people, formats),
        )

    # -- text --

    def sentence(self, low: int = 8, high: int = 16) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def date_between(self, first: dt.date, last: dt.date) -> dt.date:
        return dt.date.fromordinal(self.rng.randint(first.toordinal(), last.toordinal()))

    # -- sources --

    def sources(self) -> list[SourceSpec]:
        count = self.size.sources
        withdrawn = max(1, count * 3 // 100) if count >= 5 else 0
        draft = count * 5 // 100
        statuses = ["withdrawn"] * withdrawn + ["draft"] * draft + ["valid"] * (count - withdrawn - draft)
        self.rng.shuffle(statuses)
        types = list(SOURCE_TYPES)
        return [self.source(i, types[i % len(types)] if i < len(types) else self.rng.choice(types), status)
                for i, status in enumerate(statuses)]

    def source(self, index: int, kind: str, status: str) -> SourceSpec:
        obj, verb = self.rng.choice(OBJECTS), self.rng.choice(VERBS)
        source_id = f"{SOURCE_TYPES[kind]}-{obj}-{verb}-{index + 1:04d}"
        reviewed = self.date_between(self.latest - dt.timedelta(days=1200), self.latest - dt.timedelta(days=5))
        spec = SourceSpec(id=source_id, title=f"{kind.replace('_', ' ').capitalize()}: {obj} {verb} ({index + 1})", type=kind,
                          status=status, reviewed=reviewed, review_months=self.rng.choice((None, None, 12, 36)))
        if status == "valid" and self.rng.random() < 0.12:
            spec.changed = reviewed  # changed after people were signed: re-instruction needed
        if self.rng.random() < 0.2:
            spec.url = f"https://dms.example.com/documenten/{source_id}"
        elif self.rng.random() < 0.02:
            spec.file = f"files/{source_id}.pdf"
        return spec

    # -- work processes --

    def work_processes(self, sources: list[SourceSpec]) -> list[WorkProcessSpec]:
        count = self.size.work_processes
        cited = [s.id for s in sources if s.status == "valid"]
        self.rng.shuffle(cited)
        cited = cited[: max(1, len(cited) * 95 // 100)]  # a few valid sources stay unused (shown on the health page)
        rotation = _cycle(cited)
        result = []
        for i in range(count):
            obj, verb = OBJECTS[i % len(OBJECTS)], VERBS[(i // len(OBJECTS)) % len(VERBS)]
            unit = f"{obj[0].upper()}-{101 + i}"
            wp = WorkProcessSpec(id=f"{verb}-{obj}-{i + 1:03d}", title=f"{obj.capitalize()} {unit} {verb}",
                                 code=f"B1-K{1 + i % 3}-W{1 + i % 9}", valid_months=self.rng.choice((None, None, 24, 36)))
            per_wp = max(3, self.size.criteria // count + (1 if i < self.size.criteria % count else 0))
            wp.criteria = self.criteria(wp, per_wp, cited, rotation, obj, verb)
            result.append(wp)
        return result

    def criteria(
        self, wp: WorkProcessSpec, count: int, cited: list[str], rotation: Iterator[str], obj: str, verb: str
    ) -> list[CriterionSpec]:
        levels = sorted([1, 2, 3] + [self.rng.choice((1, 2, 2, 3)) for _ in range(count - 3)])
        kinds = [KINDS[i % 3] for i in range(count)]
        self.rng.shuffle(kinds)
        result: list[CriterionSpec] = []
        for level, kind in zip(levels, kinds, strict=True):
            number = sum(c.level == level for c in result) + 1
            sources = {next(rotation)} | {self.rng.choice(cited) for _ in range(self.rng.randint(0, 2))}
            text = self.rng.choice(CRITERION_TEXTS[kind]).format(a=self.rng.choice(ASPECTS), o=obj, v=verb)
            result.append(CriterionSpec(id=f"{wp.id}-{level}-{number:02d}", level=level, kind=kind, text=text,
                                        sources=sorted(sources), retired=number > 1 and self.rng.random() < 0.02))
        return result

    # -- formats --

    def formats(self, work_processes: list[WorkProcessSpec]) -> list[FormatSpec]:
        ids = [wp.id for wp in work_processes]
        shared = ids[: min(5, len(ids) // 4)]  # the base part every format shares
        rotation = _cycle(ids[len(shared):] or ids)
        result = []
        for i in range(self.size.formats):
            wanted = min(len(ids), self.rng.randint(15, 25))
            chosen = list(shared)
            while len(chosen) < wanted:
                candidate = next(rotation)
                if candidate not in chosen:
                    chosen.append(candidate)
            title = FUNCTIONS[i % len(FUNCTIONS)] + (f" {i // len(FUNCTIONS) + 1}" if i >= len(FUNCTIONS) else "")
            result.append(FormatSpec(id=_slug(title), title=title, target_level=self.rng.choice((3, 3, 3, 2)),
                                     core_tasks=self.core_tasks(chosen, shared)))
        return result

    def core_tasks(self, chosen: list[str], shared: list[str]) -> list[tuple[str, str, list[str]]]:
        tasks = [("ORG-1", "Werkt veilig volgens de bedrijfsregels", list(shared))] if shared else []
        rest = chosen[len(shared):]
        number = 1
        while rest:
            take = self.rng.randint(3, 7)
            tasks.append((f"B1-K{number}", f"Kerntaak {number}: {self.sentence(3, 6).rstrip('.').lower()}", rest[:take]))
            rest, number = rest[take:], number + 1
        return tasks

    # -- people --

    def people(self, teams: list[tuple[str, str]], formats: list[FormatSpec]) -> list[PersonSpec]:
        width = max(3, len(str(self.size.people)))
        result = []
        for i in range(self.size.people):
            trainer = i < 2 or self.rng.random() < 0.08
            team = teams[i % len(teams)][0] if i < len(teams) else self.rng.choice(teams)[0]
            target = "4" if trainer else self.rng.choice(("",) * 9 + ("2",))
            active = "no" if not trainer and self.rng.random() < 0.03 else self.rng.choice(("yes", "yes", ""))
            result.append(PersonSpec(id=f"p-{i + 1:0{width}d}", name=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}",
                                     team=team, format=formats[i % len(formats)].id, target_level=target, active=active, trainer=trainer))
        return result

    # -- sign-offs --

    def signoffs(self, people: list[PersonSpec], formats: list[FormatSpec], wps: dict[str, WorkProcessSpec]) -> list[tuple[str, ...]]:
        """The history of every person, as one append-only table in date order."""
        by_format = {f.id: f for f in formats}
        trainers = [p.id for p in people if p.trainer]
        rows: list[tuple[str, ...]] = []
        for person, budget in zip(people, self.budgets(len(people)), strict=True):
            own = [wps[wp_id] for wp_id in by_format[person.format].work_process_ids]
            events = self.history(own, list(wps.values()), budget)
            start = self.date_between(self.latest - dt.timedelta(days=3650), self.latest - dt.timedelta(days=60))
            dates = sorted(self.date_between(start, self.latest) for _ in events)
            assessors = [t for t in trainers[:50] if t != person.id] or trainers
            for (wp_id, criterion, level, note), date in zip(events, dates, strict=True):
                assessor = self.rng.choice(assessors)
                rows.append((person.id, wp_id, criterion, level, date.isoformat(), assessor, note))
        rows.sort(key=lambda row: row[4])
        return rows

    def budgets(self, people: int) -> list[int]:
        weights = [self.rng.uniform(0.2, 1.8) for _ in range(people)]
        total = sum(weights)
        budgets = [int(self.size.signoffs * w / total) for w in weights]
        for i in range(self.size.signoffs - sum(budgets)):
            budgets[i % people] += 1
        return budgets

    def history(self, own: list[WorkProcessSpec], every: list[WorkProcessSpec], budget: int) -> list[tuple[str, str, str, str]]:
        """One person's events in order: criteria level by level per work process, interleaved, then renewals."""
        others = [wp for wp in every if wp not in own]
        if others and self.rng.random() < 0.1:
            own = [*own, self.rng.choice(others)]  # cross-training outside the format
        queues = [self.progression(wp) for wp in own]
        events: list[tuple[str, str, str, str]] = []
        while len(events) < budget and queues:
            queue = self.rng.choice(queues)
            events.append(queue.pop(0))
            if not queue:
                queues.remove(queue)
        while len(events) < budget:  # everything signed: renewals of expiring sign-offs
            wp = self.rng.choice(own)
            events.append((wp.id, self.rng.choice([c for c in wp.criteria if not c.retired]).id, "", ""))
        return events

    def progression(self, wp: WorkProcessSpec) -> list[tuple[str, str, str, str]]:
        events = []
        start = 0
        if self.rng.random() < 0.08:
            level = self.rng.choice((1, 2, 2, 3, 3, 4))
            events.append((wp.id, "", str(level), NOTES[0]))
            start = level
        for level in range(start + 1, 4):
            criteria = wp.criteria_at(level)
            self.rng.shuffle(criteria)
            events.extend((wp.id, c.id, "", "") for c in criteria)
        if self.rng.random() < 0.04:
            level = self.rng.choice((0, 4, 4))
            events.append((wp.id, "", str(level), NOTES[4] if level == 0 else NOTES[1]))
        return events

    # -- planning --

    def planning(self, people: list[PersonSpec], formats: list[FormatSpec]) -> list[tuple[str, ...]]:
        by_format = {f.id: f for f in formats}
        active = [p for p in people if p.active != "no"]
        trainers = [p.id for p in people if p.trainer]
        rows: list[tuple[str, ...]] = []
        for _ in range(max(1, len(people) // 4)):
            person = self.rng.choice(active)
            wp_id = self.rng.choice(by_format[person.format].work_process_ids)
            due = self.date_between(self.latest - dt.timedelta(days=120), self.latest + dt.timedelta(days=400))
            coach = self.rng.choice([t for t in trainers if t != person.id] or trainers)
            rows.append((person.id, wp_id, str(self.rng.randint(1, 3)), due.isoformat(), coach, self.rng.choice(ACTIVITIES)))
        return rows


    def selfassessments(self, people: list[PersonSpec], formats: list[FormatSpec]) -> list[tuple[str, ...]]:
        """Half of the active people give their own view on a few of their work processes (drawn last, so
        that the rest of the content stays what the same seed gave before)."""
        by_format = {f.id: f for f in formats}
        rows: list[tuple[str, ...]] = []
        for person in (p for p in people if p.active != "no"):
            if self.rng.random() < 0.5:
                for wp_id in self.rng.sample(by_format[person.format].work_process_ids, 3):
                    day = self.date_between(self.latest - dt.timedelta(days=120), self.latest)
                    rows.append((person.id, wp_id, str(self.rng.randint(0, 4)), day.isoformat(), ""))
        return rows


def _cycle(items: Sequence[str]) -> Iterator[str]:
    while True:
        yield from items


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


# --- writing the project folder ----------------------------------------------------------------


class _FlowList(list[str]):
    """A list of ids, written inline as ``[a, b]`` the way authors write them."""


class _Dumper(yaml.SafeDumper):
    """Block style as authors write it: no anchors for repeated values, id lists inline."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_flow_list(dumper: yaml.SafeDumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(_FlowList, _represent_flow_list)


def _yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)


def _markdown_file(meta: dict[str, Any], body: str) -> str:
    return f"---\n{_yaml(meta)}---\n{body}\n"


def _csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_content(org: Organisation, content: Path, synth: Synthesiser) -> None:
    """Write every file of ``content/``."""
    for folder in ("formats", "work-processes", "sources/files", "pages"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (content / "organisation.yml").write_text(_organisation_yml(org), encoding="utf-8")
    for training_format in org.formats:
        (content / "formats" / f"{training_format.id}.yml").write_text(_format_yml(training_format, synth), encoding="utf-8")
    for wp in org.work_processes:
        (content / "work-processes" / f"{wp.id}.md").write_text(_work_process_md(wp, synth), encoding="utf-8")
    for source in org.sources:
        (content / "sources" / f"{source.id}.md").write_text(_source_md(source, synth), encoding="utf-8")
        if source.file:
            (content / "sources" / source.file).write_bytes(b"%PDF-1.4\n% synthetic attachment\n%%EOF\n")
    people = [(p.id, p.name, p.team, p.format, p.target_level, p.active) for p in org.people]
    (content / "people.csv").write_text(_csv(("id", "name", "team", "format", "target_level", "active"), people), encoding="utf-8")
    signoff_header = ("person", "work_process", "criterion", "level", "date", "assessor", "note")
    (content / "signoffs.csv").write_text(_csv(signoff_header, org.signoffs), encoding="utf-8")
    planning_header = ("person", "work_process", "target_level", "due", "coach", "activity")
    (content / "planning.csv").write_text(_csv(planning_header, org.planning), encoding="utf-8")
    selfassessment_header = ("person", "work_process", "level", "date", "note")
    (content / "selfassessments.csv").write_text(_csv(selfassessment_header, org.selfassessments), encoding="utf-8")
    (content / "pages" / "index.md").write_text("# Welkom\n\n" + synth.paragraph(4) + "\n", encoding="utf-8")


def _organisation_yml(org: Organisation) -> str:
    return _yaml({
        "name": "Benchmark Chemie BV",
        "language": "nl",
        "levels": [
            {"level": 0, "label": "Niet opgeleid"},
            {"level": 1, "label": "Assistent", "description": "Voert handelingen uit onder toezicht"},
            {"level": 2, "label": "Medewerker", "description": "Kan een deelproces zelfstandig uitvoeren"},
            {"level": 3, "label": "Allround", "description": "Overziet het gehele proces"},
            {"level": 4, "label": "Opleider", "description": "Leidt anderen op en tekent af"},
        ],
        "teams": [{"id": team_id, "name": name} for team_id, name in org.teams],
        "coverage": {"level": 3, "count": 2},
        "source_review_months": 24,
        "personal_data": True,
    })


def _format_yml(training_format: FormatSpec, synth: Synthesiser) -> str:
    return _yaml({
        "title": training_format.title,
        "description": synth.paragraph(2),
        "qualification": {"name": training_format.title, "crebo": "25394"},
        "target_level": training_format.target_level,
        "core_tasks": [{"code": code, "title": title, "work_processes": _FlowList(wps)} for code, title, wps in training_format.core_tasks],
    })


def _work_process_md(wp: WorkProcessSpec, synth: Synthesiser) -> str:
    meta: dict[str, Any] = {"title": wp.title, "code": wp.code}
    if wp.valid_months:
        meta["valid_months"] = wp.valid_months
    meta["criteria"] = [_criterion(c) for c in wp.criteria]
    body = "\n\n".join(synth.paragraph(synth.rng.randint(3, 6)) for _ in range(synth.rng.randint(2, 4)))
    return _markdown_file(meta, body)


def _criterion(criterion: CriterionSpec) -> dict[str, Any]:
    item: dict[str, Any] = {"id": criterion.id, "level": criterion.level, "kind": criterion.kind, "text": criterion.text,
                            "sources": _FlowList(criterion.sources)}
    if criterion.retired:
        item["retired"] = True
    return item


def _source_md(source: SourceSpec, synth: Synthesiser) -> str:
    meta: dict[str, Any] = {"title": source.title, "type": source.type, "owner": synth.rng.choice(OWNERS),
                            "version": f"{synth.rng.randint(1, 6)}.{synth.rng.randint(0, 9)}", "reviewed": source.reviewed}
    if source.changed:
        meta["changed"] = source.changed
    if source.review_months:
        meta["review_months"] = source.review_months
    meta["status"] = source.status
    if source.url:
        meta["url"] = source.url
    if source.file:
        meta["file"] = source.file
    steps = "\n".join(f"{i + 1}. {synth.sentence(5, 12)}" for i in range(synth.rng.randint(4, 9)))
    body = f"{synth.paragraph(3)}\n\n## Stappen\n\n{steps}\n"
    if synth.rng.random() < 0.3:
        body += f'\n!!! warning "Let op"\n    {synth.sentence()}\n'
    return _markdown_file(meta, body)


def write_project(out: Path, size: Size, seed: int, latest: dt.date) -> Path:
    """Replace ``out`` by a fresh project folder; returns its ``content/``."""
    _clear(out)
    synth = Synthesiser(size, seed, latest)
    write_content(synth.organisation(), out / "content", synth)
    copy_project_files(out)
    (out / MARKER).write_text(json.dumps(_marker(size, seed, latest)), encoding="utf-8")
    return out / "content"


def copy_project_files(out: Path) -> None:
    """``mkdocs.yml`` and ``theme/`` from the repository."""
    shutil.copy2(REPO / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(REPO / "theme", out / "theme", dirs_exist_ok=True)


def _marker(size: Size, seed: int, latest: dt.date) -> dict[str, Any]:
    return {"size": asdict(size), "seed": seed, "latest": latest.isoformat()}


def _reusable(out: Path, size: Size, seed: int, latest: dt.date) -> bool:
    marker = out / MARKER
    return marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == _marker(size, seed, latest)


def _clear(folder: Path) -> None:
    """Remove a folder this script made before (it has the marker); refuse anything else."""
    if folder.exists():
        if not (folder / MARKER).is_file() and any(folder.iterdir()):
            sys.exit(f"{folder} exists and was not made by this benchmark; choose another --out")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


# --- measuring -----------------------------------------------------------------------------------


@dataclass
class Build:
    seconds: float
    reported: float | None  # "Documentation built in X seconds"
    warnings: int
    returncode: int
    tail: str
    peak_mb: float | None = None  # the build process's peak resident memory


@dataclass
class SiteStats:
    html_pages: int
    largest_page: str
    largest_bytes: int
    total_bytes: int
    pop_pages: int
    pop_in_search: int


def time_generate(content: Path, repeat: int) -> tuple[float, Result]:
    """Best wall time of ``generate(content)`` over ``repeat`` runs, each in a fresh process as in a
    build (in this process a second run was slower, allocating beside the first one's site and the
    benchmark's own data); and the result of one more run here, for the figures about the site."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's generator, whatever is installed
    best = float("inf")
    for _ in range(repeat):
        run = subprocess.run([sys.executable, "-c", _TIME_GENERATE, str(content)], env=env, capture_output=True,
                             text=True, check=True)
        best = min(best, float(run.stdout.split()[-1]))
    return best, generate(content)


_TIME_GENERATE = """
import sys, time
from pathlib import Path
from generator import generate
start = time.perf_counter()
generate(Path(sys.argv[1]))
print(time.perf_counter() - start)
"""


def profile_generate(content: Path, top: int) -> str:
    profiler = cProfile.Profile()
    profiler.runcall(generate, content)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"[/\\]generator[/\\]", top)
    return out.getvalue()


# Runs a command and prints its peak memory last. A process forked from this one would count
# this one's memory as its own (Linux carries the peak resident size across fork and exec), so
# the build is forked from this small launcher instead.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
print(f"{PEAK_TAG} {usage.ru_maxrss}", flush=True)
sys.exit(os.waitstatus_to_exitcode(status))
"""
PEAK_TAG = "bench-peak-kb:"


def run_measured(command: Sequence[str], cwd: Path, timeout: float | None) -> tuple[int, float, float | None, str]:
    """Run ``command``; its exit code (-1: stopped after ``timeout``), wall seconds, peak resident MB and output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}  # this checkout's generator, whatever is installed
    launcher = [sys.executable, "-c", _LAUNCHER.replace("PEAK_TAG", repr(PEAK_TAG)), *command]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(launcher, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
                                   start_new_session=True)
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the launcher and the build
            process.wait()
            return -1, time.perf_counter() - start, None, "timed out"
        seconds = time.perf_counter() - start
        log.seek(0)
        output, peak = _without_peak(log.read())
        return returncode, seconds, peak, output


def _without_peak(output: str) -> tuple[str, float | None]:
    """The launcher's output without its last line, and the peak memory in MB that line gives."""
    lines = output.splitlines()
    if lines and lines[-1].startswith(PEAK_TAG):
        return "\n".join(lines[:-1]), int(lines[-1].split()[1]) / 1024
    return output, None


def mkdocs_build(project: Path, site: Path, timeout: float | None) -> Build:
    """``mkdocs build`` in ``project`` as a subprocess; a build that exceeds ``timeout`` is stopped (exit -1)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    _progress(f"mkdocs build in {project} …")
    returncode, seconds, peak_mb, output = run_measured(command, project, timeout)
    if returncode == -1:
        return Build(seconds=seconds, reported=None, warnings=0, returncode=-1, tail="timed out")
    _progress(f"… done in {seconds:.1f} s (exit {returncode}, peak {peak_mb or 0:.0f} MB)")
    reported = None
    for line in output.splitlines():
        if "Documentation built in" in line:
            reported = float(line.rsplit("built in", 1)[1].split()[0])
    warnings = sum("WARNING" in line for line in output.splitlines())
    tail = "\n".join(output.splitlines()[-15:])
    return Build(seconds=seconds, reported=reported, warnings=warnings, returncode=returncode, tail=tail, peak_mb=peak_mb)


def site_stats(site: Path) -> SiteStats:
    html = [p for p in site.rglob("*.html")]
    largest = max(html, key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    in_search = sum(doc["location"].startswith("pop/") for doc in index["docs"])
    return SiteStats(
        html_pages=len(html), largest_page=largest.relative_to(site).as_posix(), largest_bytes=largest.stat().st_size,
        total_bytes=total, pop_pages=sum(1 for _ in (site / "pop").rglob("index.html")) if (site / "pop").is_dir() else 0,
        pop_in_search=in_search,
    )


def plain_paths(page_paths: Sequence[str], layout: str) -> list[str]:
    """``same``: the generator's own paths. ``folders``: ``index.md`` and folders of ``PLAIN_FOLDER`` pages each.

    Without an explicit nav MkDocs lists every page, and each page carries its whole section:
    with ``same`` every POP page lists all the others, which grows as the square of the people.
    """
    if layout == "same":
        return list(page_paths)
    return ["index.md"] + [f"deel-{i // PLAIN_FOLDER + 1:03d}/pagina-{i + 1}.md" for i in range(len(page_paths) - 1)]


def plain_page(number: int, layout: str) -> str:
    """``folders``: a page of 42 lines (headings, prose, a list, a table, a link); ``same``: one line of text."""
    if layout == "same":
        return f"# Pagina {number}\n\nEen korte pagina.\n"
    prose = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(40)).capitalize() + "."
    rows = [f"| stap {i} | {WORDS[(number * 3 + i) % len(WORDS)]} | {i * number % 97} |" for i in range(1, 9)]
    lines = [
        f"# Pagina {number}", "", prose, "", "## Werkwijze", "", prose, "",
        *[f"- {WORDS[(number + i) % len(WORDS)]} {WORDS[(number + 2 * i) % len(WORDS)]}" for i in range(7)], "",
        "## Stappen", "", "| stap | onderwerp | waarde |", "|---|---|--:|", *rows, "",
        "## Zie ook", "", prose, "", "Lees ook [de startpagina](#pagina-" + str(number) + ").", "",
        "## Opmerkingen", "", prose, "", prose, "", prose,
    ]
    return "\n".join(lines) + "\n"


def write_plain_project(folder: Path, page_paths: Sequence[str], layout: str) -> None:
    """A page per path, with the same theme, features and Markdown extensions and search, but no wgo plugin and no nav."""
    _clear(folder)
    (folder / MARKER).write_text("{}", encoding="utf-8")
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))  # MkDocs' loader knows its !ENV tag
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    plain = {"site_name": "Plain MkDocs", "docs_dir": "docs", "use_directory_urls": True, "theme": theme,
             "markdown_extensions": config["markdown_extensions"], "plugins": ["search"]}
    (folder / "mkdocs.yml").write_text(_yaml(plain), encoding="utf-8")
    for number, path in enumerate(page_paths, 1):
        target = folder / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_page(number, layout), encoding="utf-8")


# --- the report ----------------------------------------------------------------------------------


def revision() -> str:
    """The repository's commit, marked when the generator, theme or config differ from it (the code measured)."""
    def git(*command: str) -> str:
        done = subprocess.run(["git", "-C", str(REPO), *command], capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else "?"

    dirty = git("status", "--porcelain", "--", "generator", "theme", "mkdocs.yml")
    return git("rev-parse", "--short", "HEAD") + (" with uncommitted changes" if dirty else "")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _build_time(build: Build) -> str:
    if build.returncode == -1:
        return f"> {build.seconds:.0f} s (stopped by --build-timeout)"
    reported = f" (MkDocs says {build.reported:.1f} s)" if build.reported is not None else ""
    return f"{build.seconds:.2f} s{reported}, exit {build.returncode}"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB ({size:,} B)"


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def content_rows(size: Size, seed: int, content: Path, seconds: float | None) -> list[tuple[str, str]]:
    files = [p for p in content.rglob("*") if p.is_file()]
    rows = [("size", ", ".join(f"{k}={v:,}" for k, v in asdict(size).items())), ("seed", str(seed)),
            ("content files / bytes", f"{len(files):,} / {_mb(sum(p.stat().st_size for p in files))}")]
    if seconds is not None:
        rows.append(("content written in", f"{seconds:.2f} s"))
    return rows


def generate_rows(seconds: float, repeat: int, result: Result, preset: str) -> list[tuple[str, str]]:
    errors, warnings = (len(result.report.of(s)) for s in (Severity.ERROR, Severity.WARNING))
    pages = len(result.site.pages) if result.site else 0
    files = len(result.site.files) if result.site else 0
    rows = [("content check", f"{errors} errors, {warnings} warnings"),
            (f"generator step (best of {repeat})", f"{seconds:.2f} s"),
            ("generated pages / files", f"{pages:,} / {files:,}")]
    if preset in TARGET_GENERATOR_SECONDS:
        target = TARGET_GENERATOR_SECONDS[preset]
        rows.append((f"target: generator step ≤ {target:g} s ({preset})", _yes(seconds <= target)))
    if result.site is not None:
        in_nav = sum((item.path or "").startswith("pop/") for item in _nav_items(result.site.nav))
        rows.append(("POP pages absent from navigation", f"{_yes(in_nav == 0)} ({in_nav} nav entries under pop/)"))
    return rows


def _nav_items(items: Sequence[NavItem]) -> Iterator[NavItem]:
    for item in items:
        yield item
        yield from _nav_items(item.children)


def build_rows(generator_seconds: float, full: Build, stats: SiteStats | None, plain: dict[str, Build]) -> list[tuple[str, str]]:
    peak = f", peak memory {full.peak_mb:,.0f} MB" if full.peak_mb else ""
    rows = [("full mkdocs build", f"{_build_time(full)}, {full.warnings} warning lines{peak}")]
    for layout, build in plain.items():
        rows.append((f"plain mkdocs build ({_PLAIN_NAMES[layout]})", _build_time(build)))
        if build.returncode == 0 and full.returncode == 0:
            ratio = full.seconds / build.seconds
            rows.append((f"full build / plain build ({layout})", f"{ratio:.2f}×"))
            if layout == "folders":
                rows.append((f"target: full build ≤ {TARGET_VS_PLAIN}× plain (folders)", _yes(ratio <= TARGET_VS_PLAIN)))
    rows.append(("generator step / full build", f"{100 * generator_seconds / full.seconds:.1f} %"))
    if full.peak_mb:
        rows.append((f"target: peak memory of full build ≤ {TARGET_PEAK_MB:,} MB", _yes(full.peak_mb <= TARGET_PEAK_MB)))
    if stats is not None:
        rows += [
            ("HTML pages", f"{stats.html_pages:,}"),
            ("largest page", f"{stats.largest_page}: {_mb(stats.largest_bytes)}"),
            ("total site size", _mb(stats.total_bytes)),
            ("target: no page over 1 MB", _yes(stats.largest_bytes <= MAX_PAGE_BYTES)),
            ("POP pages absent from search index", f"{_yes(stats.pop_in_search == 0)} ({stats.pop_pages:,} POP pages, "
                                                   f"{stats.pop_in_search} index entries under pop/)"),
        ]
    return rows


_PLAIN_NAMES = {"folders": f"42-line pages in folders of {PLAIN_FOLDER}", "same": "one-line pages at the generator's paths"}


def print_table(title: str, rows: Sequence[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in rows)
    print(f"\n{title}\n{'=' * len(title)}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


# --- command line ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the generator and the MkDocs build on a synthetic organisation.")
    parser.add_argument("--size", choices=sorted(PRESETS), default="small", help="preset (default small); the options below override it")
    for name in ("formats", "work-processes", "criteria", "sources", "people", "signoffs", "teams"):
        parser.add_argument(f"--{name}", type=int, metavar="N")
    parser.add_argument("--seed", type=int, default=20261101)
    parser.add_argument("--latest-date", type=dt.date.fromisoformat, help="latest content date (default: min(2026-10-31, yesterday))")
    parser.add_argument("--name", help="output folder name under bench/out/ (default: the preset, or 'custom')")
    parser.add_argument("--out", type=Path, help="output folder (default bench/out/<name>/)")
    parser.add_argument("--reuse", action="store_true", help="keep existing content made with the same size, seed and date")
    parser.add_argument("--repeat", type=int, default=3, choices=(1, 2, 3), help="runs of the generator step; the best counts")
    parser.add_argument("--skip-mkdocs", action="store_true", help="time only the generator")
    parser.add_argument("--skip-plain", action="store_true", help="skip the plain-MkDocs comparison build")
    parser.add_argument("--plain-layout", choices=(*PLAIN_LAYOUTS, "both"), default="both",
                        help=f"plain comparison: 42-line pages in folders of {PLAIN_FOLDER} (the targets' layout), "
                             "one-line pages at the generator's paths (the old comparison), or both (default)")
    parser.add_argument("--build-timeout", type=float, metavar="SECONDS", help="stop an mkdocs build that takes longer")
    parser.add_argument("--profile", type=int, metavar="N", default=0, help="also print the generator's top N cumulative cProfile entries")
    parser.add_argument("--serve", action="store_true",
                        help="also time mkdocs serve --dirty from a work-process edit to the changed page, here and on the example")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the measurements as JSON")
    return parser.parse_args(argv)


def chosen_size(args: argparse.Namespace) -> tuple[Size, str]:
    size = PRESETS[args.size]
    overrides = {key: getattr(args, key) for key in asdict(size) if getattr(args, key) is not None}
    if any(value < 1 for value in overrides.values()):
        sys.exit("every count must be at least 1")
    return replace(size, **overrides), args.size if not overrides else "custom"


def prepare_content(args: argparse.Namespace, size: Size, out: Path, latest: dt.date) -> tuple[Path, float | None]:
    """The content folder (written afresh unless ``--reuse`` finds a matching one) and the seconds it took to write."""
    if args.reuse and _reusable(out, size, args.seed, latest):
        copy_project_files(out)  # the config and theme are code under test: always today's
        return out / "content", None
    _progress(f"writing the project into {out} …")
    start = time.perf_counter()
    content = write_project(out, size, args.seed, latest)
    return content, time.perf_counter() - start


def show_problems(result: Result) -> None:
    messages = [m for m in result.report.in_file_order() if m.severity is not Severity.INFO]
    if messages:
        print("\n".join(result.catalogue.lines(messages[:20])), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    size, default_name = chosen_size(args)
    latest = args.latest_date or min(LATEST_DATE, dt.date.today() - dt.timedelta(days=1))
    out = (args.out or DEFAULT_OUT / (args.name or default_name)).resolve()
    content, written = prepare_content(args, size, out, latest)
    print(f"project folder: {out}")
    code = revision()
    rows = content_rows(size, args.seed, content, written)
    _progress(f"generator step, {args.repeat} run(s) …")
    seconds, result = time_generate(content, args.repeat)
    show_problems(result)
    rows += generate_rows(seconds, args.repeat, result, default_name)
    report: dict[str, Any] = {"size": asdict(size), "seed": args.seed, "latest_date": latest.isoformat(), "project": str(out),
                              "generator_seconds": seconds, "pages": len(result.site.pages) if result.site else 0}
    if result.site is not None and not args.skip_mkdocs:
        rows += run_builds(out, seconds, [page.path for page in result.site.pages], args, report)
    if args.serve:
        rows += serve_rows(out, default_name, report)
    after = report.pop("revision_after", None) or revision()
    rows.insert(0, ("code measured", code if after == code else f"{code} → {after} (CHANGED during the run: figures are mixed)"))
    report["revision"] = code if after == code else [code, after]
    print_table(f"Benchmark ({default_name})", rows)
    if args.profile:
        print(f"\ncProfile of generate(), top {args.profile} cumulative entries in the generator package:")
        print(profile_generate(content, args.profile))
    if args.json:
        report["table"] = dict(rows)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if result.site is None or report.get("full_build", {}).get("returncode", 0) else 0


def serve_rows(out: Path, preset: str, report: dict[str, Any]) -> list[tuple[str, str]]:
    """Edit-to-page latency of ``mkdocs serve --dirty`` on this project and on a copy of the example."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: serve_latency.py lies beside it
    import serve_latency

    rows = []
    targets = {"medium": TARGET_SERVE_SECONDS}  # the issue sets none for the other sizes
    for name, measure, target in (("this project", partial(serve_latency.measure, out), targets.get(preset)),
                                  ("the example", serve_latency.measure_example, TARGET_SERVE_EXAMPLE_SECONDS)):
        _progress(f"mkdocs serve on {name} …")
        try:
            latency = measure()
        except TimeoutError as error:  # keep the figures measured so far
            rows.append((f"serve: edit to page, {name}", f"FAILED: {error}"))
            continue
        report.setdefault("serve", {})[name] = asdict(latency)
        rows.append((f"serve: edit to page, {name}", serve_latency.describe(latency)))
        if target is not None:
            rows.append((f"target: serve on {name} ≤ {target:g} s", _yes(latency.median <= target)))
    return rows


def run_builds(
    out: Path, generator_seconds: float, page_paths: list[str], args: argparse.Namespace, report: dict[str, Any]
) -> list[tuple[str, str]]:
    """The full build of the project, the plain comparison builds, and the site's figures."""
    site = out / "site"
    if site.exists():
        shutil.rmtree(site)
    full = mkdocs_build(out, site, args.build_timeout)
    report["revision_after"] = revision()  # the plain builds below do not run the generator
    if full.returncode:
        print(full.tail, file=sys.stderr)
    stats = site_stats(site) if full.returncode == 0 else None
    plain: dict[str, Build] = {}
    layouts = () if args.skip_plain else PLAIN_LAYOUTS if args.plain_layout == "both" else (args.plain_layout,)
    for layout in layouts:
        folder = out / ("plain" if layout == "folders" else f"plain-{layout}")
        write_plain_project(folder, plain_paths(page_paths, layout), layout)
        plain[layout] = mkdocs_build(folder, folder / "site", args.build_timeout)
    report.update(full_build=asdict(full), site=asdict(stats) if stats else None,
                  plain_builds={layout: asdict(build) for layout, build in plain.items()},
                  ratio_percent=100 * generator_seconds / full.seconds)
    return build_rows(generator_seconds, full, stats, plain)


if __name__ == "__main__":
    raise SystemExit(main())
