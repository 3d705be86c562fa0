"""Cross-reference checks of the legal register: what replaces a krav or a law must exist."""

from __future__ import annotations

from ledningssystem.core.errors import ContentError, field_label
from ledningssystem.core.reference_checker import ReferenceChecker


class RegisterChecks(ReferenceChecker):
    """The register's rules, one part of validate._Checker."""

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
