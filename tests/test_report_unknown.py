"""Unknown is a value everywhere (issue 10, item 4): tests/fixtures/okant, end to end.

Every event kind of the fixture year has a hand-entered count or a required field
written as `okänt` or `ej registrerat`. Each test finds it counted apart ("uppgift
saknas för 1") on the year page, in the PDF and in the open data: never summed as a
zero, never a share of a zero, never a placeholder date. The same year holds a gap
found by entering a real berättelse: avvikelser i samverkan with another förvaltning.
"""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest

from tests.conftest import REPO, build_site, copy_example
from tests.test_report_real import read_year, row

FIXTURE = REPO / "tests" / "fixtures" / "okant" / "reports"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The fixture built once with its PDF: page, PDF text and nyckeltal.json."""
    root = copy_example(tmp_path_factory.mktemp("okant"))
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    return read_year(root / "site" / "kvalitetsberattelse" / "2025")


def known_and_missing(built: dict[str, Any], name: str) -> tuple[object, object]:
    figure = built["json"][name]
    return figure["värde"], figure["uppgift_saknas"]


def test_klagomal_with_an_unknown_antal(built: dict[str, Any]) -> None:
    caption = "Klagomål och synpunkter 2025 per enhet och avsändare"
    assert row(built, caption, "Hemtjänst Söder")[1:] == [
        "0",
        "uppgift saknas för 1",
        "uppgift saknas för 1",
    ]
    assert row(built, caption, "Summa")[1:] == [
        "12",
        "uppgift saknas för 1",
        "12 (uppgift saknas för 1)",
    ]
    assert known_and_missing(built, "klagomal.total") == (12, 1)
    assert built["json"]["klagomal.total"]["förändring"] is None  # a lower bound has no change
    assert known_and_missing(built, "klagomal.andel-i-tid") == (None, 1)
    assert row(built, "Klagomål 2025 i sammandrag", "Andel besvarade i tid")[1] == "uppgift saknas"
    assert "12 klagomål och synpunkter, uppgift saknas för 1" in built["pdf"]


def test_avvikelser_with_an_unknown_antal(built: dict[str, Any]) -> None:
    assert row(built, "Avvikelser på individnivå", "Avvikelser enligt SoL")[1:] == [
        "14 (uppgift saknas för 1)",
        "14 (uppgift saknas för 1)",
        "14 (uppgift saknas för 1)",
        "uppgift saknas",
    ]
    assert known_and_missing(built, "avvikelser.sol.total") == (14, 1)
    assert known_and_missing(built, "avvikelser.sol.andel-utredda") == (None, 1)
    assert known_and_missing(built, "avvikelser.total") == (23, 1)
    assert "14 SoL-avvikelser, uppgift saknas för 1" in built["pdf"]
    # "andel utredda 0,0 %" would be a false figure; a share of an unknown is no percentage.
    zero_share = re.compile(r"(?<![\d,]) ?0,0 %")
    assert not zero_share.search(built["page"]) and not zero_share.search(built["pdf"])


def test_personuppgiftsincidenter_with_unknown_antal_and_anmalda(built: dict[str, Any]) -> None:
    caption = "Personuppgiftsincidenter 2025"
    assert row(built, caption, "Hemtjänst Norr")[1:] == ["4", "uppgift saknas för 1"]
    assert row(built, caption, "Summa")[1:] == ["4 (uppgift saknas för 1)", "uppgift saknas för 2"]
    assert known_and_missing(built, "personuppgiftsincidenter.anmalda-imy") == (None, 2)
    assert "Summa 4 (uppgift saknas för 1) uppgift saknas för 2" in built["pdf"]


def test_lex_sarah_and_maria_with_unknown_fields(built: dict[str, Any]) -> None:
    assert row(built, "Lex Sarah-utredningar per kategori", "Uppgift saknas")[1] == "1"
    assert built["json"]["lex-sarah.kategori.uppgift-saknas"]["värde"] == 1
    # bedömning: ej registrerat and no closing date: ongoing or closed is not known, so
    # pågående is a lower bound and the case has a status of its own, never a false count.
    pagaende = built["json"]["lex-sarah.pagaende"]
    assert (pagaende["värde"], pagaende["uppgift_saknas"]) == (0, 1)
    assert built["json"]["lex-sarah.status-okand"]["värde"] == 1
    # IVO's beslut written as okänt is never a figure of "utan kritik" or "kritik".
    assert not any(name.startswith("lex-sarah.ivo.") for name in built["json"])
    # An unknown inkom gives no duration and no placeholder date.
    assert row(built, "Utredda händelser enligt lex Maria", "lm-1")[3] == "2025-05-02"
    assert "1900-01-01" not in built["page"] and "1900-01-01" not in built["pdf"]
    assert "Utredningar 2" in built["pdf"]


def test_ej_verkstallda_beslut_with_unknown_fields(built: dict[str, Any]) -> None:
    assert row(built, "Ej verkställda beslut 2025 per kön", "Uppgift saknas")[1] == "1"
    assert row(built, "Ej verkställda beslut 2025 per enhet", "Uppgift saknas")[1] == "1"
    assert built["json"]["ej-verkstallda-beslut.kvartal.uppgift-saknas"]["värde"] == 1
    assert built["json"]["ej-verkstallda-beslut.lagrum.uppgift-saknas"]["värde"] == 1


def test_egenkontroller_with_unknown_date_result_and_value(built: dict[str, Any]) -> None:
    caption = "Egenkontroller 2025 per processteg"
    cells = row(built, caption, "Hemtjänst › Genomförande › Planera insatsen")
    assert cells[2] == "–"  # datum: okänt prints no date
    assert cells[3] == "Uppgift saknas : uppgift saknas mot målet 65 %"
    assert row(built, "Egenkontroller 2025 per process och delprocess", "Summa")[1:] == [
        "1",
        "0",
        "0",
        "2",
        "3",
    ]
    assert built["json"]["egenkontroller.uppgift-saknas"]["värde"] == 2
    assert known_and_missing(built, "egenkontroller.andel-godkanda") == (None, 2)
    assert "Uppgift saknas: uppgift saknas mot målet 65 %" in built["pdf"]


def test_indikatorer_with_an_unknown_value_or_numerator(built: dict[str, Any]) -> None:
    caption = "Indikatorer 2025"
    assert row(built, caption, "Svarsfrekvens i brukarundersökningen")[1] == "uppgift saknas"
    assert row(built, caption, "Väntetid till särskilt boende")[1:3] == [
        "uppgift saknas",
        "52 dagar",
    ]
    waiting = built["json"]["indikatorer.vantetid"]
    assert (waiting["värde"], waiting["förändring"], waiting["utveckling"]) == (None, None, None)
    assert built["json"]["indikatorer.svarsfrekvens"]["värde"] is None
    assert re.search(r"Svarsfrekvens i brukarundersökningen .{0,40}uppgift saknas", built["pdf"])


def test_avvikelser_in_samverkan_name_their_motpart(built: dict[str, Any]) -> None:
    """A real berättelse had an avvikelse from another förvaltning: never "från regionen"."""
    caption = "Avvikelser i samverkan med regionen och andra förvaltningar"
    assert row(built, caption, "Skickade till regionen")[1] == "2"
    assert row(built, caption, "Mottagna från andra förvaltningar")[1] == "1"
    assert row(built, caption, "Mottagna från regionen")[1] == "0"
    assert built["json"]["avvikelser.samverkan.andra-forvaltningar.mottagna"]["värde"] == 1
    assert built["json"]["avvikelser.samverkan.mottagna"]["beskrivning"] == (
        "avvikelser i samverkan mottagna från andra huvudmän och förvaltningar"
    )
    assert "Mottagna från andra förvaltningar 1" in built["pdf"]
    assert "Mottagna från regionen 1" not in built["pdf"]
