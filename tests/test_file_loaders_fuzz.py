"""Every file loader at volume: any text gives data or ContentErrors, never another exception.

`make test` runs FUZZ_EXAMPLES (default 50) examples per loader; `make fuzz` runs 10,000
(LEDNINGSSYSTEM_FUZZ_EXAMPLES) and prints how many ran. Each example writes one file into a
copy of the example portal and runs the loader of that file kind (tests/file_loaders.py).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from ledningssystem.core.errors import ContentError, ContentErrors
from tests import file_loaders as loaders
from tests.conftest import REPO, copy_example
from tests.loader_fuzz import LoaderCase, content_texts

EXAMPLES = int(os.environ.get("LEDNINGSSYSTEM_FUZZ_EXAMPLES", "50"))
RAN: Counter[str] = Counter()

SEALED_WHY = "går inte att säga"
DOC_KEYS = ("ägare", "status", "version", "gäller_från", "fastställd_av", "revideras_senast")


@dataclass(frozen=True)
class FileCase:
    case: LoaderCase
    source: str  # the example file the valid text comes from


def _case(
    name: str, path: str, keys: tuple[str, ...], load: loaders.Loader, **kw: bool
) -> FileCase:
    valid = (REPO / path).read_text(encoding="utf-8")
    return FileCase(LoaderCase(name, path, valid, keys, load=load, **kw), path)


def _first(folder: str, pattern: str) -> str:
    return sorted((REPO / folder).glob(pattern))[0].relative_to(REPO).as_posix()


CASES = [
    _case("inställningar", "ledningssystem.yml", ("idag", "git", "dokumentstyrning",
          "horisont_dagar", "redigera_url"), loaders.SETTINGS),
    _case("organisation", "roles/organisation.yml", ("kommun", "nämnd", "förvaltning",
          "avdelningar", "id", "namn", "enheter"), loaders.ORGANISATION),
    _case("roller", "roles/roller.yml", ("roller", "id", "namn", "kortnamn", "git"),
          loaders.ROLES),
    _case("process", _first("processes", "*.yml"), ("id", "namn", "typ", "syfte", "steg",
          "utförare", "ansvar", "nästa", "rutiner", "beskrivning", *DOC_KEYS),
          loaders.PROCESSES),
    _case("rutin", _first("routines", "**/*.md"), ("id", "titel", "typ", "processer",
          "lagkrav", "enheter", *DOC_KEYS), loaders.ROUTINES, front_matter=True),
    _case("lagkrav", _first("requirements", "*.yml"), ("källa", "titel", "krav", "id",
          "kapitel", "paragraf", "ämne"), loaders.REQUIREMENTS),
    _case("årshjul", "arshjul/arshjul.yml", ("aktiviteter", "id", "namn", "typ", "månader",
          "datum", "ansvarig"), loaders.CALENDAR),
    _case("berättelse", "reports/2025/report.yml", ("år", "typ", "nämnd", "förvaltning",
          "status", "mall", "fastställd", "datum"), loaders.report_meta),
    _case("rapportdata-yaml", "reports/2025/atgarder.yml", ("åtgärder", "id", "process",
          "status", "klart_senast", "ansvarig"), loaders.report_rows("atgarder")),
    _case("rapportdata-csv", "reports/2025/avvikelser.csv", ("enhet", "typ", "kategori",
          "antal"), loaders.report_rows("avvikelser")),
    _case("mappning", loaders.MAPPING, ("namn", "typ", "rubrikrad", "kolumner",
          "fasta_värden", "värden", "enhet", "kategori"), loaders.mapping_file),
]  # fmt: skip
IMPORT_VALID = (
    "enhet;typ;kategori;utredd;avslutad;datum\nhemtjanst-norr;sol;fall;ja;nej;2025-03-01\n"
)
CASES.append(
    FileCase(
        LoaderCase("csv-import", loaders.EXPORT, IMPORT_VALID, ("enhet", "typ", "kategori"),
                   load=loaders.csv_import),
        "",
    )
)  # fmt: skip
IDS = [c.case.name for c in CASES]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("fuzz-files"))


@pytest.mark.parametrize("file_case", CASES, ids=IDS)
def test_loader_gives_data_or_content_errors(file_case: FileCase, root: Path) -> None:
    case = file_case.case

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(text=content_texts(case))
    def run(text: str) -> None:
        target = root / case.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        RAN[case.name] += 1
        try:
            case.load(root)
        except ContentErrors as errors:
            assert errors.errors
            for error in errors.errors:
                _assert_placed(error)
        finally:
            _restore(file_case, root)

    run()
    print(f"\n{case.name}: {RAN[case.name]} exempel, inget annat fel än innehållsfel")
    assert RAN[case.name] >= min(EXAMPLES, 50)


def _assert_placed(error: ContentError) -> None:
    """A content error names its file and a line or field, so the author can find it."""
    assert error.file and not error.file.startswith("/"), error
    assert error.line is None or error.line >= 1, error
    assert error.message and "Traceback" not in error.message, error
    # The one documented exception, a changed sealed file, must say why it names no line.
    placed = error.line or error.field or error.quote or SEALED_WHY in error.message
    assert placed, f"inget radnummer eller fält: {error.format()}"


def _restore(file_case: FileCase, root: Path) -> None:
    if file_case.source:
        shutil.copy2(REPO / file_case.source, root / file_case.case.path)
    else:
        (root / file_case.case.path).unlink(missing_ok=True)
