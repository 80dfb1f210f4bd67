"""Reading: YAML lines, CSV dialects, front matter, escaping, the catalogue."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue import ENTRIES, LANGUAGES, Catalogue
from generator.csvfile import parse_date
from generator.derive.levels import Status
from generator.derive.readability import BANDS
from generator.diagnostics import Location, Report
from generator.generate import generate
from generator.model import IMPROVEMENT_METHODS, IMPROVEMENT_STATUSES, KINDS, SOURCE_STATUSES, SOURCE_TYPES
from generator.read import read_content
from generator.render.escape import escape_text, escape_url
from generator.render.renderer import relative_link
from generator.writer import nav_config
from generator.yamlfile import YamlList, YamlMap, load_yaml_text

from .conftest import BUILD_DATE, ROOT, content_tree

HERE = Location(path="x.yml")


def test_yaml_keeps_the_line_of_every_key_and_item() -> None:
    data = load_yaml_text("a: 1\nb:\n  - x\n  - y\nc: {d: 2}\n", HERE, Report())
    assert isinstance(data, YamlMap)
    assert data.key_lines == {"a": 1, "b": 2, "c": 5}
    assert isinstance(data["b"], YamlList) and data["b"].item_lines == [3, 4]
    assert data["c"].key_lines == {"d": 5}


def test_yaml_keeps_the_raw_text_of_scalars() -> None:
    data = load_yaml_text('version: 3.10\ntitle: "x"\n', HERE, Report())
    assert data["version"] == 3.1 and data.raw["version"] == "3.10"


def test_yaml_error_is_reported_with_its_line() -> None:
    report = Report()
    assert load_yaml_text("a: 1\nb: [1, 2\nc: 3\n", HERE, report, line_offset=1) is None
    [message] = report.messages
    assert message.code == "yaml-syntax" and message.location.line == 4


@pytest.mark.parametrize(("text", "date"), [
    ("2026-03-02", dt.date(2026, 3, 2)),
    ("02-03-2026", dt.date(2026, 3, 2)),
    ("2-3-2026", dt.date(2026, 3, 2)),
    ("02/03/2026", None),  # with / or . day and month may have swapped (US Excel): refused
    ("1.3.2026", None),
    ("2026-02-30", None),
    ("03-02", None),
    ("gisteren", None),
])
def test_dates_in_csv(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


def test_excel_export_reads_like_plain_csv(tmp_path: Path) -> None:
    """A Dutch Excel export: ';' separator, byte-order mark, CR LF, DD-MM-YYYY dates."""
    plain = content_tree(tmp_path / "plain") / "content"
    excel = content_tree(tmp_path / "excel") / "content"
    for name in ("people.csv", "signoffs.csv", "planning.csv"):
        text = (plain / name).read_text(encoding="utf-8")
        text = re.sub(r"(\d{4})-(\d{2})-(\d{2})", r"\3-\2-\1", text).replace(",", ";").replace("\n", "\r\n")
        (excel / name).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    plain_report, excel_report = Report(), Report()
    plain_content, excel_content = read_content(plain, plain_report), read_content(excel, excel_report)
    assert excel_report.messages == plain_report.messages == []
    assert [s.date for s in excel_content.signoffs] == [s.date for s in plain_content.signoffs]
    assert [(p.id, p.name, p.team) for p in excel_content.people.values()] == [
        (p.id, p.name, p.team) for p in plain_content.people.values()]
    assert excel_content.planning[0].due == dt.date(2027, 3, 1)


def test_escape_text_neutralises_html_and_markdown() -> None:
    assert str(escape_text("<b>*x*</b> | [a](b)")) == (
        "&lt;b&gt;&#42;x&#42;&lt;/b&gt; &#124; &#91;a&#93;(b)")
    assert str(escape_text("it's \"#1\" & more")) == "it&#39;s &#34;&#35;1&#34; &amp; more"
    assert str(escape_text("two\nlines")) == "two lines"
    assert str(escape_text("- not a list")) == "&#45; not a list"
    assert str(escape_text("1. not a list")) == "1&#46; not a list"
    assert str(escape_text("a - b 1. c")) == "a - b 1. c"
    assert str(escape_url("https://x.nl/a b(c)")) == "https://x.nl/a%20b%28c%29"


def test_catalogue_has_both_languages_and_every_key_used() -> None:
    used = set()
    for template in (ROOT / "generator" / "templates").glob("*.j2"):
        used |= set(re.findall(r"""\bt\(\s*['"]([a-z0-9.-]+)['"]""", template.read_text(encoding="utf-8")))
        used |= set(re.findall(r"""t\(\s*'([a-z-]+\.)' ~""", template.read_text(encoding="utf-8")))
    for module in (ROOT / "generator").rglob("*.py"):
        used |= set(re.findall(r"""\b(?:t|catalogue|result\.catalogue|c\.t)\(\s*['"]([a-z0-9.-]+)['"]""", module.read_text()))
    assert used, "the scan found no keys"
    prefixes = {key for key in used if key.endswith(".")}
    assert prefixes == {"kind.", "status.", "source-type.", "source-status.", "improvement-method.", "improvement-status.", "readability."}
    used |= {f"kind.{k}" for k in KINDS} | {f"status.{s.value}" for s in Status}
    used |= {f"readability.{band}" for band in BANDS}
    used |= {f"improvement-method.{m}" for m in IMPROVEMENT_METHODS} | {f"improvement-status.{s}" for s in IMPROVEMENT_STATUSES}
    used |= {f"source-type.{t}" for t in SOURCE_TYPES} | {f"source-status.{s}" for s in SOURCE_STATUSES}
    assert sorted(used - prefixes - set(ENTRIES)) == []
    for key, words in ENTRIES.items():
        assert len(words) == len(LANGUAGES) and (all(words) or key == "hint.none"), key


def test_catalogue_words_in_english() -> None:
    assert Catalogue("en")("label.level") == "Level"
    assert Catalogue("nl")("label.level") == "Niveau"
    assert Catalogue("xx").language == "nl"


def test_message_codes_used_in_code_exist() -> None:
    codes = set()
    for module in (ROOT / "generator").rglob("*.py"):
        codes |= set(re.findall(r"""\.(?:error|warning|info)\([^,]+,\s*['"]([a-z-]+)['"]""", module.read_text()))
    codes |= set(re.findall(r"""self\._error\(['"]([a-z-]+)['"]""", (ROOT / "generator/read/tables.py").read_text()))
    assert len(codes) > 20
    assert sorted(codes - set(ENTRIES)) == []


@pytest.mark.parametrize(("page", "target", "link"), [
    ("index.md", "werkprocessen/a.md", "werkprocessen/a.md"),
    ("werkprocessen/a.md", "werkprocessen/index.md", "index.md"),
    ("werkprocessen/a.md", "bronnen/b.md", "../bronnen/b.md"),
    ("werkprocessen/a.md", "index.md", "../index.md"),
    ("a/b/c.md", "a/d.md", "../d.md"),
    ("a/b/c.md", "a/b/c.md", "c.md"),
])
def test_relative_links(page: str, target: str, link: str) -> None:
    assert relative_link(page, target) == link


def test_free_page_title_decodes_entities_once(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    (content / "pages" / "veiligheid.md").write_text("# Veiligheid &amp; milieu\n\nTekst.\n", encoding="utf-8")
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    assert next(p.title for p in result.site.pages if p.path == "veiligheid.md") == "Veiligheid & milieu"
    # The navigation escapes it again for HTML: once, not "&amp;amp;".
    assert {"Veiligheid &amp; milieu": "veiligheid.md"} in nav_config(result.site.nav)
