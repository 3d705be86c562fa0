"""Messy and hostile content: one exact Swedish message each, never a traceback, no site.

Issue 14's cases beyond the YAML corpus (tests/test_hostile_yaml.py): extreme settings,
front matter, personnummer in every disguise, symbolic links, self-references.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.privacy import mask, personal_number_lines
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import run_cli, run_mkdocs_build

RUTIN = "routines/rapportera-avvikelse.md"
PROCESS = "processes/avvikelsehantering.yml"
PNR_HINT = (
    "Personuppgifter får aldrig publiceras; ta bort numret eller skriv om texten så att ingen "
    "person kan identifieras. Är det inget personnummer (t.ex. ett ordernummer), skriv "
    "ej-personnummer i en kommentar på samma rad."
)
# The exemption hash of 19121212-1212 (and 121212-1212) with the tiny fixture's salt: what
# the message offers instead.
PNR_1212_HASH = "pnr-e3b48427c68d820ce9ca48b98c21e85c"
PNR_1212_HINT = (
    f'{PNR_HINT} Eller lägg till "{PNR_1212_HASH}" under ej_personnummer: i ledningssystem.yml '
    "(numret självt skrivs då inte i arkivet)."
)


def errors_of(root: Path) -> list[str]:
    try:
        load_ledningssystem(root)
    except ContentErrors as errors:
        return [e.format() for e in errors.errors]
    return []


def _replace(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


SETTINGS_CASES = [
    (
        "idag: 2025-06-01",
        "idag: 0001-01-01",
        'ledningssystem.yml:3 – fältet "idag": datumet 0001-01-01 ligger utanför åren '
        "1900–2199; kontrollera året.",
    ),
    (
        "idag: 2025-06-01",
        "idag: 9999-12-31",
        'ledningssystem.yml:3 – fältet "idag": datumet 9999-12-31 ligger utanför åren '
        "1900–2199; kontrollera året.",
    ),
    (
        "horisont_dagar: 90",
        "horisont_dagar: 99999999",
        'ledningssystem.yml:2 – fältet "dokumentstyrning › horisont_dagar": värdet 99999999 '
        "ligger utanför det tillåtna. Villkor: högst 3650.",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), SETTINGS_CASES)
def test_extreme_settings_are_refused_before_any_date_arithmetic(
    tiny_root: Path, old: str, new: str, expected: str
) -> None:
    _replace(tiny_root, "ledningssystem.yml", old, new)
    assert errors_of(tiny_root) == [expected]


def test_extreme_settings_stop_the_build_without_traceback(tiny_root: Path) -> None:
    _replace(tiny_root, "ledningssystem.yml", "horisont_dagar: 90", "horisont_dagar: 99999999")
    result = run_mkdocs_build(tiny_root)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "OverflowError" not in output and "Traceback" not in output
    assert "ledningssystem.yml:2" in output
    assert not (tiny_root / "site").exists()


def test_a_date_in_a_document_far_in_the_future_is_refused(tiny_root: Path) -> None:
    _replace(tiny_root, RUTIN, "revideras_senast: 2026-01-15", "revideras_senast: 9999-01-15")
    assert errors_of(tiny_root) == [
        f'{RUTIN}:11 – fältet "revideras_senast": datumet 9999-01-15 ligger utanför åren '
        "1900–2199; kontrollera året."
    ]


def test_a_step_that_follows_itself_is_refused(tiny_root: Path) -> None:
    _replace(tiny_root, PROCESS, "    rutiner: [rapportera-avvikelse]", "    nästa: [rapportera]")
    assert errors_of(tiny_root) == [
        f'{PROCESS}:22 – fältet "steg nr 1 › nästa nr 1": steget "rapportera" pekar på sig '
        "självt. Skriv vilket steg som kommer efter, eller ta bort raden."
    ]


def test_front_matter_without_closing_line_is_told_as_such(tiny_root: Path) -> None:
    _replace(tiny_root, RUTIN, "nyckelord: [avvikelse]\n---\n", "nyckelord: [avvikelse]\n")
    assert errors_of(tiny_root) == [
        f"{RUTIN}:1: metadata överst i filen avslutas aldrig med en rad ---. Skriv en rad med "
        "bara --- efter sista metadataraden (före rutinens text)."
    ]


def test_unclosed_quote_is_swedish_and_points_at_its_start(tiny_root: Path) -> None:
    _replace(tiny_root, RUTIN, "titel: Rapportera en avvikelse", 'titel: "Rapportera en avvikelse')
    assert errors_of(tiny_root) == [
        f"{RUTIN}:3: felaktig YAML: ett citattecken öppnas men stängs aldrig; avsluta texten "
        "med samma citattecken."
    ]


def test_format_keeps_dots_in_what_the_author_wrote() -> None:
    error = ContentError("docs/x.md", 3, "länk", 'sökvägen "../x" finns inte', "Skriv ../y.")
    assert error.format() == 'docs/x.md:3 – fältet "länk": sökvägen "../x" finns inte. Skriv ../y.'


PERSONNUMMER = [
    "pnr:19121212-1212",
    "Anmälan 19121212-1212: klar",
    "född 19121212–1212",
    "nr 19121212 1212",
    "id 121212_1212",
    "nr 121212\\-1212",
    "nr 19121212\\x2d1212",
    "nr 121212&#45;1212",
]


@pytest.mark.parametrize("text", PERSONNUMMER)
def test_personnummer_in_disguise_is_found(text: str) -> None:
    assert personal_number_lines(f"rad\n{text}\n") == [2]
    assert "1212" not in mask(text).replace("ÅÅMMDD-XXXX", "")


def test_exempt_line_and_ordinary_numbers_pass() -> None:
    assert personal_number_lines("Order 1212121212 <!-- ej-personnummer -->\n") == []
    assert personal_number_lines("2025-01-01 kl 12:30, tel 0701234567, dnr 2025/123\n") == []


def test_personnummer_in_a_rutin_is_refused_and_never_echoed(tiny_root: Path) -> None:
    _replace(tiny_root, RUTIN, "Text.", "Brukare pnr:19121212-1212 ringde.")
    assert errors_of(tiny_root) == [
        f"{RUTIN}:20: raden innehåller något som ser ut som ett personnummer eller "
        f"samordningsnummer. {PNR_1212_HINT}"
    ]


def test_validators_never_echo_a_personnummer(tiny_root: Path) -> None:
    _replace(tiny_root, RUTIN, "typ: rutin", "typ: 121212-1212 <!-- ej-personnummer -->")
    _replace(tiny_root, RUTIN, "ägare: kvalitetschef", "ägare: '19121212-1212' # ej-personnummer")
    found = "\n".join(errors_of(tiny_root))
    assert "1212" not in found.replace("ÅÅMMDD-XXXX", "")
    assert 'ogiltigt värde "ÅÅMMDD-XXXX <!-- ej-personnummer -->"' in found


@pytest.mark.parametrize(
    "name", ["intyg.markdown", "intyg.html", "bild.svg", "lista.tsv", "sida.md"]
)
def test_every_docs_file_is_scanned(tiny_root: Path, name: str) -> None:
    (tiny_root / "docs" / name).write_text("Om oss\n19121212-1212\n", encoding="utf-8")
    assert errors_of(tiny_root) == [
        f"docs/{name}:2: raden innehåller något som ser ut som ett personnummer eller "
        f"samordningsnummer. {PNR_1212_HINT}"
    ]


def test_file_names_are_scanned_and_masked(tiny_root: Path) -> None:
    (tiny_root / "docs" / "intyg-19121212-1212.md").write_text("# Intyg\n", encoding="utf-8")
    assert errors_of(tiny_root) == [
        "docs/intyg-ÅÅMMDD-XXXX.md: filnamnet innehåller något som ser ut som ett "
        "personnummer. Byt namn på filen."
    ]


def test_symlink_out_of_the_repository_is_refused(tiny_root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "hemligt.md"
    outside.write_text("# Hemligt\n", encoding="utf-8")
    (tiny_root / "docs" / "hemligt.md").symlink_to(outside)
    assert errors_of(tiny_root) == [
        "docs/hemligt.md: en symbolisk länk till något utanför arkivet. Länkar ut ur arkivet "
        "publiceras aldrig: kopiera filen in i arkivet eller ta bort länken."
    ]
    result = run_mkdocs_build(tiny_root)
    assert result.returncode == 1 and not (tiny_root / "site").exists()


def test_symlink_inside_the_repository_is_fine(tiny_root: Path) -> None:
    (tiny_root / "docs" / "kopia.md").symlink_to(tiny_root / "docs" / "index.md")
    assert errors_of(tiny_root) == []


def test_check_exits_1_and_shows_all_at_once(tiny_root: Path) -> None:
    _replace(tiny_root, "ledningssystem.yml", "idag: 2025-06-01", "idag: 0001-01-01")
    _replace(tiny_root, RUTIN, "Text.", "<iframe src=https://example.org></iframe>")
    result = run_cli(tiny_root, "check")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "Innehållet har 2 fel som måste rättas:" in output


def test_commit_messages_never_publish_a_personnummer() -> None:
    from ledningssystem.doccontrol.history import parse_log

    one = "1" * 40
    text = (
        "\x1eaaa\x1f2025-02-01T10:00:00+01:00\x1fAnna\x1fRättat för 19121212–1212\x00\n"
        f":100644 100644 {one} {one} M\x00routines/x.md\x00"
    )
    [(commit, _)] = parse_log(text)
    assert commit.subject == "Rättat för ÅÅMMDD-XXXX"


def test_a_misspelt_key_does_not_hide_the_files_other_errors(tiny_root: Path) -> None:
    _replace(tiny_root, PROCESS, "kunder:", "kund:")
    _replace(tiny_root, PROCESS, "ägare: kvalitetschef", "ägare: kvalitetchef")
    _replace(tiny_root, PROCESS, "    rutiner: [rapportera-avvikelse]", "    nästa: [utred]")
    found = errors_of(tiny_root)
    assert found[0].startswith(f'{PROCESS}:4 – fältet "ägare": rollen "kvalitetchef" finns inte.')
    assert found[1:] == [
        f'{PROCESS}:14 – fältet "kund": okänt fält. Menade du "kunder"?',
        f'{PROCESS}:22 – fältet "steg nr 1 › nästa nr 1": steget "utred" finns inte. Menade du '
        f'"utreda" – Utreda och åtgärda? Se stegen i {PROCESS}.',
    ]


def test_a_csv_cell_over_128_kb_is_an_error_with_a_reason(example_root: Path) -> None:
    path = example_root / "reports/2025/klagomal.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, 'x;"' + "a" * 140_000 + '";y')
    path.write_text("\n".join(lines), encoding="utf-8")
    # First: later errors (figures of that file missing in the texts) follow from it.
    assert errors_of(example_root)[:1] == [
        "reports/2025/klagomal.csv:4: raden går inte att läsa som CSV: en cell är längre än "
        "128 kB; en datafil har korta värden, kontrollera att citattecknen i raden är parvisa."
    ]


def test_a_wrong_value_does_not_hide_a_wrong_owner(tiny_root: Path) -> None:
    _replace(tiny_root, RUTIN, "nyckelord: [avvikelse]", "nyckelord: {avvikelse: 1}")
    _replace(tiny_root, RUTIN, "ägare: kvalitetschef", "ägare: kvalitetchef")
    found = errors_of(tiny_root)
    assert len(found) == 2, found
    assert found[0].startswith(f'{RUTIN}:5 – fältet "ägare": rollen "kvalitetchef" finns inte.')
    assert found[1] == (
        f'{RUTIN}:15 – fältet "nyckelord": ska vara en lista. Skriv [a, b] eller ett värde per '
        'rad som börjar med "- ".'
    )


def test_a_hash_in_ej_personnummer_exempts_that_number_only(tiny_root: Path) -> None:
    _replace(tiny_root, RUTIN, "Text.", "Order 19121212-1212 och 121212–1212, inte 811218-9876.")
    settings = tiny_root / "ledningssystem.yml"
    text = settings.read_text(encoding="utf-8") if settings.exists() else ""
    settings.write_text(text + f'ej_personnummer:\n  - "{PNR_1212_HASH}"\n', encoding="utf-8")
    errors = errors_of(tiny_root)
    assert len(errors) == 1 and errors[0].startswith(f"{RUTIN}:20: raden innehåller")
    assert PNR_1212_HASH not in errors[0]  # only the other, not exempted number is reported
    assert "1212" not in errors[0] and "9876" not in errors[0]


def test_a_malformed_exemption_hash_is_a_settings_error(tiny_root: Path) -> None:
    settings = tiny_root / "ledningssystem.yml"
    text = settings.read_text(encoding="utf-8") if settings.exists() else ""
    settings.write_text(text + "ej_personnummer:\n  - 19121212-1212\n", encoding="utf-8")
    found = "\n".join(errors_of(tiny_root))
    assert "ledningssystem.yml" in found and "ej_personnummer" in found
    assert "1212" not in found.replace("ÅÅMMDD-XXXX", "")
