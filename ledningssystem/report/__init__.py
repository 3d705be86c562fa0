"""The yearly kvalitetsberättelse built from data files in reports/<år>/.

load → check → compute figures → resolve narrative → render; no MkDocs here.
`attach_reports` is called once from load_ledningssystem so that report errors
are reported together with every other content error.
"""

from __future__ import annotations

from pathlib import Path

from ledningssystem.errors import ContentError
from ledningssystem.model.content import Ledningssystem
from ledningssystem.report.data import Reports

EXTRA_KEY = "kvalitetsberattelse"


def attach_reports(content: Ledningssystem) -> list[ContentError]:
    """Load reports/ into content.extra["kvalitetsberattelse"]; return the problems found."""
    from ledningssystem.report.load import load_reports

    reports, errors = load_reports(Path(content.root), content)
    content.extra[EXTRA_KEY] = reports
    return errors


def reports_of(content: Ledningssystem) -> Reports | None:
    """The loaded berättelser, or None when the content was loaded without them."""
    found = content.extra.get(EXTRA_KEY)
    return found if isinstance(found, Reports) else None


__all__ = ["EXTRA_KEY", "Reports", "attach_reports", "reports_of"]
