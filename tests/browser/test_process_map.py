"""The process map in the browser: boxes lead to their step and its rutiner; keyboard users
reach the content and the map's text alternative."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import Visit
from tests.browser.page_types import PAGE_TYPES

PROCESS = next(t for t in PAGE_TYPES if t.name == "process")
# The boxes' links lie over the SVG (links inside role="img" break axe's nested-interactive).
BOX_LINKS = "article .ls-diagram a.ls-hotspot[href*='#steg-']"
# [focus inside the map's container, focus on a step link outside the SVG (text alternative)]
FOCUS_PLACE = """() => { const e = document.activeElement;
    return [!!e.closest('.ls-diagram'),
            !e.closest('svg') && e.tagName === 'A'
            && (e.getAttribute('href') || '').includes('#steg-')];
}"""


def _process_with_map(built_site: Path, visit: Visit):  # noqa: ANN202 - Playwright page
    page = visit.open(PROCESS.path(built_site))
    assert page.query_selector(BOX_LINKS) is not None, (
        "processidan saknar en karta med länkade rutor"
    )
    return page


def test_clicking_a_box_leads_to_its_step_and_its_rutin(built_site: Path, visit: Visit) -> None:
    page = _process_with_map(built_site, visit)
    box = page.query_selector(BOX_LINKS)
    assert box is not None
    href = box.get_attribute("href") or ""
    anchor = href.split("#", 1)[1]
    box.click()
    page.wait_for_function(f"() => location.hash === '#{anchor}'")
    heading = page.query_selector(f"[id='{anchor}']")
    assert heading is not None and heading.is_visible()
    # The step's section lists its rutiner: following one opens the rutin page.
    routine = page.query_selector(
        f"xpath=//*[@id='{anchor}']/following::a[contains(@href, 'rutiner/')][1]"
    )
    assert routine is not None, "stegets avsnitt listar inga rutiner"
    routine.click()
    page.wait_for_url("**/rutiner/**")
    assert page.query_selector("article h1") is not None


def test_keyboard_reaches_content_and_map_text_alternative(built_site: Path, visit: Visit) -> None:
    page = _process_with_map(built_site, visit)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    reached_diagram = reached_alternative = False
    for _ in range(300):
        page.keyboard.press("Tab")
        where = page.evaluate(FOCUS_PLACE)
        reached_diagram = reached_diagram or where[0]
        reached_alternative = reached_alternative or where[1]
        if reached_diagram and reached_alternative:
            break
    assert reached_diagram, "tangentbordet når inte processkartans ruta"
    assert reached_alternative, "tangentbordet når inte kartans textalternativ (länkar till stegen)"
