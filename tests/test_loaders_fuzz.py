"""Bad input at scale: every loader ends in a model or a located ContentError, never another
exception, and a broken file never leaves a (partial) site behind."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, copy_example, run_mkdocs_build
from tests.loader_fuzz import LoaderCase, assert_loads_or_reports, content_texts

CALENDAR = """aktiviteter:
  - id: kvalitetsberattelse
    namn: Kvalitetsberättelse
    typ: rapportering
    månader: [2, 3]
    datum: ["03-01"]
    ansvarig: kvalitetschef
    beskrivning: Sammanställ förra årets kvalitetsarbete.
"""
DOCUMENT_KEYS = (
    "ägare", "status", "version", "gäller_från", "fastställd_av", "fastställd_datum",
    "revideras_senast",
)  # fmt: skip


def _first(folder: str, pattern: str) -> str:
    return sorted((REPO / folder).glob(pattern))[0].relative_to(REPO).as_posix()


def _case(name: str, path: str, keys: tuple[str, ...], **kwargs: object) -> LoaderCase:
    source = REPO / path
    valid = source.read_text(encoding="utf-8") if source.exists() else CALENDAR
    return LoaderCase(name, path, valid, keys, **kwargs)  # type: ignore[arg-type]


CASES = [
    _case("inställningar", "ledningssystem.yml",
          ("idag", "git", "redigera_url", "ändring_url", "dokumentstyrning", "horisont_dagar")),
    _case("organisation", "roles/organisation.yml",
          ("kommun", "nämnd", "förvaltning", "avdelningar", "id", "namn", "enheter",
           "beskrivning")),
    _case("roller", "roles/roller.yml",
          ("roller", "id", "namn", "kortnamn", "beskrivning", "ansvar", "git")),
    _case("process", _first("processes", "*.yml"),
          ("id", "namn", "typ", "ordning", "syfte", "start", "slut", "kunder", "enheter",
           "lagkrav", "beskrivning", "steg", "utförare", "ansvar", "rutiner", "nästa",
           "delprocess", *DOCUMENT_KEYS)),
    _case("lagkrav", _first("requirements", "*.yml"),
          ("källa", "titel", "länk", "not", "krav", "id", "kapitel", "paragraf", "ämne",
           "kontrollerad", "datum", "mot", "gäller_från", "upphör", "ersätts_av", "verifierad",
           "beteckning", "ändrad_genom", "författning")),
    _case("rutin", _first("routines", "**/*.md"),
          ("id", "titel", "typ", "processer", "lagkrav", "enheter", "nyckelord",
           "sammanfattning", *DOCUMENT_KEYS),
          front_matter=True),
    _case("årshjul", "arshjul/arshjul.yml",
          ("aktiviteter", "id", "namn", "typ", "månader", "datum", "ansvarig", "process",
           "beskrivning")),
]  # fmt: skip
CASE_IDS = [case.name for case in CASES]
# Each example loads the whole example portal (about half a second): `make test` runs a few per
# file kind, `make fuzz` many (LEDNINGSSYSTEM_FUZZ_LOADS); the per-file loaders run at volume in
# test_file_loaders_fuzz.py.
WHOLE_LOADS = int(os.environ.get("LEDNINGSSYSTEM_FUZZ_LOADS", "15"))


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("fuzz"))


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_valid_example_loads(case: LoaderCase, fuzz_root: Path) -> None:
    assert_loads_or_reports(case, fuzz_root, case.valid)
    _restore(case, fuzz_root)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_any_input_gives_a_model_or_a_located_content_error(
    case: LoaderCase, fuzz_root: Path
) -> None:
    @settings(max_examples=WHOLE_LOADS, deadline=None, database=None)
    @given(text=content_texts(case))
    def run(text: str) -> None:
        try:
            assert_loads_or_reports(case, fuzz_root, text)
        finally:
            _restore(case, fuzz_root)

    run()


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_bytes_that_are_not_utf8_are_reported(case: LoaderCase, fuzz_root: Path) -> None:
    @settings(max_examples=10, deadline=None, database=None)
    @given(data=st.binary(min_size=1, max_size=60))
    def run(data: bytes) -> None:
        target = fuzz_root / case.path
        target.write_bytes(b"\xff\xfe\xfa" + data)
        try:
            case.load(fuzz_root)
        except Exception as exc:  # noqa: BLE001 - the type is what is tested
            from ledningssystem.core.errors import ContentErrors

            assert isinstance(exc, ContentErrors), repr(exc)
            assert any(e.file == case.path for e in exc.errors)
        finally:
            _restore(case, fuzz_root)

    run()


def _restore(case: LoaderCase, root: Path) -> None:
    source = REPO / case.path
    target = root / case.path
    if source.exists():
        shutil.copy2(source, target)
    else:
        target.unlink(missing_ok=True)


BROKEN = {
    "inställningar": "idag: 2025-02-30\n",
    "organisation": "kommun: Exempelkommun\nnämnd: [\n",
    "roller": "roller:\n  - id: Enhetschef\n    namn: x\n",
    "process": "id: avvikelsehantering\nnamn: x\nsteg: 3\n",
    "lagkrav": "källa: SOSFS\ntitel: x\nkrav:\n  - id: ä\n",
    "rutin": "---\nid: rapportera-avvikelse\ntitel: [\n---\n\n# Rubrik\n",
    "årshjul": "aktiviteter:\n  - id: a\n    namn: A\n    typ: okänd\n    ansvarig: x\n",
}


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_a_broken_file_stops_the_build_without_a_site(case: LoaderCase, tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")
    target = root / case.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(BROKEN[case.name], encoding="utf-8")
    result = run_mkdocs_build(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{case.path}:" in output
    assert "Traceback" not in output
    assert not (root / "site").exists()


def test_the_only_error_without_a_line_is_a_changed_sealed_input(fuzz_root: Path) -> None:
    """Renaming a unit the fastställd 2024 prints breaks its seal; that whole-file error is
    accepted without a line because it says why and what to do, and nothing else is."""
    case = next(c for c in CASES if c.name == "organisation")
    renamed = case.valid.replace("namn: Socialnämnden", "namn: Omsorgsnämnden", 1)
    assert renamed != case.valid
    try:
        assert_loads_or_reports(case, fuzz_root, renamed)
        other = LoaderCase("roller", "roles/roller.yml", "", ())  # not the file that changed
        with pytest.raises(AssertionError):
            assert_loads_or_reports(other, fuzz_root, (REPO / other.path).read_text("utf-8"))
    finally:
        _restore(case, fuzz_root)
