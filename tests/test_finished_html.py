"""Finished HTML (render/finished_html.py): the engine's own blocks skip Markdown, same pages."""

from __future__ import annotations

import shutil
import subprocess
from functools import partial
from pathlib import Path

import markdown as markdown_lib
import pytest
from mkdocs.structure.pages import _HTMLHandler

from ledningssystem.render import finished_html
from ledningssystem.render.finished_html import finished, split_finished, unmarked
from tests.conftest import REPO, build_site
from tests.inprocess_build import BuildFailed
from tests.test_held_html import ENV, _differences

MAP_PAGE = "processer/avvikelsehantering/karta/index.html"
BLOCK = '<div class="ls-x" id="a">\n<p>ett</p>\n</div>'


def _page(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def test_a_block_of_its_own_is_taken_out_and_put_back() -> None:
    markdown = _page("# Rubrik", finished(BLOCK), "## Nästa", finished("<table></table>\n"))
    split = split_finished(markdown)
    assert split is not None
    assert split.blocks == (BLOCK, "<table></table>\n")
    assert BLOCK not in split.markdown and "## Nästa" in split.markdown
    converted = "<h1>Rubrik</h1>\n<p>lsfinishedhtml0x</p>\n<h2>Nästa</h2>\n<p>lsfinishedhtml1x</p>"
    restored = "<h1>Rubrik</h1>\n" + BLOCK + "\n<h2>Nästa</h2>\n<table></table>"
    assert split.restore(converted) == restored  # stripped at the end, as Markdown does


@pytest.mark.parametrize(
    "markdown",
    [
        "Text direkt före\n" + finished(BLOCK) + "\n\nefter\n",  # not a block of its own
        _page("# R", finished(BLOCK) + "\ntext direkt efter"),
        _page("# R", finished('<span class="x">inline</span>')),  # opens no block
        _page("# R", finished('<div markdown="1">\n*text*\n</div>')),  # asks for Markdown
        _page("# R", finished("<div>\n\tflik\n</div>")),  # Markdown expands tabs
        _page("# R", finished("<div>\n  \n</div>")),  # and empties lines of spaces
        _page("# R", finished("<p>ett</p>\n\n<p>två</p>")),  # joins blocks with one line end
        _page("# R", finished("<div>ett</div>\n\n*text*")),  # reads text after as Markdown
        _page("# R lsfinishedhtml0x", finished(BLOCK)),  # the placeholder word is in the page
    ],
)
def test_a_block_markdown_would_change_stays_in_the_markdown(markdown: str) -> None:
    split = split_finished(markdown)
    assert split is not None and split.blocks == ()
    assert split.markdown == split.whole == unmarked(markdown)
    assert finished_html.START not in split.markdown and finished_html.END not in split.markdown
    assert split.restore("<h1>R</h1>") == "<h1>R</h1>"


def test_blocks_whose_last_line_ends_inside_the_mark_follow_each_other() -> None:
    # The template's form `{% filter finished %}<p>…</p>\n{% endfilter %}` and a blank line.
    markdown = "### Steg\n\n" + finished("<p>a</p>\n") + "\n" + finished("<p>b</p>\n") + "\ntext\n"
    split = split_finished(markdown)
    assert split is not None and split.blocks == ("<p>a</p>\n", "<p>b</p>\n")
    assert split.markdown == "### Steg\n\nlsfinishedhtml0x\n\nlsfinishedhtml1x\n\ntext\n"


def test_a_block_with_a_heading_on_the_next_line_converts_as_whole() -> None:
    # The role page's form: `## Rubrik` right under the block, no blank line between.
    block = '<ul><li><a href="../x/">x</a></li></ul>'
    markdown = "## Ett\n\n" + finished(block) + "\n## Två\n\n" + finished("<table></table>")
    split = split_finished(markdown)
    assert split is not None and split.blocks == (block, "<table></table>")
    convert = partial(markdown_lib.markdown, extensions=["md_in_html", "attr_list", "toc"])
    assert split.restore(convert(split.markdown)) == convert(unmarked(markdown))


@pytest.mark.parametrize("after", ["\n#hashtagg\n", "\n####### sju\n", "\ntext\n## R\n"])
def test_only_a_heading_right_after_the_block_ends_it(after: str) -> None:
    split = split_finished("## R\n\n" + finished("<ul><li>x</li></ul>") + after)
    assert split is not None and split.blocks == ()
    ends_in_mark = "## R\n\n" + finished("<ul><li>x</li></ul>\n") + "## Nästa\n"
    split = split_finished(ends_in_mark)  # its line end and the heading: no blank line between
    assert split is not None and split.blocks == ()


def test_a_blank_line_inside_an_element_is_kept() -> None:
    block = '<div class="ls-map-page">\n<svg></svg>\n\n</div>'
    split = split_finished(_page("# R", finished(block)))
    assert split is not None and split.blocks == (block,)


def test_unmarked_is_the_page_without_marks() -> None:
    assert unmarked(_page("# R", finished(BLOCK))) == _page("# R", BLOCK)
    assert unmarked("# Utan block\n") == "# Utan block\n"


@pytest.mark.parametrize(
    "converted",
    [
        "<h1>R</h1>",  # the placeholder was lost
        "<p>lsfinishedhtml0x</p><p>lsfinishedhtml0x</p>",  # or doubled
        "<h1>lsfinishedhtml0x</h1>",  # or is no longer a paragraph of its own
        "<p>lsfinishedhtml7x</p>",  # or is not one of the page's
    ],
)
def test_a_placeholder_that_did_not_come_through_means_convert_whole(converted: str) -> None:
    split = split_finished(_page("# R", finished(BLOCK)))
    assert split is not None
    assert split.restore(converted) is None


def test_the_ids_of_blocks_are_those_mkdocs_collects() -> None:
    block = (
        '<div class="a" id="karta">\n<svg><title id="t-1">T</title></svg>\n'
        '<a name=\'steg-1\' href="#x">a</a><span name="inte">id="text"</span>\n'
        '<p id="a&amp;b" data-id="nej">x</p><!-- id="kommentar" --></div>'
    )
    split = split_finished(_page("# R", finished(block)))
    assert split is not None
    parser = _HTMLHandler()
    parser.feed(block)
    parser.close()
    assert split.anchor_ids() == parser.present_anchor_ids == {"karta", "t-1", "steg-1", "a&b"}


def _git_portal(root: Path) -> None:
    """The portal as a Git repository of one commit: pages get history and Ändringslogg."""
    env = ["-c", "user.name=Anna", "-c", "user.email=a@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", *env, "commit", "-q", "-m", "Första"], cwd=root, check=True)


@pytest.fixture
def bypass_root(tiny_root: Path) -> Path:
    """The tiny portal with the held-HTML hook, anchor checks that fail the build, and Git."""
    config = tiny_root / "mkdocs.yml"
    portal = f"  - {REPO / 'hooks' / 'portal.py'}\n"
    held = portal + f"  - {REPO / 'hooks' / 'held_html.py'}\n"
    text = config.read_text(encoding="utf-8").replace(portal, held)
    config.write_text(text + "validation:\n  anchors: warn\n", encoding="utf-8")
    _git_portal(tiny_root)
    return tiny_root


def test_a_site_with_finished_blocks_equals_one_converted_whole(
    bypass_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken: list[int] = []

    def counting(markdown: str) -> finished_html.FinishedSplit | None:
        split = split_finished(markdown)
        taken.append(len(split.blocks) if split else 0)
        return split

    with monkeypatch.context() as patched:
        patched.setattr(finished_html, "split_finished", counting)
        bypassed = build_site(bypass_root, ENV, site="site-bypassed")
    assert sum(taken) >= 5, "maps, RACI, histories and the Ändringslogg skip Markdown"
    shutil.rmtree(bypass_root / ".cache")  # the same keys: the second build must convert
    asked: list[str] = []
    with monkeypatch.context() as patched:
        patched.setattr(finished_html, "split_finished", partial(_whole, asked))
        whole = build_site(bypass_root, ENV, site="site-whole")
    assert len(asked) == len(taken), "every page converted whole"
    pages = [path.read_text(encoding="utf-8") for path in bypassed.rglob("*.html")]
    assert not [page for page in pages if "ls-finished" in page or "lsfinishedhtml" in page]
    assert _differences(bypassed, whole) == []
    assert (bypassed / MAP_PAGE).is_file()


def _whole(asked: list[str], markdown: str) -> finished_html.FinishedSplit:
    """A split that takes no block out: the page converted whole, as before the marks."""
    asked.append(markdown)
    return finished_html.FinishedSplit(unmarked(markdown), (), markdown)


def _link_into_map(root: Path, anchor: str) -> None:
    page = root / "docs" / "karta.md"
    page.write_text(f"# Kartan\n\n[Kartan](processer/avvikelsehantering.md#{anchor})\n")


def test_a_link_into_a_finished_block_validates_from_converted_and_held_pages(
    bypass_root: Path,
) -> None:
    _link_into_map(bypass_root, "ls-map-avvikelsehantering-title")  # in the map's block
    build_site(bypass_root, ENV, site="site-converted")
    build_site(bypass_root, ENV, site="site-held")  # the map page from the held HTML
    _link_into_map(bypass_root, "finns-inte")
    with pytest.raises(BuildFailed, match="finns-inte"):
        build_site(bypass_root, ENV, site="site-broken")


def test_the_id_is_known_only_through_the_blocks_ids(
    bypass_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control of the test above: without the blocks' ids MkDocs misses the anchor."""
    monkeypatch.setattr(finished_html.FinishedSplit, "anchor_ids", lambda self: set())
    _link_into_map(bypass_root, "ls-map-avvikelsehantering-title")
    with pytest.raises(BuildFailed, match="ls-map-avvikelsehantering-title"):
        build_site(bypass_root, ENV, site="site-unregistered")
