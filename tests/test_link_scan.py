"""markdown_links finds every link form, also after its quick skip of lines without links."""

from __future__ import annotations

from ledningssystem.portal.link_check import markdown_links


def test_every_link_form_is_found_and_code_is_skipped() -> None:
    markdown = "\n".join(
        [
            "Vanlig text utan länkar.",
            "Se [rutinen](../rutin-a.md) och ![bild](bild.png).",
            "[ref]: ../process-b.md",
            '<a href="../c.md">c</a> <img src="d.png">',
            "```",
            "[inte](kod.md)",
            "```",
            "`[inte heller](span.md)`",
        ]
    )
    found = list(markdown_links(markdown))
    assert found == [
        (1, "../rutin-a.md"),
        (1, "bild.png"),
        (2, "../process-b.md"),
        (3, "../c.md"),
        (3, "d.png"),
    ]
