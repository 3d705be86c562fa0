"""export-docs applies the portal's markup checks: hostile content is refused, nothing written.

The portal removes disallowed markup with a hook; the export has no hooks, so each page it
would write is checked the same way and a problem stops it before the target exists.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.sanitise import markup_problems
from ledningssystem.website.export import export_docs
from tests.conftest import REPO, copy_example, run_cli

RUTIN = "routines/avvikelser/checklista-avvikelseutredning.md"
HOSTILE = REPO / "tests" / "fixtures" / "hostile"
TAIL = "Portalen tar bort sådant vid bygget."

# Pasted from a web page: each line is something the portal's sanitiser removes.
PASTED = {
    '<script src="https://evil.example/x.js"></script>': "HTML-taggen <script> är inte tillåten",
    '<iframe src="https://evil.example/"></iframe>': "HTML-taggen <iframe> är inte tillåten",
    '<a href="javascript:alert(1)">x</a>': "länken på <a> kör kod (href=…)",
    '<img src="https://evil.example/p.png" alt="">': "<img> hämtar något utanför webbplatsen",
    '<span onclick="alert(1)">x</span>': 'attributet onclick="…" på <span> är inte tillåtet',
    "[x](javascript:alert(1))": "länken kör kod (javascript:)",
    "![x](https://evil.example/p.png)": "bilden hämtas utanför webbplatsen",
    "Text\n{: onmouseover=alert(1) }": "attributlistan {: … } sätter ett on…=-attribut",
}


def test_attr_list_event_handlers_are_markup_problems() -> None:
    assert markup_problems('Stycke\n{: onclick="alert(1)" }\n') == [
        (2, "attributlistan {: … } sätter ett on…=-attribut som kör kod")
    ]
    assert markup_problems("# Rubrik {: #ankare .klass }\n") == []


@pytest.mark.parametrize("pasted", list(PASTED), ids=range(len(PASTED)))
def test_export_refuses_pasted_html_and_writes_nothing(tmp_path: Path, pasted: str) -> None:
    root = copy_example(tmp_path / "portal")
    path = root / RUTIN
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + pasted + "\n", encoding="utf-8")
    result = run_cli(root, "export-docs", str(tmp_path / "export"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    last = lines + pasted.count("\n") + 1
    assert f"{RUTIN}:{last}: {PASTED[pasted]}" in result.stderr
    assert TAIL in result.stderr
    assert not (tmp_path / "export").exists()


@pytest.mark.parametrize("name", ["billion-laughs.yml", "python-tag.yml", "merge-key.yml"])
def test_export_refuses_hostile_yaml_without_a_traceback(tmp_path: Path, name: str) -> None:
    root = copy_example(tmp_path / "portal")
    shutil.copy2(HOSTILE / name, root / "processes/avvikelsehantering.yml")
    with pytest.raises(ContentErrors) as caught:
        export_docs(root, tmp_path / "export")
    assert any(e.file == "processes/avvikelsehantering.yml" for e in caught.value.errors)
    assert not (tmp_path / "export").exists()


def test_a_macro_error_leaves_no_half_written_export(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")
    (root / "docs/trasig.md").write_text(
        "---\nrender_macros: true\n---\n\n{{ finns_inte() }}\n", encoding="utf-8"
    )
    result = run_cli(root, "export-docs", str(tmp_path / "export"))
    assert result.returncode == 1
    assert "docs/trasig.md" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "export").exists()
