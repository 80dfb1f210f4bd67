"""``python -m generator init DIR``: a new organisation's repository that builds on its own.

The folder gets the starter files under ``generator/starter/`` (a minimal valid content tree,
a Dutch README, ``.gitignore`` and the CI pipelines for GitLab and GitHub) and a copy of the
generator's ``mkdocs.yml`` and ``theme/``. The theme is copied rather than shipped as package
data because MkDocs finds ``custom_dir``, ``hooks`` and the page templates by their path beside
``mkdocs.yml``, and because the theme is the organisation's to adapt; so ``init`` runs from a
clone of the generator (``python3 dev.py init DIR``), where ``theme/`` is.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from string import Template

from .catalogue import Catalogue
from .diagnostics import Param, display_path

STARTER = Path(__file__).resolve().parent / "starter"
CHECKOUT = Path(__file__).resolve().parent.parent  # the generator's clone: mkdocs.yml and theme/
# Starter files kept without their leading dot, so that no tool hides or skips them here.
DOT_NAMES = {"gitignore": ".gitignore", "gitlab-ci.yml": ".gitlab-ci.yml", "github": ".github"}
DATED = ("content/sources/sop-opstarten.md",)  # a review date of today, so no source starts overdue


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What ``init`` did: whether the folder was written, and the lines to show, worded."""

    written: bool
    lines: tuple[str, ...]


def init(folder: Path, today: dt.date, checkout: Path = CHECKOUT) -> Outcome:
    """Fill the new or empty ``folder`` with a repository for a new organisation; never touches other files."""
    words = Catalogue()
    shown = folder.as_posix()  # as the author typed it: often a folder beside the generator's
    if folder.exists() and not folder.is_dir():
        return _refused(words, "init.not-a-folder", folder=shown)
    if folder.is_dir() and any(folder.iterdir()):
        return _refused(words, "init.not-empty", folder=shown)
    if not (checkout / "theme").is_dir() or not (checkout / "mkdocs.yml").is_file():
        return _refused(words, "init.no-theme", folder=display_path(checkout))
    try:
        _copy_starter(folder, today)
        shutil.copy2(checkout / "mkdocs.yml", folder / "mkdocs.yml")
        shutil.copytree(checkout / "theme", folder / "theme", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    except OSError as error:
        path = display_path(Path(error.filename)) if error.filename else shown
        return _refused(words, "init.failed", path=path, problem=error.strerror or str(error))
    return Outcome(written=True, lines=(words("init.written", folder=shown), words("init.next", folder=shown)))


def _copy_starter(folder: Path, today: dt.date) -> None:
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = source.relative_to(STARTER)
        target = folder.joinpath(*(DOT_NAMES.get(part, part) for part in relative.parts))
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if relative.as_posix() in DATED:
            text = Template(text).substitute(today=today.isoformat())
        target.write_text(text, encoding="utf-8", newline="\n")


def _refused(words: Catalogue, key: str, **params: Param) -> Outcome:
    return Outcome(written=False, lines=(f"{words('severity.error')}: {words(key, **params)}",))
