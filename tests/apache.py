"""A real, private Apache httpd (Debian's apache2) for tests of the access rules the generator writes.

``apache_server`` serves a built site with a rules file included, the way an admin would: the rules
only say who may read what; who someone is comes from the server, here HTTP Basic auth against a
password file (mod_authn_file) with groups from a group file (mod_authz_groupfile), standing in for
Kerberos/LDAP. ``status`` asks for one URL as one user and gives the HTTP status.

Never touches /etc/apache2 or the system's apache2 service: the server has its own config, logs and
port. ``python3 dev.py test`` installs Debian's apache2 package.
"""

from __future__ import annotations

import base64
import ctypes
import hashlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote, urlsplit

APACHE = Path("/usr/sbin/apache2")
MODULES = Path("/usr/lib/apache2/modules")
NEEDED_MODULES = ("mpm_event", "authn_core", "authn_file", "authz_core", "authz_user", "authz_groupfile", "auth_basic", "dir", "mime")
PASSWORD = "geheim wachtwoord"  # what status() sends unless told otherwise
START_TIMEOUT = 15.0  # seconds until the port must accept connections
STOP_TIMEOUT = 10.0  # seconds httpd gets to stop after SIGTERM before it and its children are killed
PORT_ATTEMPTS = 5
_PR_SET_PDEATHSIG = 1


class ApacheError(RuntimeError):
    """httpd rejected its configuration or did not start; the message holds httpd's own output."""


@contextmanager
def apache_server(
    document_root: Path,
    rules: Path | None,
    *,
    users: Mapping[str, str],
    groups: Mapping[str, Iterable[str]],
    workdir: Path,
    define_root: bool = True,
) -> Iterator[str]:
    """Serve document_root on a free loopback port with the access rules in `rules` included; yields the base URL ('http://127.0.0.1:PORT').

    ``users`` maps user name to password, ``groups`` group name to its members. The config
    (``httpd.conf``), ``error.log``, ``access.log`` and httpd's own output (``httpd.out``) stay in
    ``workdir`` for a failing test to read. ``define_root=False`` leaves out ``Define WGO_SITE_ROOT``,
    to show that the rules file's guard catches a config that forgets it.

    The site and the users and group files are served from a copy in a fresh folder under the
    system's temp dir (folders 0755, files 0644), removed afterwards, so that httpd's children can
    read them whatever uid they run as; pytest's tmp_path lies under a 0700 folder. With no ``User``
    line, Debian's apache2 started as root in fact keeps its children as root (the built-in default
    ``User #-1`` changes nothing; the error log gets an AH02155 alert about it), but a ``User`` line
    or another build (upstream's config says ``daemon``) drops them to an unprivileged uid, which
    must be able to read every file served and every folder above it. The copy works either way,
    as root and as a normal user; as a side effect it hides wrong file modes in the site. Config,
    rules, logs and pid file are opened by the parent before any switch, so they stay in workdir
    (one workdir per running server).

    Raises ApacheError with httpd's message when ``apache2 -t`` rejects the config (a broken rules
    file, or the guard's ``Error``) or when httpd does not start listening in time.
    """
    if not APACHE.exists():
        raise ApacheError(f"{APACHE} is missing: run the tests with 'python3 dev.py test', which installs Debian's apache2")
    served = Path(tempfile.mkdtemp(prefix="wgo-apache-")).resolve()
    try:
        site = served / "site"
        shutil.copytree(document_root, site)
        _write_auth_files(served, users, groups)
        _open_to_others(served)
        root = site if define_root else None
        with _running(lambda port: _config(workdir, port, site, served, rules, root), workdir) as url:
            yield url
    finally:
        shutil.rmtree(served, ignore_errors=True)


def status(url: str, user: str | None = None, password: str = PASSWORD) -> int:
    """The HTTP status of a GET of url, with Basic auth as user when given; redirects are not followed.

    The credentials go as UTF-8, which is what Apache compares byte for byte with the users file.
    """
    parts = urlsplit(url)
    headers = {} if user is None else {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")}
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=") + (f"?{parts.query}" if parts.query else "")
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        connection.request("GET", target, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def _write_auth_files(folder: Path, users: Mapping[str, str], groups: Mapping[str, Iterable[str]]) -> None:
    """``users``: ``name:{SHA}base64(sha1(password))`` a line; ``groups``: one ``group: "member"`` line per membership.

    A user name in the users file, and a group name in the group file, runs up to the first ``:``
    and is compared as bytes (UTF-8 here and in status()); a line starting with ``#`` is a comment.
    mod_authz_groupfile splits the members into words the way Apache splits a config line (double
    quotes hold a word together, ``\\`` stands for one backslash), so each member is written quoted
    and escaped and may hold spaces, which a plain unquoted group file cannot. It stops reading at a
    line over 8 KB, hence one member a line.
    """
    lines = []
    for name, password in users.items():
        _check_name("user", name)
        lines.append(f"{name}:{{SHA}}{base64.b64encode(hashlib.sha1(password.encode()).digest()).decode('ascii')}\n")
    (folder / "users").write_text("".join(lines), encoding="utf-8")
    lines = []
    for group, members in groups.items():
        _check_name("group", group)
        for member in members:
            _check_name("user", member)
            escaped = member.replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{group}: "{escaped}"\n')
    (folder / "groups").write_text("".join(lines), encoding="utf-8")


def _check_name(kind: str, name: str) -> None:
    if not name or ":" in name or "\n" in name or "\r" in name or name != name.strip() or name.startswith("#"):
        raise ValueError(f"not a {kind} name for the Apache stand-in (empty, ':', a line break, '#' or a space at an end): {name!r}")


def _open_to_others(folder: Path) -> None:
    folder.chmod(0o755)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            Path(parent, name).chmod(0o755)
        for name in files:
            Path(parent, name).chmod(0o644)


def _config(workdir: Path, port: int, site: Path, served: Path, rules: Path | None, root: Path | None) -> str:
    modules = "".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so\n" for name in NEEDED_MODULES)
    return f"""\
ServerRoot "{workdir}"
DefaultRuntimeDir "{workdir}"
PidFile "{workdir}/httpd.pid"
ErrorLog "{workdir}/error.log"
LogLevel warn
LogFormat "%h %u \\"%r\\" %>s" brief
CustomLog "{workdir}/access.log" brief
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
{modules}TypesConfig /etc/mime.types
DocumentRoot "{site}"
DirectoryIndex index.html
<Directory "{site}">
    AllowOverride None
    AuthType Basic
    AuthName "wgo-test"
    AuthBasicProvider file
    AuthUserFile "{served}/users"
    AuthGroupFile "{served}/groups"
    Require all granted
</Directory>
{f'Define WGO_SITE_ROOT "{root}"' if root else ""}
{f'Include "{rules}"' if rules else ""}
"""


@contextmanager
def _running(config: Callable[[int], str], workdir: Path) -> Iterator[str]:
    """Start httpd on a free port (a few tries: another process may take the port first), stop it afterwards."""
    conf = workdir / "httpd.conf"
    for _ in range(PORT_ATTEMPTS):
        port = _free_port()
        conf.write_text(config(port), encoding="utf-8")
        _check_config(conf)
        (workdir / "httpd.pid").unlink(missing_ok=True)
        process = _start(conf, workdir / "httpd.out")
        try:
            if _wait_until_listening(process, port, workdir):
                yield f"http://127.0.0.1:{port}"
                return
        finally:
            _stop(process)
    raise ApacheError(f"httpd could not bind a free port in {PORT_ATTEMPTS} tries:\n{_tail(workdir)}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _check_config(conf: Path) -> None:
    result = subprocess.run([APACHE, "-f", conf, "-t"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ApacheError(f"apache2 -t rejected {conf}:\n{result.stdout}{result.stderr}")


def _start(conf: Path, output: Path) -> subprocess.Popen[bytes]:
    """httpd in the foreground, in its own process group so that its children can be killed with it."""
    with output.open("wb") as out:
        return subprocess.Popen(
            [APACHE, "-f", conf, "-DFOREGROUND"],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )


def _die_with_parent() -> None:
    """In the child before exec: Linux sends httpd SIGTERM when the thread that started it ends, even by SIGKILL.

    So no httpd outlives a killed test run; start the server from a thread that lives as long (pytest's main thread).
    """
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, workdir: Path) -> bool:
    """True once httpd listens, False if it exited because the port was taken; else ApacheError."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            if "could not bind" in (workdir / "httpd.out").read_text(errors="replace"):
                return False
            raise ApacheError(f"httpd exited with {process.returncode}:\n{_tail(workdir)}")
        # httpd writes its pid file once it holds the port; before that, whoever took the port may answer.
        if _pid_in(workdir / "httpd.pid") == process.pid and _accepts(port):
            return True
        time.sleep(0.02)
    raise ApacheError(f"httpd did not listen on 127.0.0.1:{port} within {START_TIMEOUT}s:\n{_tail(workdir)}")


def _pid_in(path: Path) -> int | None:
    try:
        return int(path.read_text())
    except (OSError, ValueError):
        return None


def _accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM stops httpd and its children; what is left after STOP_TIMEOUT is killed with its whole group."""
    if process.poll() is None:
        process.terminate()
        with suppress(subprocess.TimeoutExpired):
            process.wait(STOP_TIMEOUT)
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # children that outlived their parent, if any
    process.wait()


def _tail(workdir: Path, lines: int = 30) -> str:
    """The end of httpd's own output and of its error log."""
    text = ""
    for name in ("httpd.out", "error.log"):
        path = workdir / name
        if path.exists():
            text += f"--- {name}\n" + "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]) + "\n"
    return text
