"""``python -m generator init``: a new organisation's repository that checks and builds on its own."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import yaml

from generator.init import init

from .conftest import SOURCE_DATE_EPOCH

TODAY = dt.date(2026, 11, 1)


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, *command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_init_writes_a_repository_that_checks_and_builds_strictly(tmp_path: Path) -> None:
    folder = tmp_path / "opleiden"
    started = _run("-m", "generator", "init", str(folder), cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith(f"Nieuwe organisatie in {folder.as_posix()}")

    checked = _run("-m", "generator", "check", "content", cwd=folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "fout" not in checked.stdout and "waarschuwing" not in checked.stdout

    built = _run("-m", "mkdocs", "build", "--strict", "--site-dir", "site", cwd=folder)
    assert built.returncode == 0, built.stderr
    assert (folder / "site/index.html").is_file()
    assert (folder / "site/werkprocessen/installatie-opstarten/index.html").is_file()


def test_the_layout_and_the_pipelines(tmp_path: Path) -> None:
    assert init(tmp_path / "org", TODAY).written
    org = tmp_path / "org"
    for name in ("mkdocs.yml", "README.md", ".gitignore", "theme/mkdocs", "theme/hooks/wgo_search.py", "theme/pages",
                 "content/organisation.yml", "content/formats/operator.yml", "content/work-processes/installatie-opstarten.md",
                 "content/sources/sop-opstarten.md", "content/pages/index.md"):
        assert (org / name).exists(), name
    assert (org / "content/people.csv").read_text() == "id,name,team,format,target_level,active,account\n"
    assert (org / "content/signoffs.csv").read_text() == "person,work_process,criterion,level,date,assessor,note\n"
    assert "reviewed: 2026-11-01" in (org / "content/sources/sop-opstarten.md").read_text()
    assert not list(org.rglob("__pycache__"))

    gitlab = yaml.safe_load((org / ".gitlab-ci.yml").read_text())
    assert str(gitlab["variables"]["GIT_DEPTH"]) == "0"
    assert gitlab["variables"]["WGO_GENERATOR"].startswith("git+") and "@v" in gitlab["variables"]["WGO_GENERATOR"]
    assert gitlab["site"]["script"] == ['pip install "$WGO_GENERATOR"', "python -m generator check content",
                                        "mkdocs build --strict --site-dir site"]
    assert gitlab["site"]["artifacts"]["paths"] == ["site/", "site-access/"]

    github = yaml.safe_load((org / ".github/workflows/site.yml").read_text())
    steps = github["jobs"]["site"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert [step.get("run") for step in steps if "run" in step] == gitlab["site"]["script"]
    assert github["env"]["WGO_GENERATOR"] == gitlab["variables"]["WGO_GENERATOR"]
    assert steps[-1]["with"]["path"].split() == ["site/", "site-access/"]


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notities.txt").write_text("van iemand anders")
    outcome = init(tmp_path, TODAY)
    assert not outcome.written
    assert outcome.lines == (f"fout: {tmp_path.as_posix()} is niet leeg; kies een nieuwe of lege map voor de nieuwe organisatie",)
    assert [p.name for p in tmp_path.iterdir()] == ["notities.txt"]


def test_init_needs_the_generators_clone_for_the_theme(tmp_path: Path) -> None:
    outcome = init(tmp_path / "org", TODAY, checkout=tmp_path / "wheel")
    assert not outcome.written and "theme/" in outcome.lines[0]
    assert not (tmp_path / "org").exists()
