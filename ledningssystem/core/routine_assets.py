"""Images kept beside the rutiner (e.g. copied by import-word), published beside their pages.

A rutin's page is rutiner/<id>.md, so an image the rutin links as `<id>-bild-1.png` (beside
the file in routines/, where Git hosts show it too) is published as rutiner/<id>-bild-1.png.
"""

from __future__ import annotations

from pathlib import Path

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.urls import ROUTINE_INDEX

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
_FOLDER = ROUTINE_INDEX.rpartition("/")[0]


def asset_pages(root: Path | str) -> set[str]:
    """The site paths of the images beside the rutiner: what a rutin's image link points at."""
    return {f"{_FOLDER}/{p.name}" for p in _images(Path(root))}


def _images(root: Path) -> list[Path]:
    found = sorted((root / "routines").rglob("*")) if (root / "routines").is_dir() else []
    return [p for p in found if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]


def routine_assets(root: Path | str) -> dict[str, Path]:
    """Site path → file of every image under routines/; two images of one name are an error."""
    root = Path(root)
    assets: dict[str, Path] = {}
    errors = []
    for path in sorted((root / "routines").rglob("*")):
        if path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
            continue
        uri = f"{_FOLDER}/{path.name}"
        if uri in assets:
            errors.append(
                ContentError(
                    path.relative_to(root).as_posix(),
                    None,
                    "",
                    f"bilden har samma namn som {assets[uri].relative_to(root).as_posix()}",
                    "Bilderna publiceras i samma mapp; byt namn på den ena (och länken till den).",
                )
            )
            continue
        assets[uri] = path
    if errors:
        raise ContentErrors(errors)
    return assets
