"""Cross-reference checks of the legal register: what replaces a krav or a law must exist."""

from __future__ import annotations

from collections.abc import Iterable

from ledningssystem.core.errors import ContentError, field_label
from ledningssystem.core.model.base import ContentModel
from ledningssystem.core.model.content import Ledningssystem, RegisteredRequirement


class RegisterChecks:
    """The register's rules, mixed into validate._Checker (which defines ref and listed)."""

    content: Ledningssystem
    requirements: dict[str, RegisteredRequirement]
    errors: list[ContentError]

    def ref(
        self,
        model: ContentModel,
        path: tuple[str | int, ...],
        value: str,
        known: Iterable[str] | None,
        what: str,
        where: str,
    ) -> None:
        raise NotImplementedError

    def listed(
        self,
        model: ContentModel,
        key: str,
        values: Iterable[str],
        known: Iterable[str] | None,
        what: str,
        where: str,
    ) -> None:
        raise NotImplementedError

    def register(self) -> None:
        """Replacements in the legal register must point at krav and laws that exist."""
        names = [s.source for s in self.content.requirement_sources]
        for source in self.content.requirement_sources:
            if source.replaced_by:
                self.ref(
                    source,
                    ("ersätts_av",),
                    source.replaced_by,
                    [n for n in names if n != source.source],
                    "författningen",
                    "källa: i filerna i requirements/",
                )
            for req in source.requirements:
                self.listed(
                    req,
                    "ersätts_av",
                    req.replaced_by,
                    self.requirements,
                    "lagkravet",
                    "requirements/",
                )
                if req.replaced_by and req.ends is None and source.ends is None:
                    self.errors.append(
                        ContentError(
                            req.origin.file,
                            req.origin.line("ersätts_av"),
                            field_label(("ersätts_av",)),
                            "ett krav som ersätts måste ha upphör (eller ligga i en upphävd "
                            "författning)",
                            "Skriv upphör: ÅÅÅÅ-MM-DD, datumet då kravet slutade gälla.",
                        )
                    )
