"""The Apache harness (tests/apache.py) with a hand-written rules file in the form the generator will write.

In a ``Require`` line a value is quoted and every backslash written four times: Apache reads the line
first as an expression string (one level of backslashes), then splits it into words (another).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .apache import PASSWORD, ApacheError, apache_server, status

pytestmark = pytest.mark.apache

GUARD = """\
<IfDefine !WGO_SITE_ROOT>
Error "Define WGO_SITE_ROOT as the folder of the built site before including these access rules"
</IfDefine>
"""

RULES = (
    GUARD
    + r"""<Directory "${WGO_SITE_ROOT}/beperkt/t1">
    AuthzSendForbiddenOnFailure On
    <RequireAny>
        Require group "GG Ploeg 1"
        Require group "GG-Planners"
    </RequireAny>
</Directory>
<Directory "${WGO_SITE_ROOT}/beperkt/t1/pop/p1">
    AuthzSendForbiddenOnFailure On
    <RequireAny>
        Require group "GG Ploeg 1"
        Require group "GG-Planners"
        Require user "CORP\\\\jan"
    </RequireAny>
</Directory>
<Directory "${WGO_SITE_ROOT}/beperkt/alle">
    AuthzSendForbiddenOnFailure On
    Require group "GG-Planners"
</Directory>
"""
)

LEADER, PLANNER, JAN = "jan@CORP.NL", "Jürgen Planner", "CORP\\jan"
USERS = {LEADER: PASSWORD, PLANNER: PASSWORD, JAN: PASSWORD}
GROUPS = {"GG Ploeg 1": [LEADER], "GG-Planners": [PLANNER]}
PAGES = ["index.html", "beperkt/index.html", "beperkt/t1/index.html", "beperkt/t1/pop/p1/index.html", "beperkt/alle/index.html"]


def _site(folder: Path) -> Path:
    for page in PAGES:
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / page).write_text(f"<p>{page}</p>\n", encoding="utf-8")
    return folder


def _rules(folder: Path, text: str) -> Path:
    path = folder / "rules.conf"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("apache")
    site = _site(folder / "site")
    with apache_server(site, _rules(folder, RULES), users=USERS, groups=GROUPS, workdir=folder) as url:
        yield url


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/", 200), ("/index.html", 200), ("/beperkt/", 200), ("/beperkt/index.html", 200), ("/beperkt/t1/", 401), ("/beperkt/alle/", 401)],
)
def test_anonymous(server: str, path: str, expected: int) -> None:
    assert status(server + path) == expected


@pytest.mark.parametrize(
    ("user", "path", "expected"),
    [
        (LEADER, "/beperkt/t1/", 200),
        (LEADER, "/beperkt/t1/index.html", 200),
        (LEADER, "/beperkt/t1/pop/p1/", 200),
        (LEADER, "/beperkt/alle/", 403),
        (PLANNER, "/", 200),
        (PLANNER, "/beperkt/", 200),
        (PLANNER, "/beperkt/t1/", 200),
        (PLANNER, "/beperkt/t1/pop/p1/", 200),
        (PLANNER, "/beperkt/alle/", 200),
        (JAN, "/beperkt/t1/pop/p1/", 200),
        (JAN, "/beperkt/t1/pop/p1/index.html", 200),
        (JAN, "/beperkt/t1/", 403),
        (JAN, "/beperkt/alle/", 403),
    ],
)
def test_signed_in(server: str, user: str, path: str, expected: int) -> None:
    assert status(server + path, user) == expected


@pytest.mark.parametrize(
    ("user", "password"),
    [("onbekend", PASSWORD), (PLANNER, "fout"), (JAN, "fout"), ("CORP\\\\jan", PASSWORD), ("corp\\jan", PASSWORD)],
)
def test_not_signed_in(server: str, user: str, password: str) -> None:
    """An unknown user or a wrong password asks again (401); names are exact, byte for byte.

    Where everyone may read (``Require all granted``), Apache does not look at credentials at all.
    """
    assert status(server + "/beperkt/t1/", user, password) == 401
    assert status(server + "/beperkt/alle/", user, password) == 401
    assert status(server + "/", user, password) == 200


def test_broken_rules_show_apaches_message(tmp_path: Path) -> None:
    rules = _rules(tmp_path, '<Directory "${WGO_SITE_ROOT}/beperkt">\n    Require grop "GG-Planners"\n</Directory>\n')
    with (
        pytest.raises(ApacheError, match=r"(?s)rules\.conf.*grop"),
        apache_server(_site(tmp_path / "site"), rules, users=USERS, groups=GROUPS, workdir=tmp_path),
    ):
        pytest.fail("httpd started with a broken rules file")


def test_missing_define_is_caught(tmp_path: Path) -> None:
    rules = _rules(tmp_path, RULES)
    with (
        pytest.raises(ApacheError, match="Define WGO_SITE_ROOT as the folder"),
        apache_server(_site(tmp_path / "site"), rules, users=USERS, groups=GROUPS, workdir=tmp_path, define_root=False),
    ):
        pytest.fail("httpd started without WGO_SITE_ROOT")


def _httpd_processes(conf: Path) -> list[int]:
    """The ids of the processes (httpd and its children) started with this config file."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(conf).encode() in cmdline.read_bytes().split(b"\0"):
                found.append(int(cmdline.parent.name))
        except OSError:  # it ended while we looked
            continue
    return found


def test_stops_and_cleans_up_when_the_test_fails(tmp_path: Path) -> None:
    with pytest.raises(ZeroDivisionError), apache_server(_site(tmp_path / "site"), None, users=USERS, groups={}, workdir=tmp_path) as url:
        assert status(url + "/") == 200
        served = Path((tmp_path / "httpd.conf").read_text().split('DocumentRoot "')[1].split('"')[0]).parent
        assert _httpd_processes(tmp_path / "httpd.conf")
        _ = 1 / 0
    assert not served.exists()
    assert not _httpd_processes(tmp_path / "httpd.conf")
    with pytest.raises(OSError):
        status(url + "/")
