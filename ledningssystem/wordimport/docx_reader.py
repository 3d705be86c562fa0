"""Read one .docx file: its body as clean HTML (mammoth), its images, page header and properties.

The only module of the Word import that opens files. Municipal documents keep their metadata
in a table at the top of the body, in the page header (sidhuvud) or in the document properties;
mammoth ignores the last two, so python-docx reads them.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import mammoth
from docx.opc.exceptions import PackageNotFoundError

# Swedish Word names its built-in styles in Swedish in some versions; English names are mapped
# by mammoth itself. Title → h1, so the document's title is found like any first heading.
_STYLE_MAP = "\n".join(
    [
        "p[style-name='Title'] => h1:fresh",
        "p[style-name='Rubrik'] => h1:fresh",
        *(f"p[style-name='Rubrik {n}'] => h{n}:fresh" for n in range(1, 7)),
    ]
)
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/svg+xml": "svg"}


class WordReadError(Exception):
    """A file that is not a Word document that can be read (Swedish message)."""


@dataclass(frozen=True)
class WordImage:
    src: str  # the placeholder src in the HTML
    extension: str
    data: bytes


@dataclass
class WordDocument:
    """What the import needs from one .docx file."""

    path: Path
    html: str
    images: list[WordImage] = field(default_factory=list)
    header_rows: list[list[str]] = field(default_factory=list)  # page header tables and lines
    properties: dict[str, str] = field(default_factory=dict)  # title, subject, keywords …
    messages: list[str] = field(default_factory=list)  # what mammoth could not carry over


def read_word(path: Path) -> WordDocument:
    """Read `path`; raises WordReadError when it is not a readable .docx file."""
    data = _bytes(path)
    images: list[WordImage] = []
    skipped: list[str] = []
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=_STYLE_MAP,
            convert_image=mammoth.images.img_element(lambda i: _keep(i, images, skipped)),
        )
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as error:
        raise WordReadError(
            f"{path.name} kan inte läsas som ett Word-dokument (.docx): {type(error).__name__}. "
            "Öppna filen i Word och spara den som Word-dokument (.docx)."
        ) from None
    return WordDocument(
        path=path,
        html=result.value,
        images=images,
        header_rows=_header_rows(document),
        properties=_properties(document),
        messages=[*skipped, *sorted({m.message for m in result.messages if m.type == "warning"})],
    )


def _bytes(path: Path) -> bytes:
    if path.suffix.lower() == ".doc":
        raise WordReadError(
            f"{path.name} är i det gamla Word-formatet (.doc). Öppna den i Word och spara som "
            "Word-dokument (.docx), och importera den filen."
        )
    data = path.read_bytes()
    if not data.startswith(b"PK"):
        raise WordReadError(
            f"{path.name} är inte ett Word-dokument (.docx). Spara den som .docx i Word."
        )
    return data


def _keep(image: Any, images: list[WordImage], skipped: list[str]) -> dict[str, str]:
    src = f"bild-{len(images) + len(skipped) + 1}"
    with image.open() as stream:
        data = stream.read()
    extension = _EXTENSIONS.get(image.content_type or "", "")
    if extension:
        images.append(WordImage(src, extension, data))
    else:  # e.g. EMF/WMF drawings: no browser shows them
        skipped.append(
            f"en bild i formatet {image.content_type or 'okänt'} kan inte visas på webben och "
            "togs inte med; spara den som PNG och lägg in den i rutinen"
        )
    return {"src": src}


def _header_rows(document: Any) -> list[list[str]]:
    """Each row of the first section's page header tables, and each header line, as cell texts."""
    rows: list[list[str]] = []
    if not document.sections:
        return rows
    header = document.sections[0].header
    for table in header.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells]
            rows.append(list(dict.fromkeys(cells)))  # merged cells repeat their text
    rows += [[p.text.strip()] for p in header.paragraphs if p.text.strip()]
    return rows


def _properties(document: Any) -> dict[str, str]:
    core = document.core_properties
    found = {
        "titel": core.title,
        "ämne": core.subject,
        "nyckelord": core.keywords,
        "kategori": core.category,
        "version": core.version,
    }
    return {key: str(value).strip() for key, value in found.items() if value and str(value).strip()}
