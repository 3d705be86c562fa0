"""What a build makes, read once from mkdocs.yml's `extra:` and the environment.

The keys below are the whole interface between a configuration file and the engine: the
MkDocs hook, the macros glue and an export all pass `extra:` here and get typed options back.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

# mkdocs.yml `extra:` keys (mkdocs.public.yml sets the first).
SITE_KEY = "ledningssystem_site"  # "handbok" (default) or "public"
DRAFTS_KEY = "ledningssystem_utkast"  # public site: also berättelser not yet fastställda
PDF_KEY = "ledningssystem_pdf"  # write each year's PDF and link it from the year page
SITE_KINDS = ("handbok", "public")
# Environment variables that override the yes/no options (set by make build / make public).
ENVIRONMENT = {DRAFTS_KEY: "LEDNINGSSYSTEM_UTKAST", PDF_KEY: "LEDNINGSSYSTEM_PDF"}
_YES, _NO = ("ja", "true", "1"), ("nej", "false", "0", "")


class BuildOptionError(ValueError):
    """A build option in mkdocs.yml has a value the portal does not know (Swedish message)."""


@dataclass(frozen=True)
class BuildOptions:
    """The choices of one build; hashable, so a prepared build can be reused per choice."""

    site: Literal["handbok", "public"] = "handbok"
    drafts: bool = True  # the handbook always shows drafts; the public site only when asked
    pdf: bool = False

    @property
    def public(self) -> bool:
        return self.site == "public"

    @classmethod
    def read(
        cls, extra: Mapping[str, object] | None, environ: Mapping[str, str] | None = None
    ) -> BuildOptions:
        """The options in `extra:`, yes/no values overridden by ENVIRONMENT; BuildOptionError."""
        extra = extra or {}
        environ = os.environ if environ is None else environ
        site = extra.get(SITE_KEY) or "handbok"
        if site == "handbok" or site == "public":
            public = site == "public"
            drafts = not public or _flag(extra, environ, DRAFTS_KEY)
            return cls(site, drafts, _flag(extra, environ, PDF_KEY))
        raise BuildOptionError(
            f'{SITE_KEY}: okänt värde "{site}" i mkdocs-konfigurationen. '
            f"Välj en av: {', '.join(SITE_KINDS)}."
        )


def _flag(extra: Mapping[str, object], environ: Mapping[str, str], key: str) -> bool:
    """A yes/no option: its environment variable, else mkdocs.yml; true/false or ja/nej."""
    variable = ENVIRONMENT[key]
    source, value = (variable, environ[variable]) if variable in environ else (key, extra.get(key))
    if isinstance(value, bool) or value is None:
        return bool(value)
    text = str(value).strip().lower()
    if text in _YES or text in _NO:
        return text in _YES
    raise BuildOptionError(f'{source}: "{value}" är inget giltigt värde. Skriv ja eller nej.')
