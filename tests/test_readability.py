"""Readability of sources: Flesch–Douma (Dutch) and Flesch reading ease (English), offline."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import textstat

from generator.derive.readability import DIFFICULT_BELOW, EASY_FROM, band, prose, readability


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to reach the network fails the test: the site is built on closed intranets."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"readability tried to use the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


EASY_NL = "De pomp staat uit. Zet de klep dicht. Kijk of de druk nul is. Meld het aan de ploegleider."
HARD_NL = (
    "Voorafgaand aan de inbedrijfstelling van de voedingspompinstallatie dient de verantwoordelijke "
    "procesoperator de functionaliteit van alle veiligheidsgerelateerde instrumentatie, inclusief "
    "drukbeveiligingsvoorzieningen en temperatuurregelingsapparatuur, systematisch te verifiëren en te documenteren."
)
EASY_EN = "The pump is off. Close the valve. Check that the gauge reads zero. Tell the shift lead."
HARD_EN = (
    "Prior to the recommissioning of the feed pump installation, the responsible process operator shall "
    "systematically verify and comprehensively document the operational functionality of all safety-related "
    "instrumentation, including overpressure protection equipment and temperature regulation apparatus."
)


def test_a_simple_dutch_text_scores_higher_than_a_hard_one() -> None:
    easy, hard = readability(EASY_NL, "nl"), readability(HARD_NL, "nl")
    assert easy is not None and hard is not None
    assert easy.score > hard.score
    assert (easy.band, hard.band) == ("easy", "difficult")


def test_english_works_offline_with_its_own_formula() -> None:
    easy, hard = readability(EASY_EN, "en"), readability(HARD_EN, "en")
    assert easy is not None and hard is not None
    assert easy.score > hard.score
    assert (easy.band, hard.band) == ("easy", "difficult")


def test_the_language_is_per_call_and_does_not_leak_into_textstat() -> None:
    """Flesch–Douma and Flesch differ in their weights, so the same text scores differently per language;
    scoring Dutch leaves textstat's shared instance (which other code may use) on its own language."""
    text = "Controleer de druk op de manometer voordat je de afsluiter opent. Meld afwijkingen direct."
    shared_before = textstat.flesch_reading_ease(EASY_EN)
    dutch, english = readability(text, "nl"), readability(text + " ", "en")
    assert dutch is not None and english is not None and dutch.score != english.score
    assert textstat.flesch_reading_ease(EASY_EN) == shared_before


def test_bands_at_their_limits() -> None:
    assert (EASY_FROM, DIFFICULT_BELOW) == (60, 30)
    assert [band(s) for s in (100, 60, 59, 30, 29, 0)] == ["easy", "easy", "average", "average", "difficult", "difficult"]


def test_scores_stay_between_0_and_100() -> None:
    very_easy = readability("Ja. Nee. Dit is het. Dat is het. Kom maar.", "nl")
    very_hard = readability("Arbeidsomstandighedenwetgevingsimplementatieverantwoordelijkheidsverdeling.", "nl")
    assert very_easy is not None and very_easy.score == 100
    assert very_hard is not None and very_hard.score == 0


def test_markdown_syntax_is_not_scored() -> None:
    markdown = (
        "## Stappen\n\n"
        "1. Open de **klep** volgens [de instructie](../bronnen/wi-klep.md).\n"
        "2. Controleer\n   de druk\n"
        "- Zie <https://intranet.example/x> en ![foto](files/a.png)\n\n"
        "| Taak | PBM |\n|---|---|\n| Monstername | bril |\n\n"
        "```\ncode die niemand leest\n```\n"
        "<div class=\"x\">Tekst in <em>HTML</em></div> <!-- verborgen -->\n"
        "!!! warning \"Let op\"\n    Nooit alleen werken.\n"
        "[ref]: https://example.org\n"
    )
    assert prose(markdown) == (
        "Stappen. Open de klep volgens de instructie. Controleer de druk. Zie en. Taak. PBM. Monstername. bril. "
        "Tekst in HTML. Let op. Nooit alleen werken."
    )


@pytest.mark.parametrize("body", ["", "\n\n", "| | |\n|---|---|\n", "```\nalleen code\n```\n", "![foto](a.png)\n"])
def test_no_score_without_text(body: str) -> None:
    assert readability(body, "nl") is None
