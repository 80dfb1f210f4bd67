"""The synthetic organisation of the benchmark: its sizes, what it holds, and the project folder it is written as.

``write_project`` writes a complete project (``content/``, a copy of ``mkdocs.yml`` and ``theme/``) for a
size and a seed: the same arguments give the same files. Used by ``bench.py``; no timing here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
MARKER = ".bench.json"  # written into every output folder; only such folders are ever replaced
KINDS = ("knowledge", "skill", "attitude")


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


def to_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)


def _markdown_file(meta: dict[str, Any], body: str) -> str:
    return f"---\n{to_yaml(meta)}---\n{body}\n"


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
    return to_yaml({
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
    return to_yaml({
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
    clear_output(out)
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


def reusable(out: Path, size: Size, seed: int, latest: dt.date) -> bool:
    marker = out / MARKER
    return marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == _marker(size, seed, latest)


def clear_output(folder: Path) -> None:
    """Remove a folder this script made before (it has the marker); refuse anything else."""
    if folder.exists():
        if not (folder / MARKER).is_file() and any(folder.iterdir()):
            sys.exit(f"{folder} exists and was not made by this benchmark; choose another --out")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


