"""Build options are read once, from `extra:` and the environment, into typed BuildOptions."""

from __future__ import annotations

import pytest

from ledningssystem.website.options import (
    DRAFTS_KEY,
    PDF_KEY,
    SITE_KEY,
    BuildOptionError,
    BuildOptions,
)


def test_defaults_are_the_handbook_with_drafts_and_no_pdf() -> None:
    assert BuildOptions.read(None, {}) == BuildOptions("handbok", drafts=True, pdf=False)


def test_the_public_site_shows_drafts_only_when_asked() -> None:
    assert not BuildOptions.read({SITE_KEY: "public"}, {}).drafts
    assert BuildOptions.read({SITE_KEY: "public", DRAFTS_KEY: "ja"}, {}).drafts
    assert BuildOptions.read({SITE_KEY: "public"}, {"LEDNINGSSYSTEM_UTKAST": "ja"}).drafts


def test_the_environment_overrides_the_configuration() -> None:
    assert BuildOptions.read({PDF_KEY: True}, {"LEDNINGSSYSTEM_PDF": "nej"}).pdf is False
    assert BuildOptions.read({PDF_KEY: "nej"}, {"LEDNINGSSYSTEM_PDF": "ja"}).pdf is True


@pytest.mark.parametrize(
    ("extra", "environ", "message"),
    [
        ({SITE_KEY: "extern"}, {}, 'ledningssystem_site: okänt värde "extern"'),
        ({PDF_KEY: "kanske"}, {}, 'ledningssystem_pdf: "kanske" är inget giltigt värde'),
        ({}, {"LEDNINGSSYSTEM_PDF": "x"}, 'LEDNINGSSYSTEM_PDF: "x" är inget giltigt värde'),
    ],
)
def test_a_wrong_value_names_its_key_in_swedish(
    extra: dict[str, object], environ: dict[str, str], message: str
) -> None:
    with pytest.raises(BuildOptionError, match=message):
        BuildOptions.read(extra, environ)
