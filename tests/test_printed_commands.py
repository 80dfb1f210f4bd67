"""Issue 21: every command printed in the README and the author guide works as printed.

The command lines are read from both documents (code blocks and inline code that start with
``python3 dev.py``, ``python -m generator`` or ``mkdocs``). Each has a case below: run as printed
in a copy of the project, or, where the printed line is a synopsis or would write outside the
copy or serve on a fixed port, the concrete or safe invocation it stands for. A printed command
without a case fails, and so does a case whose command is no longer printed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import Workbook

from bench.serve_latency import fetch, free_port

from .conftest import ROOT, SOURCE_DATE_EPOCH

DOCUMENTS = (ROOT / "README.md", ROOT / "content/pages/handleiding.md")
PREFIXES = ("python3 dev.py ", "python -m generator ", "mkdocs ")
NEW_ORGANISATION = "../opleiden-mijn-organisatie"  # the guide's init, beside the project


@dataclass(frozen=True)
class Run:
    """Run ``instead`` (or the printed line when None) in the project; expect ``code``."""

    instead: str | None = None
    code: int = 0
    setup: Callable[[Path], None] | None = None
    then: Callable[[Path], None] | None = None


@dataclass(frozen=True)
class Serve:
    """Start the preview as ``instead`` (a free port put in for PORT) and fetch its home page."""

    instead: str


@dataclass(frozen=True)
class Elsewhere:
    """Not run here, for the reason given (the command that runs this test, or a test of its own)."""

    reason: str = field(default="")


Case = Run | Serve | Elsewhere


def _help(command: str) -> Run:
    return Run(f"{command} --help")


def _copy_content(to: str) -> Callable[[Path], None]:
    return lambda project: shutil.copytree(project / "content", project / to)


def _add_assessor(project: Path) -> None:
    people = project / NEW_ORGANISATION / "content/people.csv"
    people.write_text(people.read_text(encoding="utf-8") + "p-001,Uw Naam,ploeg-1,operator,,yes,\n", encoding="utf-8")


def _access_rules_beside(project: Path) -> None:
    assert (project / "../www/opleiden/index.html").is_file()
    assert (project / "../www/opleiden-access/apache.conf").is_file(), "the access rules are not beside --site-dir"


def _zensical_tree(project: Path) -> None:
    assert (project / "build/wgo/mkdocs.yml").is_file() and (project / "build/wgo/docs").is_dir()


def _selfassessment_appended(project: Path) -> None:
    last = (project / "content/selfassessments.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last == "p-004,installatie-opstarten,2,2026-03-01,gaat goed", last


def _new_organisation(project: Path) -> None:
    assert (project / NEW_ORGANISATION / "content/organisation.yml").is_file()


# In the order they run: the ones that only read first, the ones that write after, `new` last
# (a new work process has empty values, which `check` refuses until an author fills them in).
CASES: dict[str, Case] = {
    "python3 dev.py check": Run(),
    "python3 dev.py check --format json": Run(),
    "python3 dev.py check --render": Run(),
    "python3 dev.py check [CONTENT_DIR]": Run("python3 dev.py check content"),
    "python -m generator check content": Run(),
    "python -m generator check": Run(),
    "python -m generator <command>": _help("python -m generator"),
    "python3 dev.py <command>": Run("python3 dev.py", code=1),  # dev.py's usage, listing the commands
    "python -m generator build": _help("python -m generator build"),
    "python -m generator build --out DIR": Run("python -m generator build --out build/wgo", then=_zensical_tree),
    "python -m generator build --out build/wgo": Run(then=_zensical_tree),
    "python3 dev.py build [CONTENT_DIR] --out DIR [--site-url URL]":
        Run("python3 dev.py build content --out build/wgo --site-url https://opleiden.example.org/", then=_zensical_tree),
    "python3 dev.py site": Run(),
    "python3 dev.py site --offline": Elsewhere("tests/test_offline.py builds and opens it"),
    "python3 dev.py test": Elsewhere("the command that runs this test"),
    "python3 dev.py test tests/test_screenshots.py": Elsewhere("the command that runs the tests"),
    "python3 dev.py test tests/test_matrix.py -n 0": Elsewhere("the command that runs the tests"),
    "mkdocs build": Run("mkdocs build --strict --site-dir ../www/opleiden", then=_access_rules_beside),
    "mkdocs build --strict": Run("mkdocs build --strict --site-dir ../www/opleiden", then=_access_rules_beside),
    "mkdocs build --site-dir /var/www/opleiden": Run("mkdocs build --strict --site-dir ../www/opleiden", then=_access_rules_beside),
    "mkdocs serve": _help("mkdocs serve"),
    "mkdocs serve --dirty": _help("mkdocs serve"),
    "python3 dev.py serve": Serve("python3 dev.py serve --port PORT"),
    "python3 dev.py serve --port 8001": Serve("python3 dev.py serve --port PORT"),
    "python3 dev.py serve [--port N | -a HOST:PORT]": Serve("python3 dev.py serve -a 127.0.0.1:PORT"),
    "python3 dev.py init ../opleiden-mijn-organisatie": Run(then=_new_organisation),
    "python3 dev.py init DIR": Run("python3 dev.py init ../nog-een-organisatie"),
    "python3 dev.py import-matrix matrix.xlsx --format operator --assessor p-001 ../opleiden-mijn-organisatie/content":
        Run(setup=_add_assessor),
    "python3 dev.py import-matrix matrix.xlsx --format procesoperator --assessor p-021 --dry-run": Run(),
    "python3 dev.py import-matrix FILE --format ID --assessor ID [--date D] [--sheet S] [--dry-run] [CONTENT_DIR]":
        Run("python3 dev.py import-matrix matrix.xlsx --format procesoperator --assessor p-021 --date 2026-01-12 --dry-run content"),
    "python3 dev.py import-matrix matrix.xlsx --format procesoperator --assessor p-021 --date 2026-01-12": Run(),
    'python3 dev.py signoff p-010 --criterion opstarten-1-01 opstarten-1-02 --assessor p-021': Run(),
    'python3 dev.py signoff p-003 --work-process installatie-opstarten --level 2 --assessor p-021 --date 2026-03-02 --note "examen"': Run(),
    "python3 dev.py signoff PERSON (--criterion ID... | --work-process ID --level N) --assessor ID [--date D] [--note T] [--content DIR]":
        Run("python3 dev.py signoff p-004 --work-process installatie-opstarten --level 1 --assessor p-021 --date 2026-02-01"
            " --content content"),
    "python3 dev.py import-signoffs aftekenblad.xlsx --dry-run": Run(),
    "python3 dev.py import-signoffs FILE [--sheet S] [--dry-run] [CONTENT_DIR]":
        Run("python3 dev.py import-signoffs aftekenblad.xlsx --dry-run content"),
    "python3 dev.py import-signoffs aftekenblad.xlsx": Run(),
    "python3 dev.py import-selfassessments zelfbeoordeling.xlsx --dry-run": Run(),
    "python3 dev.py import-selfassessments FILE [--sheet S] [--dry-run] [CONTENT_DIR]":
        Run("python3 dev.py import-selfassessments zelfbeoordeling.xlsx --sheet zelfbeoordeling --dry-run content"),
    "python3 dev.py import-selfassessments zelfbeoordeling.xlsx": Run(then=_selfassessment_appended),
    "python3 dev.py recover": Run(),
    "python3 dev.py recover [CONTENT_DIR]": Run("python3 dev.py recover content"),
    "python3 dev.py new": _help("python3 dev.py new"),
    "python3 dev.py new source sop-vullen mijn-inhoud": Run(setup=_copy_content("mijn-inhoud")),
    "python3 dev.py new source sop-vullen": Run(),
    "python3 dev.py new work-process vullen": Run(),
    "python3 dev.py new improvement kortere-omstel": Run(),
    "python3 dev.py new source|work-process|improvement ID [CONTENT_DIR]": Run("python3 dev.py new improvement nieuw-idee content"),
}


def printed_commands(text: str) -> list[str]:
    """The command lines in a Markdown text: lines of code blocks and inline code, without a trailing comment."""
    found = []
    fenced = False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        for code in [line.strip()] if fenced else re.findall(r"`([^`]+)`", line):
            command = code.split(" #", 1)[0].strip()
            if command.startswith(PREFIXES):
                found.append(command)
    return found


def test_every_printed_command_has_a_case() -> None:
    printed = {command for document in DOCUMENTS for command in printed_commands(document.read_text(encoding="utf-8"))}
    assert sorted(printed - CASES.keys()) == [], "a printed command without a case in CASES"
    assert sorted(CASES.keys() - printed) == [], "a case for a command that is no longer printed"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with its .venv: dev.py there finds the venv installed and installs nothing."""
    stamp = Path(sys.prefix) / ".installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.is_file() or stamp.read_text() != wanted:
        pytest.skip("the tests do not run in the .venv that dev.py installs: run them with python3 dev.py test")
    folder = tmp_path_factory.mktemp("printed") / "project"
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "theme", folder / "theme", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "dev.py", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    (folder / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    _write_matrix(folder / "matrix.xlsx")
    _write_signoff_sheet(folder / "aftekenblad.xlsx")
    _write_selfassessment_sheet(folder / "zelfbeoordeling.xlsx")
    return folder


def _write_matrix(path: Path) -> None:
    """A matrix the example and a new organisation both read: team 1, and the work process both have (B1-K1-W2)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Ploeg", "Voornaam", "Achternaam", "B1-K1-W2"])
    sheet.append([1, "Nieuwe", "Collega", 2])
    workbook.save(path)


def _write_signoff_sheet(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["criterion", "work_process", "kind", "text", "person", "date", "assessor", "note"])
    sheet.append(["opstarten-1-03", "installatie-opstarten", "kennis", "", "p-004", "2026-03-01", "p-021", ""])
    workbook.save(path)


def _write_selfassessment_sheet(path: Path) -> None:
    """A self-assessment sheet as downloaded beside a POP and filled in, in its layout (the sheet itself: test_selfassessment_sheet.py)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "zelfbeoordeling"
    for row in (["Zelfbeoordeling"], [], ["Medewerker", "p-004"], ["Datum", "2026-03-01"], [],
                ["Werkproces (id)", "Code", "Werkproces", "Beoordeeld niveau", "Mijn niveau", "Toelichting"],
                ["installatie-opstarten", "B1-K1-W2", "Installatie opstarten", 1, 2, "gaat goed"]):
        sheet.append(row)
    workbook.save(path)


def _argv(command: str) -> list[str]:
    """The printed line as the author's shell would run it; ``python`` is the .venv's, as if activated."""
    words = shlex.split(command)
    if words[0] == "python3":
        return [sys.executable, *words[1:]]
    if words[0] == "python":
        return [sys.executable, *words[1:]]
    return [sys.executable, "-m", words[0], *words[1:]]


def _env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def test_every_printed_command_works(project: Path) -> None:
    done: set[str] = set()
    for printed, case in CASES.items():
        if isinstance(case, Run):
            command = case.instead or printed
            if case.setup is None and command in done:
                continue  # the same invocation as an earlier case
            done.add(command)
            _run(project, command, case)
        elif isinstance(case, Serve) and case.instead not in done:
            done.add(case.instead)
            _serve(project, case.instead)


def _run(project: Path, command: str, case: Run) -> None:
    if case.setup:
        case.setup(project)
    result = subprocess.run(_argv(command), cwd=project, env=_env(), capture_output=True, text=True, timeout=300, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == case.code, f"{command}: exit {result.returncode}\n{output[-3000:]}"
    assert "Traceback" not in output, f"{command}:\n{output[-3000:]}"
    if case.then:
        case.then(project)


def _serve(project: Path, command: str) -> None:
    """Start the preview on a free port, wait for the home page, stop it: its output has no notice and no traceback."""
    port = free_port()
    server = subprocess.Popen(_argv(command.replace("PORT", str(port))), cwd=project, env=_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)  # dev.py's child in its group
    try:
        page = _wait_for(f"http://127.0.0.1:{port}/", server)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        output = server.communicate(timeout=30)[0]
    assert page, f"{command}: no page\n{output[-3000:]}"
    assert "dirty" not in output and "Traceback" not in output, output


def _wait_for(url: str, server: subprocess.Popen[str], timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        if page := fetch(url):
            return page
        time.sleep(0.3)
    return ""


@pytest.fixture
def listener() -> Iterator[int]:
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        yield port


def test_a_busy_port_is_one_line_that_suggests_another(project: Path, listener: int) -> None:
    result = subprocess.run(_argv(f"python3 dev.py serve --port {listener}"), cwd=project, env=_env(),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"poort {listener} op 127.0.0.1 is al in gebruik" in line and "--port" in line


def test_serve_help_starts_nothing(project: Path) -> None:
    result = subprocess.run(_argv("python3 dev.py serve --help"), cwd=project, env=_env(), capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0 and "--port" in result.stdout and "Building" not in result.stdout + result.stderr
