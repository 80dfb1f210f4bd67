#!/usr/bin/env python3
"""Quick start on a fresh machine with only Python:

    python3 dev.py site     # build the example site into site/ (installs what it needs)
    python3 dev.py site --offline   # the same for a file share: opens from site/index.html over file://
    python3 dev.py test     # lint, type-check and run all tests (installs what they need)
    python3 dev.py serve    # preview with live reload on http://127.0.0.1:8000/ (--port N, -a HOST:PORT, --help)
    python3 dev.py check    # check content/ and list every mistake with file and line

and every command of the generator, in .venv (installed first), with its arguments:

    python3 dev.py new|signoff|import-matrix|import-signoffs|import-selfassessments|recover|check|build|serve|init ...   (--help on each)

Everything is installed into .venv/ beside this file; the browser tests use
Debian's chromium and the access-rule tests Debian's apache2, which this script
installs with apt-get when they are missing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
CHROMIUM = Path("/usr/bin/chromium")
SYSTEM_PACKAGES = {"chromium": CHROMIUM, "apache2": Path("/usr/sbin/apache2")}  # Debian package -> a file it installs


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], cwd=ROOT, check=True, env=env)


def ensure_venv() -> None:
    """Create .venv and install the project with its test tools and Zensical, again whenever pyproject.toml changes."""
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    stamp = VENV / ".installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[test,zensical]")
        stamp.write_text(wanted)


def ensure_system_packages() -> None:
    """Debian's packages the tests use: chromium for the browser tests (never a downloaded browser), apache2 for the access rules.

    Installed together, only those missing. The tests start their own httpd on a free port, so the
    system's apache2 service, which the package may start on port 80, is stopped again.
    """
    missing = [package for package, path in SYSTEM_PACKAGES.items() if not path.exists()]
    if not missing:
        return
    if shutil.which("apt-get") is None:
        files = ", ".join(str(SYSTEM_PACKAGES[package]) for package in missing)
        sys.exit(f"{files} missing and apt-get is not available; install Debian's packages: {' '.join(missing)}")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run(*sudo, "apt-get", "update", "-qq")
    run(*sudo, "apt-get", "install", "-y", "-qq", *missing, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if "apache2" in missing:
        subprocess.run([*sudo, "service", "apache2", "stop"], check=False)  # fails harmlessly when it did not start


def quiet_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def author_env() -> dict[str, str]:
    """For the commands an author runs: the commands that messages print are then typed as the guide types them."""
    return {**quiet_env(), "WGO_COMMAND": "python3 dev.py"}


def viewing_hint(site_dir: Path, offline: bool) -> str:
    """How to look at a built site. Opened from the folder, a normal build shows folder listings and has no
    search (its links end in a folder, and search needs a web server); only an --offline build works that way."""
    if offline:
        return f"Built the example site in {site_dir} for a file share — open {site_dir / 'index.html'} in a browser"
    return (f"Built the example site in {site_dir} — view it with: python3 dev.py serve "
            "(it needs a web server; for opening from a folder or file share, build it with: python3 dev.py site --offline)")


def site() -> None:
    """--offline: a site that works opened from a folder (a file share) over file://, with no web server."""
    ensure_venv()
    offline = "--offline" in sys.argv[2:]
    env = {**author_env(), "WGO_OFFLINE": "true"} if offline else author_env()
    run(BIN / "mkdocs", "build", "--strict", "--site-dir", ROOT / "site", env=env)
    print(viewing_hint(ROOT / "site", offline))
    if (ROOT / "site-access").is_dir() and any((ROOT / "site-access").iterdir()):
        print(f"The web server's access rules for its restricted folder are in {ROOT / 'site-access'} (README: Personal data and access)")


def test() -> None:
    ensure_venv()
    ensure_system_packages()
    run(BIN / "ruff", "check", "generator", "tests", "bench", "dev.py", "theme/hooks")
    run(BIN / "mypy")
    # Two workers, each module in one of them (its fixtures built once); "-n 0" after it runs in one process.
    run(BIN / "pytest", "-n", "2", "--dist", "loadscope", *sys.argv[2:], env=quiet_env())


def generator() -> None:
    """``python -m generator <command> <arguments>`` in .venv, from this folder, so the guide's commands need no activated venv.

    ``serve`` is ``mkdocs serve --dirty`` there: a rebuild renders only the pages whose output changed.
    """
    ensure_venv()
    # Not run(): its echo of the command would spoil --format json on standard output.
    command = [str(BIN / "python"), "-m", "generator", *sys.argv[1:]]
    child = subprocess.Popen(command, cwd=ROOT, env=author_env())
    # Ctrl+C reaches the child as well (the terminal signals the whole group): dev.py waits for it to stop by itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(child.wait())


GENERATOR_COMMANDS = ("new", "signoff", "import-matrix", "import-signoffs", "import-selfassessments", "recover", "check", "build", "serve",
                      "init")
COMMANDS = {"site": site, "test": test, **{name: generator for name in GENERATOR_COMMANDS}}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[sys.argv[1]]()
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:  # Ctrl+C while installing or building: no traceback
        sys.exit(130)
