"""Everything a site build needs, prepared once before any page renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ledningssystem.history import read_history
from ledningssystem.load import load_ledningssystem
from ledningssystem.model.content import Ledningssystem
from ledningssystem.pages import BuildContext, Page, generate_pages


@dataclass(frozen=True)
class SiteBuild:
    """The validated content, the build context and the generated pages of one build."""

    content: Ledningssystem
    context: BuildContext
    pages: list[Page]
    # Filled by the macros glue while pages render; reported together before any page is written.
    macro_errors: list[str] = field(default_factory=list)

    def macro_report(self) -> str | None:
        """All macro errors of the build as one Swedish message, or None."""
        if not self.macro_errors:
            return None
        errors = sorted(set(self.macro_errors))
        return "\n".join(
            [f"Makron i docs/ har {len(errors)} fel som måste rättas:"] + [f"  {e}" for e in errors]
        )

    def edit_url(self, edit_path: str | None) -> str | None:
        pattern = self.content.settings.git.edit_url
        return pattern.format(path=edit_path) if pattern and edit_path else None


def prepare_build(root: Path | str, directory_urls: bool = True) -> SiteBuild:
    """Load and validate the content under `root` and generate its pages (raises ContentErrors)."""
    content = load_ledningssystem(root)
    context = BuildContext(directory_urls=directory_urls, history=read_history(root))
    return SiteBuild(content, context, generate_pages(content, context))
