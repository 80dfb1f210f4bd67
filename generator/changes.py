"""Changes in the content's git history that the content itself does not show (``git.py`` reads the history).

- A source whose text changed after its ``changed:`` date (or that has none) while people were signed
  off on it: their re-instruction (PRODUCT.md, "Re-instruction needed") is not flagged until
  ``changed:`` says so.
- A criterion whose level differs from the level it had when its sign-offs were recorded: those
  sign-offs now count for another level.

Only versions that can matter are read: the versions of a source after its ``changed:`` date, and
work processes with more than one version whose criteria have sign-offs.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from .diagnostics import Report
from .git import ContentHistory, Revision, State
from .model import Content, Criterion, Signoff, Source

_CHANGED = re.compile(r"^changed:[ \t]*[\"']?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


@dataclass(frozen=True, kw_only=True)
class Version:
    """One version of a Markdown file with front matter, as a commit holds it."""

    front: str
    body: str

    @classmethod
    def of(cls, text: str) -> Version:
        lines = text.replace("\r\n", "\n").split("\n")
        if not lines or lines[0].strip() != "---":
            return cls(front="", body=text)
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), len(lines))
        return cls(front="\n".join(lines[1:end]), body="\n".join(lines[end + 1:]).strip())

    @property
    def changed(self) -> str:
        found = _CHANGED.search(self.front)
        return found.group(1) if found else ""

    def criterion_levels(self) -> dict[str, int]:
        """The level of each criterion in this version; none when its front matter cannot be read."""
        return _criterion_levels(self.front)


# Most versions of a work process differ in their body only: each front matter is parsed once.
@functools.lru_cache(maxsize=1024)
def _criterion_levels(front: str) -> dict[str, int]:
    try:
        meta = yaml.load(front, Loader=_LOADER)
    except yaml.YAMLError:
        return {}
    criteria = meta.get("criteria") if isinstance(meta, dict) else None
    return {c["id"]: c["level"] for c in criteria or [] if isinstance(c, dict)
            and isinstance(c.get("id"), str) and isinstance(c.get("level"), int)}


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when PyYAML has it: old versions are only compared


def check_history(content: Content, history: ContentHistory, report: Report) -> None:
    """Warn about the changes above; nothing without a readable history."""
    if history.state is not State.READ:
        return
    _check_source_changes(content, history, report)
    _check_level_changes(content, history, report)


# --- sources changed after `changed:` ----------------------------------------------------------


def _check_source_changes(content: Content, history: ContentHistory, report: Report) -> None:
    candidates = {source.id: revisions for source in content.sources.values()
                  if (revisions := _after_changed(source, history))}
    if not candidates:
        return
    wanted = [(r.commit, f"sources/{sid}.md") for sid, revisions in candidates.items() for r in revisions]
    texts = history.texts(wanted)
    first_evidence = _first_evidence(content)
    for source_id, revisions in candidates.items():
        source = content.sources[source_id]
        path = f"sources/{source_id}.md"
        versions = [(r, Version.of(texts[(r.commit, path)])) for r in revisions if (r.commit, path) in texts]
        changed_on = _text_changed_on(versions)
        evidence = first_evidence.get(source_id)
        # Only when someone has evidence from before the change is there anyone to re-instruct.
        if changed_on is not None and evidence is not None and evidence < changed_on.date:
            report.warning(source.location.at(_changed_line(content, source)), "source-changed-in-git",
                           date=changed_on.date.isoformat(), commit=changed_on.commit[:10])


def _after_changed(source: Source, history: ContentHistory) -> tuple[Revision, ...]:
    """The source's revisions after its ``changed:`` and ``reviewed:`` dates (reviewing a change and
    judging that it needs no re-instruction is a review), with the one before them to compare with."""
    since = max((d for d in (source.changed, source.reviewed) if d is not None), default=None)
    revisions = history.of(f"sources/{source.id}.md")
    later = [r for r in revisions if since is None or r.date > since]
    return revisions[:len(later) + 1] if later else ()


def _text_changed_on(versions: list[tuple[Revision, Version]]) -> Revision | None:
    """The newest revision whose body differs from the version before it; a revision that set
    ``changed:`` does not count (it is the change the date records), nor the file's first version."""
    for (revision, version), (_, before) in itertools.pairwise(versions):
        if version.body != before.body and version.changed == before.changed:
            return revision
    return None


def _first_evidence(content: Content) -> dict[str, dt.date]:
    """Per source, the date of the earliest evidence for a criterion that cites it: a sign-off of the
    criterion, or a direct assessment of its work process at or above its level (one pass over the sign-offs)."""
    signed: dict[str, dt.date] = {}  # by criterion
    assessed: dict[tuple[str, int], dt.date] = {}  # by work process and level
    for s in content.signoffs:
        if s.criterion:
            signed[s.criterion] = min(s.date, signed.get(s.criterion, s.date))
        elif s.level is not None:
            assessed[s.work_process, s.level] = min(s.date, assessed.get((s.work_process, s.level), s.date))
    top = content.organisation.max_level
    found: dict[str, dt.date] = {}
    for criterion in content.criteria.values():
        dates = [signed.get(criterion.id), *(assessed.get((criterion.work_process, level)) for level in range(criterion.level, top + 1))]
        first = min((d for d in dates if d is not None), default=None)
        if first is None:
            continue
        for ref in criterion.sources:
            found[ref.id] = min(first, found.get(ref.id, first))
    return found


def _changed_line(content: Content, source: Source) -> int:
    """The line of ``changed:`` in the source file, else the line after its opening ``---``."""
    try:
        lines = (content.root / "sources" / f"{source.id}.md").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    found = next((i for i, line in enumerate(lines[:source.body_line], 1) if line.startswith("changed:")), None)
    return found or 2


# --- criteria whose level changed under their sign-offs ------------------------------------------


def _check_level_changes(content: Content, history: ContentHistory, report: Report) -> None:
    signed = _signoffs_by_criterion(content.signoffs)
    candidates = {wp.id: revisions for wp in content.work_processes.values()
                  if len(revisions := history.of(f"work-processes/{wp.id}.md")) > 1 and any(c.id in signed for c in wp.criteria)}
    texts = history.texts((r.commit, f"work-processes/{wp_id}.md") for wp_id, revisions in candidates.items() for r in revisions)
    for wp_id, revisions in candidates.items():
        path = f"work-processes/{wp_id}.md"
        levels = [(r.date, Version.of(texts[(r.commit, path)]).criterion_levels()) for r in revisions if (r.commit, path) in texts]
        for criterion in content.work_processes[wp_id].criteria:
            for old, count in _moved(criterion, signed.get(criterion.id, []), levels):
                report.warning(criterion.location, "criterion-level-changed", criterion=criterion.id, count=count,
                               old=old, new=criterion.level)


def _signoffs_by_criterion(signoffs: tuple[Signoff, ...]) -> dict[str, list[Signoff]]:
    found: dict[str, list[Signoff]] = {}
    for signoff in signoffs:
        if signoff.criterion:
            found.setdefault(signoff.criterion, []).append(signoff)
    return found


def _moved(criterion: Criterion, signoffs: list[Signoff], levels: list[tuple[dt.date, dict[str, int]]]) -> Iterator[tuple[int, int]]:
    """Per level the criterion had when they were recorded (other than its level now): how many sign-offs."""
    moved: Counter[int] = Counter()
    for signoff in signoffs:
        # The version in force on the sign-off's date: the newest committed on or before it (newest first).
        in_force = next((found for date, found in levels if date <= signoff.date), None)
        old = in_force.get(criterion.id) if in_force is not None else None
        if old is not None and old != criterion.level:
            moved[old] += 1
    yield from sorted(moved.items())
