"""Small renderer pieces: RACI data, årshjul geometry, landscape, wording, macro suggestions."""

from __future__ import annotations

import dataclasses
import itertools
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledningssystem.core.model.calendar import Activity
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import ProcessType
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.arshjul import layout_arcs, month_runs
from ledningssystem.diagrams.landscape import (
    MAX_PER_LINE,
    TARGET_W,
    layout_landscape,
    render_landscape,
)
from ledningssystem.diagrams.process_map import render_process_map
from ledningssystem.diagrams.raci import raci_table
from ledningssystem.diagrams.svg import fit_text, text_width, wrap_text
from ledningssystem.website.macro_api import (
    MacroContext,
    MacroError,
    call_macro,
    closest,
    process_map,
)
from ledningssystem.website.responsibilities import describe_when
from tests.diagram_fixtures import fixture_content


def _activity(**fields: object) -> Activity:
    data = {"id": "a", "namn": "A", "typ": "planering", "ansvarig": "kvalitetschef", **fields}
    return Activity.model_validate(data)


def test_raci_columns_are_the_roles_with_a_letter_lane_roles_first() -> None:
    process = fixture_content().processes["ledningens-genomgang"]
    table = raci_table(process)
    assert table.roles == ("kvalitetschef", "forvaltningschef", "namnd", "enhetschef")
    assert table.rows[1] == ("genomfora", ("R", "A", "", "C"))


@pytest.mark.parametrize(
    ("months", "runs"),
    [
        ((3,), [(3, 1)]),
        ((1, 2, 12), [(12, 3)]),
        ((2, 8), [(2, 1), (8, 1)]),
        (tuple(range(1, 13)), [(1, 6), (7, 6)]),
        ((11, 12, 1, 2, 3, 4, 5, 6), [(11, 6), (5, 2)]),
    ],
)
def test_month_runs_join_over_new_year_and_split_long_runs(months, runs) -> None:  # noqa: ANN001
    assert month_runs(months) == runs


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sets(st.integers(1, 12), min_size=1), min_size=1, max_size=40))
def test_arcs_on_one_ring_never_overlap_and_cover_every_month(month_sets) -> None:  # noqa: ANN001
    activities = [
        _activity(id=f"a-{i}", månader=sorted(months)) for i, months in enumerate(month_sets)
    ]
    arcs = layout_arcs(activities)

    def months_of(arc) -> set[int]:  # noqa: ANN001
        return {
            (int(arc.start // 30) + k) % 12 + 1 for k in range(round((arc.end - arc.start) / 30))
        }

    for a, b in itertools.combinations(arcs, 2):
        if a.ring == b.ring:
            assert not months_of(a) & months_of(b), (a, b)
    for number, months in enumerate(month_sets, start=1):
        assert set().union(*(months_of(a) for a in arcs if a.number == number)) == months
    assert all(arc.inner >= 52 and arc.outer - arc.inner >= 14 for arc in arcs)


def test_describe_when_reads_like_swedish() -> None:
    assert describe_when(_activity(månader=[1, 2, 3], datum=["04-01"])) == "januari–mars, 1 april"
    assert describe_when(_activity(månader=list(range(1, 13)))) == "hela året"
    assert describe_when(_activity(datum=["12-15", "04-30"])) == "30 april, 15 december"


def test_landscape_items_do_not_overlap_and_sit_in_their_band() -> None:
    layout = layout_landscape(fixture_content())
    items = [(band, item) for band in layout.bands for item in band.items]
    assert [band.name for band in layout.bands] == [
        "Styrprocesser",
        "Huvudprocesser",
        "Stödprocesser",
    ]
    for (_, a), (_, b) in itertools.combinations(items, 2):
        assert not a.rect.overlaps(b.rect)
    for band, item in items:
        assert band.rect.contains(item.rect)
    for a, b in itertools.pairwise(layout.bands):
        assert a.rect.bottom < b.rect.y


def test_long_compounds_shrink_before_they_are_split() -> None:
    size, lines = fit_text("Informationssäkerhetssamordnare", 200, 13)
    assert size < 13 and lines == ("Informationssäkerhetssamordnare",)
    assert text_width(lines[0], size) <= 200
    assert all(text_width(line, 13) <= 60 for line in wrap_text("x" * 40 + " y", 60, 13))


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # At a compound's joint, not at the last letter that fits ("personuppgiftsincid-").
        ("personuppgiftsincidenter", 100, ("personuppgifts-", "incidenter")),
        ("Informationssäkerhetssamordnare", 90, ("Informations-", "säkerhets-", "samordnare")),
        ("Kvalitetsledningssystem", 70, ("Kvalitets-", "lednings-", "system")),
        ("Missbruksvård", 60, ("Miss-", "bruks-", "vård")),  # a syllable, never missb|ruk
        ("Ekonomiskt bistånd", 50, ("Ekono-", "miskt", "bistånd")),
        # An author's soft hyphen wins, and is invisible where the word is not broken.
        ("Kvalitets\u00adarbete i hemtjänsten", 75, ("Kvalitets-", "arbete i", "hem-", "tjänsten")),
        ("Avvikelse\u00adhantering", 100, ("Avvikelse-", "hantering")),
        ("Hemtjänst och Avvikelse\u00adhantering", 400, ("Hemtjänst och Avvikelsehantering",)),
        ("Dokumentstyrning", 200, ("Dokumentstyrning",)),  # fits: no break at all
    ],
)
def test_long_words_break_where_a_reader_expects(
    text: str, width: float, lines: tuple[str, ...]
) -> None:
    assert wrap_text(text, width, 13) == lines


def test_macro_suggests_the_closest_process() -> None:
    content = fixture_content()
    ctx = MacroContext(content, Linker("sida.md"), "sida.md")
    with pytest.raises(MacroError, match=r'Sidan docs/sida.md: .*Menade du "hemtjanst"\?'):
        process_map(ctx, "hemtjänst")
    assert closest("zzz", ["avvikelser", "hemtjanst"]).startswith(" Närmaste id som finns är")
    assert closest("x", []) == " Det finns inga ännu."


def test_wrong_macro_arguments_give_the_example() -> None:
    ctx = MacroContext(fixture_content(), Linker("sida.md"), "sida.md")
    with pytest.raises(MacroError, match=r"makrot raci anropas med fel argument\. Exempel: "):
        call_macro("raci", ctx)
    with pytest.raises(MacroError, match=r"arshjul anropas med fel"):
        call_macro("arshjul", ctx, "extra")
    assert 'class="ls-raci"' in call_macro("raci", ctx, "hemtjanst")


def test_svgs_are_well_formed_xml_even_with_markup_in_names() -> None:
    content = fixture_content()
    process = content.processes["hemtjanst"].model_copy(
        update={"name": 'Vård & omsorg <"särskilt"> boende'}
    )
    content.processes["hemtjanst"] = process
    html = render_process_map(content, process, Linker("processer/hemtjanst.md"))
    html += render_landscape(content, Linker("index.md"))
    svgs = re.findall(r"<svg .*?</svg>", html, re.S)
    assert len(svgs) == 3  # the map, the sticky copy of its lane labels, the landscape
    for svg in svgs:
        root = ET.fromstring(svg)
        assert root.get("role") == "img" or root.get("aria-hidden") == "true"
    assert "Vård &amp; omsorg &lt;&#34;särskilt&#34;&gt; boende" in html


def _with_core_processes(count: int, name: str) -> Ledningssystem:
    """The fixture portal with `count` more huvudprocesser named `name`."""
    content = fixture_content()
    template = content.processes_of_type(ProcessType.CORE)[0]
    extra = {
        f"lang-{i}": template.model_copy(update={"id": f"lang-{i}", "name": name})
        for i in range(count)
    }
    return dataclasses.replace(content, processes={**content.processes, **extra})


def test_landscape_names_wrap_at_full_size_and_the_landscape_fits_a_desktop_column() -> None:
    name = "Informationssäkerhet och personuppgiftsincidenter vid utförare"
    layout = layout_landscape(_with_core_processes(6, name))
    assert layout.width <= TARGET_W
    items = [item for band in layout.bands for item in band.items]
    assert len([i for i in items if i.kind == "core"]) > MAX_PER_LINE  # the chain wraps
    for item in items:
        assert item.font == 13  # never shrunk (the issue found 11 px)
        assert all(text_width(line, 13) <= item.rect.w - 16 for line in item.lines)
        assert len(item.lines) * 16 <= item.rect.h  # the box grows with its lines
    for a, b in itertools.combinations(items, 2):
        assert not a.rect.overlaps(b.rect)
