"""Personal data only for those who need it (issue 19): where the pages that name people live, the one
table of access rules and its two forms (Apache, IIS), and nothing written on bad input.

The rules on a real Apache httpd are in ``test_apache_rules.py``; the scan of every published byte for
names in ``test_no_names.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.access import AccessRule, AccessRules, rule_files
from generator.audience import PLANNERS, PUBLIC, Readers, person_and_leaders, team_leaders
from generator.catalogue import Catalogue
from generator.diagnostics import Location
from generator.generate import generate
from generator.model import Access, Coverage, Organisation, Person, Team
from generator.render.paths import Layout

from .conftest import BUILD_DATE, ROOT, build_site, content_tree, with_site_config

EXAMPLE = ROOT / "content"


def _organisation(*, personal_data: bool = True, access: bool = True) -> Organisation:
    here = Location(path="content/organisation.yml", line=1)
    rules = Access(restricted_folder="beperkt", planners_group="GG-Planners", servers=("apache",), location=here)
    return Organisation(name="X", language="nl", levels=(), teams=(Team(id="ploeg-1", name="Ploeg 1", location=here),),
                        coverage=Coverage(level=3, count=2), improvement_level=None, source_review_months=24,
                        personal_data=personal_data, location=here, access=rules if access else None)


def _person(person_id: str, team: str, *, active: bool = True) -> Person:
    return Person(id=person_id, name="N", team=team, format="f", target_level=None, active=active,
                  location=Location(path="content/people.csv", line=2))


def test_with_access_every_audience_has_a_folder_of_its_own() -> None:
    teams = ("ploeg-1",)
    people = {"p-1": _person("p-1", "ploeg-1"), "p-2": _person("p-2", "ploeg-1", active=False), "p-3": _person("p-3", "weg")}
    layout = Layout(_organisation(), people)
    assert layout.folder(PUBLIC) == ""
    assert layout.folder(PLANNERS) == "beperkt/alle/"
    assert layout.folder(team_leaders("ploeg-1")) == "beperkt/ploeg-1/"
    assert layout.folder(person_and_leaders(people["p-1"], teams)) == "beperkt/ploeg-1/pop/p-1/"
    # Inactive, or without a known team: where the planners read it, never in public.
    assert layout.folder(person_and_leaders(people["p-2"], teams)) == "beperkt/alle/pop/p-2/"
    assert layout.folder(person_and_leaders(people["p-3"], teams)) == "beperkt/alle/pop/p-3/"
    assert (layout.person("p-1").path, layout.person("p-2").path) == ("beperkt/ploeg-1/pop/p-1/index.md", "beperkt/alle/pop/p-2/index.md")
    assert layout.restricted_index() == "beperkt/index.md"
    assert not layout.shows_names(PUBLIC) and layout.shows_names(PLANNERS) and layout.shows_names(team_leaders("x"))


def test_without_access_the_pages_that_name_people_are_where_everyone_reads_them() -> None:
    people = {"p-1": _person("p-1", "ploeg-1")}
    layout = Layout(_organisation(access=False), people)
    assert (layout.folder(PLANNERS), layout.folder(team_leaders("ploeg-1"))) == ("", "teams/ploeg-1/")
    assert layout.person("p-1").path == "pop/p-1/index.md" and layout.matrix("f").path == "matrix/f.md"
    assert layout.restricted_index() is None
    assert layout.shows_names(PUBLIC)  # every reader of the site sees every name (check says so)


def test_without_personal_data_access_restricts_nothing_and_nothing_names_anyone() -> None:
    layout = Layout(_organisation(personal_data=False), {})
    assert layout.restricted is None and layout.restricted_index() is None
    assert not any(layout.shows_names(audience) for audience in (PUBLIC, PLANNERS, team_leaders("t")))


@pytest.fixture(scope="module")
def example() -> object:
    result = generate(EXAMPLE, build_date=BUILD_DATE)
    assert result.site is not None
    return result


def test_every_page_lies_in_the_folder_of_its_audience(example: object) -> None:
    site, layout = example.site, Layout(example.content.organisation, example.content.people)  # type: ignore[attr-defined]
    for item in (*site.pages, *site.files):
        if item.audience.restricted:
            assert item.path.startswith(layout.folder(item.audience)), item.path
            assert item.path.startswith("beperkt/") and item.path != "beperkt/index.md", item.path
        else:
            assert not item.path.startswith("beperkt/") or item.path == "beperkt/index.md", item.path
    # Nothing that names people is left at its address of before.
    old = ("matrix/", "pop/", "teams/", "planning/", "mensen/")
    assert [item.path for item in (*site.pages, *site.files) if item.path.startswith(old)] == []
    readers = {item.audience.readers for item in site.pages}
    assert readers == {Readers.PUBLIC, Readers.TEAM, Readers.PERSON, Readers.PLANNERS}


def test_the_example_has_a_rule_per_team_the_planners_and_each_account(example: object) -> None:
    # Written by hand from content/organisation.yml and content/people.csv.
    planners = "VOORBEELD\\GG-Opleidingen"
    leaders = {"ploeg-1": "VOORBEELD\\GG-Ploeg1-Leiding", "ploeg-2": "VOORBEELD\\GG-Ploeg2-Leiding",
               "dagdienst": "VOORBEELD\\GG-Dagdienst-Leiding"}
    accounts = {("ploeg-1", "p-003"): "VOORBEELD\\jjansen", ("ploeg-1", "p-007"): "VOORBEELD\\myilmaz",
                ("ploeg-2", "p-012"): "VOORBEELD\\rrobberts", ("ploeg-2", "p-015"): "VOORBEELD\\ldeboer",
                ("dagdienst", "p-021"): "VOORBEELD\\mdijkstra"}
    # The restricted folder is the planners' (so is alle/, which needs no rule of its own), a team's folder also its
    # leaders', a person's folder also the person's; people without an account need none beside their team's.
    expected = [AccessRule(folder="beperkt", groups=(planners,), users=())]
    expected += [AccessRule(folder=f"beperkt/{team}", groups=(planners, group), users=()) for team, group in leaders.items()]
    expected += [AccessRule(folder=f"beperkt/{team}/pop/{person}", groups=(planners, leaders[team]), users=(account,))
                 for (team, person), account in accounts.items()]
    table = example.access_rules  # type: ignore[attr-defined]
    assert table.rules == tuple(sorted(expected, key=lambda rule: rule.folder))
    assert table.door == "beperkt/index.html"


def _apache_table(text: str) -> AccessRules:
    """The rules read back from apache.conf, undoing both levels of quoting."""
    [(folder, name)] = re.findall(r'<DirectoryMatch "\^\$\{WGO_SITE_ROOT\}/([^"(]+)\(/\(([^)]+)\)\?\)\?\$">\n'
                                  r"    Require all granted\n</DirectoryMatch>", text)
    [door] = re.findall(r'<IfFile !"\$\{WGO_SITE_ROOT\}/([^"]+)">', text)
    assert door == f"{folder}/{name.replace(chr(92), '')}"
    rules = []
    for folder, body in re.findall(r'<Directory "\$\{WGO_SITE_ROOT\}/([^"]+)">(.*?)</Directory>', text, re.S):
        requires = re.findall(r"^\s*Require (group|user) (.*)$", body, re.M)
        value = [(kind, _apache_word(word)) for kind, word in requires]
        rules.append(AccessRule(folder=folder, groups=tuple(v for k, v in value if k == "group"),
                                users=tuple(v for k, v in value if k == "user")))
    return AccessRules(rules=tuple(rules), door=door)


def _apache_word(written: str) -> str:
    expression = re.sub(r"\\(.)", r"\1", written)  # the expression level: \\ \% \{
    assert expression.startswith('"') and expression.endswith('"'), written
    return re.sub(r'\\([\\"])', r"\1", expression[1:-1])  # the word level: \\ \"


def _iis_table(text: str) -> AccessRules:
    rules, doors = [], []
    for location in ET.fromstring(text.split("\n", 1)[1]).iter("location"):
        adds = list(location.iter("add"))
        authorization = location.find("system.webServer/security/authorization")
        assert authorization is not None and authorization[0].tag == "clear"  # inherited rules cleared, then only allows
        assert {add.get("accessType") for add in adds} == {"Allow"}
        rule = AccessRule(folder=location.get("path") or "", groups=tuple(a.get("roles") or "" for a in adds if a.get("roles")),
                          users=tuple(a.get("users") or "" for a in adds if a.get("users")))
        (doors if rule.users == ("*",) else rules).append(rule)
    [door] = doors
    assert door.groups == ()
    return AccessRules(rules=tuple(rules), door=door.folder)


def test_apache_and_iis_hold_the_same_table_also_for_names_that_need_quoting() -> None:
    tricky = ('GG Ploeg "1"', "CORP\\GG-Leiding", "100% ${HOME} %{REMOTE_USER}", "ends in \\", "Jürgen's groep")
    table = AccessRules(rules=(AccessRule(folder="beperkt", groups=tricky, users=()),
                               AccessRule(folder="beperkt/t/pop/p-1", groups=("GG",), users=("CORP\\jan", "jan@CORP.NL"))),
                        door="beperkt/index.html")
    site = "Jansen --- & Zn <BV> -- with hyphens\nand a second line -"  # in both files' comments on top
    files = rule_files(table, ("apache", "iis"), Catalogue("nl"), site)
    assert _apache_table(files["apache.conf"]) == table
    assert _iis_table(files["web.config"]) == table


def test_an_ldap_group_is_required_as_one_whole_name() -> None:
    dn = "CN=GG Ploeg 1,OU=Groepen,DC=voorbeeld,DC=nl"
    table = AccessRules(rules=(AccessRule(folder="beperkt", groups=(dn, "GG-Plain"), users=()),), door="beperkt/index.html")
    text = rule_files(table, ("apache",), Catalogue("nl"), "")["apache.conf"]
    assert f"        Require ldap-group {dn}\n" in text  # mod_authnz_ldap takes the rest of the line, quotes and all
    assert '        Require group "GG-Plain"\n' in text


def test_the_example_writes_both_files_beside_the_site_and_they_agree(example_site: Path, example: object) -> None:
    folder = example_site.with_name(example_site.name + "-access")
    assert sorted(p.name for p in folder.iterdir()) == ["apache.conf", "web.config"]
    table = example.access_rules  # type: ignore[attr-defined]
    assert _apache_table((folder / "apache.conf").read_text(encoding="utf-8")) == table
    assert _iis_table((folder / "web.config").read_text(encoding="utf-8")) == table
    assert not list(example_site.rglob("apache.conf")) and not list(example_site.rglob("web.config"))


def test_rules_that_no_longer_hold_are_removed_with_the_next_build(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = with_site_config(tmp_path / "project")
    shutil.copytree(EXAMPLE, project / "content")
    site = tmp_path / "site"
    assert build_site(project, site, "--strict").returncode == 0
    assert (tmp_path / "site-access/apache.conf").is_file() and (tmp_path / "site-access/web.config").is_file()
    organisation = project / "content/organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("rules: [apache, iis]", "rules: [apache]"),
                            encoding="utf-8")
    assert build_site(project, site, "--strict").returncode == 0
    assert sorted(p.name for p in (tmp_path / "site-access").iterdir()) == ["apache.conf"]
    organisation.write_text(re.sub(r"(?ms)^access:.*", "", organisation.read_text(encoding="utf-8")), encoding="utf-8")
    assert build_site(project, site).returncode == 0
    assert list((tmp_path / "site-access").iterdir()) == []
    assert (site / "pop/p-003/index.html").is_file()  # without access: where everyone reads it, as before


def test_bad_access_values_write_nothing(tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path, "access-values"))
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode != 0 and "[access-value]" in result.stderr
    assert not (tmp_path / "site").exists() and not (tmp_path / "site-access").exists()
    command = [sys.executable, "-m", "generator", "build", "content", "--out", "out"]
    cli = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert cli.returncode == 1 and "[access-team-folder]" in cli.stdout
    assert not (project / "out").exists()


def test_the_out_tree_carries_the_rules_beside_where_an_engine_builds_the_site(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "generator", "build", str(EXAMPLE), "--out", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in (out / "site-access").iterdir()) == ["apache.conf", "web.config"]
    assert (out / "docs/beperkt/ploeg-1/pop/p-003/index.md").is_file()


def test_check_says_once_that_every_reader_sees_every_name_without_access(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "generator", "check", "content"]
    result = subprocess.run(command, cwd=content_tree(tmp_path), capture_output=True, text=True, check=False)
    assert result.stdout.count("[personal-data-public]") == 1
    assert "content/organisation.yml:13: info: personal_data staat aan zonder 'access:'" in result.stdout
    # With access, a team without a leaders' group is read by the planners alone: check says so.
    organisation = tmp_path / "content/organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "access: {planners_group: GG-Planners}\n", encoding="utf-8")
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert "[personal-data-public]" not in result.stdout
    assert result.stdout.count("[team-without-access-group]") == 2


@pytest.mark.parametrize("credit", [False, True], ids=["team-only", "improvement-authors-public"])
def test_improvements_credit_their_authors_publicly_only_when_the_organisation_chooses_so(tmp_path: Path, credit: bool) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    if credit:
        with (content / "organisation.yml").open("a", encoding="utf-8") as organisation:
            organisation.write("improvement_authors: public\n")
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    page = next(p.markdown for p in result.site.pages if p.path == "verbeteropdrachten/loto-vergrendelbord.md")
    feed = next(f.read().decode() for f in result.site.files if f.path == "feed.xml")
    # content/improvements/loto-vergrendelbord.md: author p-021, co-authors p-001 and p-011 (people.csv).
    authors = "- **Uitgevoerd door:** Marieke Dijkstra, Henk de Vries, Henk van Groningen"
    assert (authors in page) == credit
    assert ("<name>Marieke Dijkstra</name>" in feed) == credit
    assert "pop/" not in page  # never a link into the restricted part
    assert "- **Team:** Dagdienst" in page
