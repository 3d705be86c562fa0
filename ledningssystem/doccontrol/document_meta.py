"""Document control fields read leniently from any revision of a process or rutin file.

Old revisions in Git may not validate against today's model (fields come and go),
so this reads only what document control needs and never raises on content.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ledningssystem.core.load import split_front_matter
from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml

# The fields that record control of a document rather than what it says: changing only
# these (e.g. a review that extends revideras_senast) needs no new version.
CONTROL_KEYS = frozenset(
    {
        "status",
        "version",
        "gäller_från",
        "fastställd_av",
        "fastställd_datum",
        "revideras_senast",
        "ägare",
    }
)
# What a document says that a reader does not act on: search words, the summary in lists,
# and the note that marks a correction (spelling, a broken link) as editorial. Changing
# these needs no new version (see docs/skriva/andra-en-rutin.md).
EDITORIAL_KEYS = frozenset({"nyckelord", "sammanfattning", "redaktionell_ändring"})


@dataclass(frozen=True)
class DocumentMeta:
    """What one revision of a document says about itself; missing fields are empty."""

    id: str = ""
    title: str = ""
    owner: str = ""
    status: str = ""
    version: str = ""
    valid_from: dt.date | None = None
    approved_by: str = ""
    approved_on: dt.date | None = None
    review_by: dt.date | None = None
    editorial_note: str = ""  # redaktionell_ändring: why this change needs no new version
    readable: bool = True

    @property
    def version_key(self) -> tuple[int, ...] | None:
        return version_key(self.version)


@dataclass(frozen=True)
class ParsedDocument:
    """A revision's control fields and the rest of what it says (for comparing content)."""

    meta: DocumentMeta
    content: Any


UNREADABLE = ParsedDocument(DocumentMeta(readable=False), None)


def parse_meta(path: str, text: bytes | None) -> DocumentMeta:
    """Only the control fields of a rutin (.md) or process (.yml) revision: quicker."""
    return parse_document(path, text, with_content=False).meta


def parse_document(
    path: str, text: str | bytes | None, with_content: bool = True
) -> ParsedDocument:
    """The control fields and content of a rutin (.md) or process (.yml) revision."""
    if text is None:
        return UNREADABLE
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", "replace")
    body = ""
    if path.endswith(".md"):
        split = split_front_matter(text)
        if split is None:
            return UNREADABLE
        text, body = split[0], split[1] if with_content else ""
    try:
        # The content loader's parser: old revisions may hold aliases, tags or bombs too.
        data, _ = parse_yaml(text)
    except YamlProblem:
        return UNREADABLE
    if not isinstance(data, dict):
        return UNREADABLE
    meta = DocumentMeta(
        id=_text(data.get("id")),
        title=_text(data.get("titel") or data.get("namn")),
        owner=_text(data.get("ägare")),
        status=_text(data.get("status")),
        version=_text(data.get("version")),
        valid_from=_date(data.get("gäller_från")),
        approved_by=_text(data.get("fastställd_av")),
        approved_on=_date(data.get("fastställd_datum")),
        review_by=_date(data.get("revideras_senast")),
        editorial_note=_text(data.get("redaktionell_ändring")),
    )
    if not with_content:
        return ParsedDocument(meta, None)
    content = {k: v for k, v in data.items() if k not in CONTROL_KEYS | EDITORIAL_KEYS}
    return ParsedDocument(meta, (content, _normalise_body(body)))


def version_key(version: str) -> tuple[int, ...] | None:
    """ "1.10" → (1, 10): versions compare as numbers, so 1.10 comes after 1.9."""
    if not re.fullmatch(r"\d+(\.\d+)*", version or ""):
        return None
    parts = [int(p) for p in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()  # 2 and 2.0 are the same version
    return tuple(parts)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        return None


def _normalise_body(body: str) -> str:
    # Trailing spaces and blank lines at the end are not a change a reader can see.
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")
