"""Load and check everything under a content root once: every problem of a run together."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.load import read_handbook
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.portal.facts import fact_table
from ledningssystem.portal.link_check import check_content_links
from ledningssystem.portal.markup_check import content_markup_errors
from ledningssystem.report.load import load_reports


def load_ledningssystem(root: Path | str) -> Ledningssystem:
    """Load and validate everything under `root`; raise ContentErrors listing every problem."""
    content, errors = load_content(root)
    if errors:
        raise ContentErrors(errors)
    return content


def load_content(root: Path | str) -> tuple[Ledningssystem, list[ContentError]]:
    """Everything under `root` that validated, and every problem found (for `make check`)."""
    root = Path(root).resolve()
    content, reader = read_handbook(root)
    reports, report_errors = load_reports(root, content)  # reports/: the kvalitetsberättelse
    reader.errors.extend(report_errors)
    content = replace(content, reports=reports)
    reader.check_facts(fact_table(content))  # after reports/: the risk scale is a fact
    reader.errors.extend(content_markup_errors(content, reports))  # raw HTML the site removes
    # Links last: they may point at any page the content makes, berättelse years included.
    reader.errors.extend(check_content_links(content, reader.docs_markdown(), reader.unusable_ids))
    return content, reader.errors
