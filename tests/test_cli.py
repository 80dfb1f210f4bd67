"""``python -m generator check|build`` as the contract names them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import CASES, PUBLIC_NAMES_NOTE, ROOT, SOURCE_DATE_EPOCH, content_tree


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=env, capture_output=True, text=True, check=False)


def test_check_clean_content_exits_0_with_only_the_summary(tmp_path: Path) -> None:
    # _started: the base tree with a sign-off on every work process and access rules, so that check has no advice either.
    result = run(content_tree(tmp_path, "_started"), "check", "content")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.startswith("geen problemen gevonden in ")  # issue 11: check says that it ran


def test_check_prints_every_problem_and_exits_1(tmp_path: Path) -> None:
    result = run(content_tree(tmp_path, "csv-errors"), "check")  # content/ is the default folder
    assert result.returncode == 1
    expected = (CASES / "csv-errors/expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stdout.splitlines() == [PUBLIC_NAMES_NOTE, *expected]  # check also advises
    assert "Traceback" not in result.stderr


def test_check_with_only_warnings_exits_0(tmp_path: Path) -> None:
    project = content_tree(tmp_path)
    source = project / "content/sources/wi-bewaken.md"
    source.write_text(source.read_text(encoding="utf-8").replace("status: valid", "status: withdrawn"), encoding="utf-8")
    result = run(project, "check", "content")
    assert result.returncode == 0
    assert "[withdrawn-source]" in result.stdout


def test_build_writes_a_markdown_tree_with_nav(tmp_path: Path) -> None:
    project = content_tree(tmp_path)
    result = run(project, "build", "content", "--out", "out")
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((project / "out/mkdocs.yml").read_text(encoding="utf-8"))  # the pages under docs/
    assert (config["site_name"], config["docs_dir"], config["theme"]["language"]) == ("Testfabriek BV", "docs", "nl")
    out = project / "out/docs"
    nav = config["nav"]
    assert nav[0] == {"Start": "index.md"}
    for entry in nav:
        for target in _targets(entry):
            assert (out / target).is_file(), target
    page = (out / "werkprocessen/opstarten.md").read_text(encoding="utf-8")
    assert page.startswith("---\ntitle: Opstarten\n---\n")
    assert "[Opstartprocedure](../bronnen/sop-opstarten.md)" in page
    assert (out / "matrix/operator.csv").read_text(encoding="utf-8").startswith("team,id,name,opstarten,bewaken,overall\n")
    assert (out / "pop/p-001/index.md").read_text(encoding="utf-8").startswith(
        "---\ntitle: POP Ali Aydin\nsearch:\n  exclude: true\nsitemap:\n  exclude: true\n---")
    assert not (project / "out/site-access").exists()  # without access: nothing is restricted


def _targets(entry: dict[str, object]) -> list[str]:
    [value] = entry.values()
    if isinstance(value, str):
        return [value]
    assert isinstance(value, list)
    return [target for child in value for target in _targets(child)]


def test_build_refuses_to_write_into_the_content_folder(tmp_path: Path) -> None:
    project = content_tree(tmp_path)
    result = run(project, "build", "content", "--out", "content/site")
    assert result.returncode == 2 and "overlaps the content folder" in result.stderr
    assert not (project / "content/site").exists()
    assert run(project, "build", "content", "--out", ".").returncode == 2
    (project / "notes").mkdir()
    (project / "notes/keep.txt").write_text("mine", encoding="utf-8")
    assert run(project, "build", "content", "--out", "notes").returncode == 2
    assert (project / "notes/keep.txt").read_text(encoding="utf-8") == "mine"
    assert run(project, "build", "content", "--out", "out").returncode == 0
    assert run(project, "build", "content", "--out", "out").returncode == 0  # an earlier output may be replaced
    (project / "mine").mkdir()  # an engine's project of another kind is not
    (project / "mine/mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    assert run(project, "build", "content", "--out", "mine").returncode == 2
    assert (project / "mine/mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"


def test_build_with_errors_writes_nothing(tmp_path: Path) -> None:
    project = content_tree(tmp_path, "references")
    result = run(project, "build", "content", "--out", "out")
    assert result.returncode == 1
    assert not (project / "out").exists()


def test_a_bad_source_date_epoch_is_a_warning_not_silence(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "2026-11-01", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "generator", "check", "content"], cwd=content_tree(tmp_path, "_started"), env=env,
                            capture_output=True, text=True, check=False)
    today = dt.date.today().isoformat()
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "SOURCE_DATE_EPOCH: waarschuwing: de omgevingsvariabele SOURCE_DATE_EPOCH is '2026-11-01', geen aantal seconden "
        f"sinds 1970 (tot en met het jaar 9898); de bouwdatum is daarom vandaag ({today}) [bad-source-date-epoch]"
    ]


def test_build_with_a_site_url_gives_the_feed_absolute_links(tmp_path: Path) -> None:
    project = content_tree(tmp_path)
    (project / "content/improvements").mkdir()
    (project / "content/improvements/sneller.md").write_text(
        "---\ntitle: Sneller\nauthor: p-001\nmethod: PDCA\nstatus: done\nstarted: 2026-01-05\n"
        "finished: 2026-02-01\nwork_processes: [opstarten]\n---\nTekst.\n", encoding="utf-8")
    result = run(project, "build", "content", "--out", "out", "--site-url", "https://intranet.example.nl/wgo/")
    assert result.returncode == 0, result.stderr
    feed = (project / "out/docs/feed.xml").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="text/html" href="https://intranet.example.nl/wgo/verbeteropdrachten/sneller/" />' in feed
    assert run(project, "build", "content", "--out", "out", "--site-url", "javascript:alert(1)").returncode == 2


def test_build_out_that_is_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    project = content_tree(tmp_path)
    (project / "notes.txt").write_text("mine", encoding="utf-8")
    result = run(project, "build", "content", "--out", "notes.txt")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"python -m generator: error: --out {project / 'notes.txt'} is a file; choose a folder"]
    assert (project / "notes.txt").read_text(encoding="utf-8") == "mine"
