"""Every class of bad input gives a Swedish message with file and line, and no site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli, run_mkdocs_build

RUTIN = "routines/rapportera-avvikelse.md"
PROCESS = "processes/avvikelsehantering.yml"

# (id, file, text to replace, replacement, expected message fragment)
CASES = [
    (
        "malformed-yaml",
        PROCESS,
        "syfte: Att lära",
        "syfte: Att: lära",
        f"{PROCESS}:11: felaktig YAML",
    ),
    ("tab-indent", PROCESS, "    namn: Utreda", "\tnamn: Utreda", f"{PROCESS}:24: felaktig YAML"),
    (
        "unknown-key",
        RUTIN,
        "nyckelord:",
        "nyckelordd:",
        f'{RUTIN}:15 – fältet "nyckelordd": okänt fält. Menade du "nyckelord"?',
    ),
    (
        "missing-field",
        RUTIN,
        "titel: Rapportera en avvikelse\n",
        "",
        f'{RUTIN}:2 – fältet "titel": fältet saknas',
    ),
    (
        "wrong-type",
        PROCESS,
        "kunder: [Brukare, Medarbetare]",
        "kunder: {a: 1}",
        f'{PROCESS}:14 – fältet "kunder": ska vara en lista',
    ),
    (
        "invalid-date",
        RUTIN,
        "gäller_från: 2025-01-20",
        "gäller_från: 2025-02-30",
        f'{RUTIN}:8 – fältet "gäller_från": ogiltigt datum "2025-02-30"',
    ),
    (
        "bad-enum",
        RUTIN,
        "typ: rutin",
        "typ: rutiin",
        f'{RUTIN}:4 – fältet "typ": ogiltigt värde "rutiin". Menade du "rutin"?',
    ),
    (
        "review-before-approval",
        RUTIN,
        "revideras_senast: 2026-01-15",
        "revideras_senast: 2024-01-15",
        f'{RUTIN}:11 – fältet "revideras_senast": revideras_senast (2024-01-15) måste vara efter',
    ),
    (
        "in-force-without-approval",
        RUTIN,
        "fastställd_av: forvaltningschef\n",
        "",
        f'{RUTIN}:2 – fältet "fastställd_av": ett gällande dokument måste ha fastställd_av',
    ),
    (
        "unknown-role",
        RUTIN,
        "ägare: kvalitetschef",
        "ägare: kvalitetchef",
        f'{RUTIN}:5 – fältet "ägare": rollen "kvalitetchef" finns inte. Menade du "kvalitetschef"?',
    ),
    (
        "unknown-step",
        RUTIN,
        "avvikelsehantering/rapportera",
        "avvikelsehantering/rapporter",
        f'{RUTIN}:12 – fältet "processer nr 1": steget i processen "avvikelsehantering": '
        f'"rapporter" finns inte. Menade du "rapportera" – Rapportera avvikelsen?',
    ),
    (
        "unknown-requirement",
        PROCESS,
        "lagkrav: [sosfs-2011-9-5-6]",
        "lagkrav: [sosfs-2011-9-5-7]",
        f'{PROCESS}:16 – fältet "lagkrav nr 1": lagkravet "sosfs-2011-9-5-7" finns inte',
    ),
    (
        "unknown-unit",
        RUTIN,
        "enheter: [socialforvaltningen]",
        "enheter: [socialforvaltning]",
        f'{RUTIN}:14 – fältet "enheter nr 1": organisationsdelen "socialforvaltning" finns inte. '
        f'Menade du "socialforvaltningen"?',
    ),
    (
        "unknown-routine",
        PROCESS,
        "rutiner: [rapportera-avvikelse]",
        "rutiner: [rapportera]",
        f'{PROCESS}:22 – fältet "steg nr 1 › rutiner nr 1": rutinen "rapportera" finns inte',
    ),
    (
        "step-two-a",
        PROCESS,
        "{medarbetare: R, enhetschef: A}",
        "{medarbetare: A, enhetschef: A}",
        f'{PROCESS}:21 – fältet "steg nr 1 › ansvar": steget har 2 roller med A',
    ),
    (
        "step-no-r",
        PROCESS,
        "{enhetschef: A, kvalitetschef: R, medarbetare: I}",
        "{enhetschef: A, kvalitetschef: C, medarbetare: I}",
        f'{PROCESS}:26 – fältet "steg nr 2 › ansvar": steget saknar en roll med R',
    ),
    (
        "bad-letter",
        PROCESS,
        "medarbetare: I}",
        "medarbetare: X}",
        f'{PROCESS}:26 – fältet "steg nr 2 › ansvar › medarbetare": ogiltigt värde "X"',
    ),
    (
        "duplicate-key",
        PROCESS,
        "typ: stödprocess",
        "typ: stödprocess\ntyp: huvudprocess",
        f'{PROCESS}:4: nyckeln "typ" förekommer två gånger',
    ),
    (
        "bad-id",
        RUTIN,
        "id: rapportera-avvikelse",
        "id: Rapportera_Avvikelse",
        f'{RUTIN}:2 – fältet "id": ogiltigt id "Rapportera_Avvikelse"',
    ),
]


def _break(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_check_reports_bad_input(
    tiny_root: Path, file: str, old: str, new: str, expected: str
) -> None:
    _break(tiny_root, file, old, new)
    result = run_cli(tiny_root, "check")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("case", ["malformed-yaml", "unknown-role", "step-no-r"])
def test_build_fails_with_the_same_message_and_writes_no_site(tiny_root: Path, case: str) -> None:
    _, file, old, new, expected = next(c for c in CASES if c[0] == case)
    _break(tiny_root, file, old, new)
    result = run_mkdocs_build(tiny_root)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tiny_root / "site").exists()


def test_all_problems_are_reported_in_one_run(tiny_root: Path) -> None:
    for case in ("unknown-role", "step-no-r", "invalid-date"):
        _, file, old, new, _ = next(c for c in CASES if c[0] == case)
        _break(tiny_root, file, old, new)
    result = run_cli(tiny_root, "check")
    # The rutin's invalid date no longer hides its unknown owner until the next run.
    assert "Innehållet har 3 fel" in result.stderr
    assert 'rollen "kvalitetchef"' in result.stderr and "saknar en roll med R" in result.stderr
    assert 'ogiltigt datum "2025-02-30"' in result.stderr


def test_a_misspelt_key_a_wrong_owner_and_a_missing_step_in_one_run(tiny_root: Path) -> None:
    _break(tiny_root, PROCESS, "ägare: kvalitetschef", "ägare: kvalitetchef")
    _break(tiny_root, PROCESS, "    namn: Rapportera avvikelsen", "    namm: Rapportera avvikelsen")
    _break(
        tiny_root,
        PROCESS,
        "    rutiner: [rapportera",
        "    nästa: [utred]\n    rutiner: [rapportera",
    )
    result = run_cli(tiny_root, "check")
    assert result.returncode == 1
    messages = [line.strip() for line in result.stderr.splitlines() if PROCESS in line]
    assert messages == [
        f'{PROCESS}:4 – fältet "ägare": rollen "kvalitetchef" finns inte. Menade du '
        '"kvalitetschef"? Se roles/roller.yml.',
        f'{PROCESS}:18 – fältet "steg nr 1 › namn": fältet saknas. Lägg till det. Stegets namn, '
        "t.ex. Utreda behov.",
        f'{PROCESS}:19 – fältet "steg nr 1 › namm": okänt fält. Menade du "namn"?',
        f'{PROCESS}:22 – fältet "steg nr 1 › nästa nr 1": steget "utred" finns inte. Menade du '
        '"utreda" – Utreda och åtgärda? Se stegen i processes/avvikelsehantering.yml.',
    ]
    assert "måste ha minst" not in result.stderr  # the step list is not too short: it has two


def test_a_salvaged_file_reports_no_reference_it_does_not_make(tiny_root: Path) -> None:
    """A step without id or performer is reported once, not again as an unknown role or step."""
    _break(tiny_root, PROCESS, "  - id: rapportera\n", "  - \n")
    _break(tiny_root, PROCESS, "    utförare: enhetschef\n", "")
    result = run_cli(tiny_root, "check")
    messages = [line.strip() for line in result.stderr.splitlines() if PROCESS in line]
    assert messages == [
        f'{PROCESS}:19 – fältet "steg nr 1 › id": fältet saknas. Lägg till det. Stegets id inom '
        "processen, t.ex. utreda.",
        f'{PROCESS}:23 – fältet "steg nr 2 › utförare": fältet saknas. Lägg till det. Rollen som '
        "utför steget: dess simbana i processkartan.",
    ], result.stderr


def test_duplicate_ids_name_both_files(tiny_root: Path) -> None:
    original = tiny_root / RUTIN
    (tiny_root / "routines" / "kopia.md").write_text(original.read_text(encoding="utf-8"))
    result = run_cli(tiny_root, "check")
    assert (
        'routines/rapportera-avvikelse.md:2 – fältet "id": id "rapportera-avvikelse" '
        "används redan i routines/kopia.md:2"
    ) in result.stderr


def test_missing_front_matter_and_encoding(tiny_root: Path) -> None:
    (tiny_root / "routines" / "utan.md").write_text("# Bara text\n", encoding="utf-8")
    (tiny_root / "routines" / "latin1.md").write_bytes("---\nid: å\n---\n".encode("latin-1"))
    result = run_cli(tiny_root, "check")
    assert "routines/utan.md:1: rutinen saknar metadata överst i filen" in result.stderr
    assert "routines/latin1.md: filen är inte sparad som UTF-8" in result.stderr


def test_valid_content_passes(tiny_root: Path) -> None:
    result = run_cli(tiny_root, "check")
    assert result.returncode == 0, result.stderr
    assert "Innehållet är korrekt" in result.stdout
