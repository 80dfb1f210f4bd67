"""The access rules of the example, on a real Apache httpd (issue 19).

The built example is served with the ``apache.conf`` the build wrote beside it, included as an
organisation would, and users from a password file standing in for the directory: anonymous,
a leader of Ploeg 1, a leader of Ploeg 2, a planner, and two employees with an account in
people.csv. Every file of the site is asked for as each of them. The test also removes each rule
in turn and shows that some answer then changes: no rule is there for nothing, and none is missing
a check.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.access import AccessRule, AccessRules, rule_files
from generator.catalogue import Catalogue

from .apache import APACHE, MODULES, PASSWORD, apache_server, status
from .conftest import ROOT

pytestmark = pytest.mark.apache

# Groups and accounts as content/organisation.yml and content/people.csv name them.
USERS: dict[str | None, tuple[str, ...]] = {
    None: (),  # anonymous
    "leider-ploeg-1": ("VOORBEELD\\GG-Ploeg1-Leiding",),
    "leider-ploeg-2": ("VOORBEELD\\GG-Ploeg2-Leiding",),
    "planner": ("VOORBEELD\\GG-Opleidingen",),
    "VOORBEELD\\jjansen": (),  # Jan Jansen, p-003 in Ploeg 1
    "VOORBEELD\\mdijkstra": (),  # Marieke Dijkstra, p-021 in Dagdienst
}


def expected(path: str, user: str | None) -> int:
    """What each reader gets, by the rules of issue 19, written out by hand from the example's content."""
    folder = path.removeprefix("beperkt/").partition("/")[0] if path.startswith("beperkt/") else ""
    if folder in ("", "index.html"):
        return 200  # the public part: home, formats, work processes, sources, checklists, improvements, health, the door
    if user is None:
        return 401
    readers = {"alle": {"planner"}, "ploeg-1": {"planner", "leider-ploeg-1"}, "ploeg-2": {"planner", "leider-ploeg-2"},
               "dagdienst": {"planner"}}[folder]
    own = {"VOORBEELD\\jjansen": "beperkt/ploeg-1/pop/p-003/", "VOORBEELD\\mdijkstra": "beperkt/dagdienst/pop/p-021/"}
    return 200 if user in readers or path.startswith(own.get(user, "\0")) else 403


@pytest.fixture(scope="module")
def rules(example_site: Path) -> Path:
    return example_site.with_name(example_site.name + "-access") / "apache.conf"


def _published(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def _answers(base: str, paths: list[str]) -> dict[tuple[str, str | None], int]:
    def ask(pair: tuple[str, str | None]) -> int:
        return status(f"{base}/{pair[0]}", pair[1], PASSWORD)

    pairs = [(path, user) for path in paths for user in USERS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(pairs, pool.map(ask, pairs), strict=True))


def _serve(site: Path, rules: Path, workdir: Path) -> Callable[..., object]:
    groups: dict[str, list[str]] = {}
    for user, member_of in USERS.items():
        for group in member_of:
            groups.setdefault(group, []).append(user or "")
    users = {user: PASSWORD for user in USERS if user}
    return lambda: apache_server(site, rules, users=users, groups=groups, workdir=workdir)


def test_every_file_answers_each_reader_as_the_rules_say(example_site: Path, rules: Path, tmp_path: Path) -> None:
    paths = _published(example_site)
    # Folders too, as a browser asks for them (directory URLs): the restricted part's and each POP's.
    paths += sorted({p.rpartition("/")[0] + "/" for p in paths if p.endswith("/index.html") and p.startswith("beperkt/")})
    with _serve(example_site, rules, tmp_path)() as base:  # type: ignore[attr-defined]
        answers = _answers(base, paths)
    assert {key: got for key, got in answers.items() if got != expected(*key)} == {}
    table = Counter(("restricted" if expected(path, None) == 401 else "public", user or "anonymous", got)
                    for (path, user), got in answers.items())
    assert table[("public", "anonymous", 200)] > 100 and table[("restricted", "anonymous", 401)] > 80
    assert table[("restricted", "VOORBEELD\\jjansen", 200)] == sum(p.startswith("beperkt/ploeg-1/pop/p-003/") for p in paths)


def test_removing_any_rule_changes_what_someone_gets(example_site: Path, rules: Path, tmp_path: Path) -> None:
    text = rules.read_text(encoding="utf-8")
    blocks = re.findall(r"\n<Directory(?:Match)? .*?</Directory(?:Match)?>\n", text, re.S)
    assert len(blocks) == 10  # the restricted folder, three teams, five people with an account; the door
    # One page in each folder that has a rule, the planners' folder, and a colleague's folder beside each person's.
    folders = re.findall(r'<Directory "\$\{WGO_SITE_ROOT\}/([^"]+)">', text)
    paths = [f"{folder}/index.html" for folder in folders] + ["beperkt/alle/index.html", "beperkt/ploeg-1/pop/p-001/index.html"]
    for number, block in enumerate(blocks):
        without = tmp_path / f"without-{number}.conf"
        without.write_text(text.replace(block, "\n", 1), encoding="utf-8")
        workdir = tmp_path / f"server-{number}"
        workdir.mkdir()
        with _serve(example_site, without, workdir)() as base:  # type: ignore[attr-defined]
            answers = _answers(base, paths)
        changed = [key for key, got in answers.items() if got != expected(*key)]
        assert changed, f"removing this rule changed nothing:{block}"


def test_names_that_need_quoting_reach_apache_as_written(tmp_path: Path) -> None:
    """Groups and logins as real directories name them, written by the generator's own writer."""
    groups = ('GG Ploeg "1"', "CORP\\GG-Leiding", "100% ${HOME} %{REMOTE_USER}", "ends in \\", "Jürgen's groep")
    users = ("CORP\\jan", "jan@CORP.NL", "a\\\\b")
    rules = (AccessRule(folder="beperkt", groups=("GG-Planners",), users=()), AccessRule(folder="beperkt/t", groups=groups, users=()),
             AccessRule(folder="beperkt/u", groups=(), users=users))
    conf = tmp_path / "apache.conf"
    table = AccessRules(rules=rules, door="beperkt/index.html")
    conf.write_text(rule_files(table, ("apache",), Catalogue("nl"), "")["apache.conf"], encoding="utf-8")
    site = tmp_path / "site"
    for folder in ("beperkt", "beperkt/t", "beperkt/u"):
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text("x", encoding="utf-8")
    members = {f"member-{number}": group for number, group in enumerate(groups)}
    accounts = {user: PASSWORD for user in (*members, *users, "someone-else")}
    workdir = tmp_path / "server"
    workdir.mkdir()
    with apache_server(site, conf, users=accounts, groups={group: [member] for member, group in members.items()},
                       workdir=workdir) as base:
        assert [status(f"{base}/beperkt/t/", member) for member in members] == [200] * len(groups)
        assert [status(f"{base}/beperkt/u/", user) for user in users] == [200] * len(users)
        assert (status(f"{base}/beperkt/t/", "someone-else"), status(f"{base}/beperkt/u/", "member-0")) == (403, 403)


def test_an_ldap_group_parses_in_apache_with_mod_authnz_ldap(tmp_path: Path) -> None:
    """``Require ldap-group`` cannot be tried without a directory here; httpd's own syntax check can."""
    rules = (AccessRule(folder="beperkt", groups=("CN=GG Ploeg 1,OU=Groepen,DC=voorbeeld,DC=nl", "CN=100% \\, x"), users=()),)
    table = AccessRules(rules=rules, door="beperkt/index.html")
    (tmp_path / "apache.conf").write_text(rule_files(table, ("apache",), Catalogue("nl"), "")["apache.conf"], encoding="utf-8")
    (tmp_path / "beperkt").mkdir()
    (tmp_path / "beperkt/index.html").write_text("door", encoding="utf-8")  # the rules refuse to load without it
    modules = "\n".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so"
                        for name in ("mpm_event", "authn_core", "authz_core", "authz_user", "ldap", "authnz_ldap"))
    config = tmp_path / "httpd.conf"
    config.write_text(f"ServerRoot {tmp_path}\nServerName localhost\nErrorLog {tmp_path}/error.log\nListen 127.0.0.1:65000\n{modules}\n"
                      f"Define WGO_SITE_ROOT {tmp_path}\nInclude {tmp_path / 'apache.conf'}\n", encoding="utf-8")
    result = subprocess.run([str(APACHE), "-t", "-f", str(config)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "Syntax OK" in result.stderr, result.stderr


def test_a_folder_that_no_rule_names_is_closed_not_open(example_site: Path, rules: Path, tmp_path: Path) -> None:
    """A team added to the site but not yet to the server's copy of the rules, or a stray file, reads as the
    restricted folder does: the planners' only. Only the door is open."""
    site = tmp_path / "site"
    shutil.copytree(example_site, site)
    (site / "beperkt/nacht/pop/p-099").mkdir(parents=True)
    (site / "beperkt/nacht/index.html").write_text("nacht", encoding="utf-8")
    (site / "beperkt/nacht/pop/p-099/index.html").write_text("pop", encoding="utf-8")
    (site / "beperkt/los.html").write_text("los", encoding="utf-8")
    paths = ["beperkt/nacht/", "beperkt/nacht/pop/p-099/index.html", "beperkt/los.html", "beperkt/", "beperkt/index.html"]
    workdir = tmp_path / "server"
    workdir.mkdir()
    with _serve(site, rules, workdir)() as base:  # type: ignore[attr-defined]
        answers = _answers(base, paths)
    for path in paths[:3]:
        assert [answers[path, user] for user in USERS] == [401, 403, 403, 200, 403, 403], path
    for path in paths[3:]:
        assert {answers[path, user] for user in USERS} == {200}, path


def test_the_rules_refuse_to_load_for_another_folder_than_the_site(rules: Path, tmp_path: Path) -> None:
    """A mistyped WGO_SITE_ROOT would protect nothing: httpd stops with a message instead."""
    config = tmp_path / "httpd.conf"
    modules = "\n".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so" for name in ("mpm_event", "authz_core", "authz_groupfile",
                                                                                          "authz_user"))
    config.write_text(f"ServerRoot {tmp_path}\nServerName localhost\nErrorLog {tmp_path}/error.log\nListen 127.0.0.1:65000\n"
                      f"{modules}\nDefine WGO_SITE_ROOT {tmp_path}/elders\nInclude {rules}\n", encoding="utf-8")
    result = subprocess.run([str(APACHE), "-t", "-f", str(config)], capture_output=True, text=True, check=False)
    assert result.returncode != 0
    expected = "ontbreekt: WGO_SITE_ROOT moet de map zijn waar deze site naartoe is gekopieerd"  # the site's language
    assert f"{tmp_path}/elders/beperkt/index.html {expected}" in result.stderr


def test_the_readmes_production_setup_loads_with_the_rules(example_site: Path, tmp_path: Path) -> None:
    """The README's virtual host, as printed there, with rules for groups written as LDAP names: httpd accepts it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [snippet] = re.findall(r"```apache\n(.*?)```", readme, re.S)
    dn = "CN={},OU=Groepen,DC=voorbeeld,DC=nl".format
    table = AccessRules(rules=(AccessRule(folder="beperkt", groups=(dn("GG-Opleidingen"),), users=()),
                               AccessRule(folder="beperkt/ploeg-1", groups=(dn("GG-Opleidingen"), dn("GG-Ploeg1-Leiding")),
                                          users=("pvoorbeeld",))), door="beperkt/index.html")
    (tmp_path / "apache.conf").write_text(rule_files(table, ("apache",), Catalogue("nl"), "")["apache.conf"], encoding="utf-8")
    (tmp_path / "ldap-password").write_text("geheim\n", encoding="utf-8")
    snippet = snippet.replace("/var/www/opleiden", str(example_site)).replace("/etc/apache2/wgo", str(tmp_path))
    modules = "\n".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so" for name in (
        "mpm_event", "authn_core", "authz_core", "authz_user", "auth_basic", "ldap", "authnz_ldap"))
    config = tmp_path / "httpd.conf"
    config.write_text(f"ServerRoot {tmp_path}\nServerName localhost\nErrorLog {tmp_path}/error.log\nListen 127.0.0.1:65000\n"
                      f"{modules}\n{snippet}", encoding="utf-8")
    result = subprocess.run([str(APACHE), "-t", "-f", str(config)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "Syntax OK" in result.stderr, result.stderr
