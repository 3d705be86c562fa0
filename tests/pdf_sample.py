"""A sample berättelse for the PDF tests: 7 sections, a long table, an SVG chart, å/ä/ö."""

from __future__ import annotations

import datetime as dt
from html import escape

from ledningssystem.pdf import Organisation, PdfDocument, PdfSection

UNITS = ("Hemtjänst norr", "Hemtjänst söder", "Särskilt boende Åsen", "Daglig verksamhet Ängen")
LONG_TEXT = (
    "Förvaltningens systematiska kvalitetsarbete har under året fokuserat på "
    "avvikelsehanteringsprocessen, kompetensutvecklingsinsatser och "
    "informationsöverföringsrutiner mellan hemsjukvården och äldreomsorgsverksamheten. "
    "Verksamhetscheferna har följt upp läkemedelsavvikelser och fallolyckor månadsvis. "
)
KEY_FIGURES = {"Klagomål": "148", "Avvikelser": "1 234", "Lex Sarah-utredningar": "17"}
TABLE_ROWS = 140


def paragraphs(count: int) -> str:
    return "".join(f"<p>{escape(LONG_TEXT * 3)}</p>" for _ in range(count))


def key_figures_html() -> str:
    rows = "".join(
        f'<tr><th scope="row">{escape(name)}</th><td class="number">{value}</td></tr>'
        for name, value in KEY_FIGURES.items()
    )
    return (
        '<table class="key-figures"><caption>Nyckeltal 2024</caption>'
        '<thead><tr><th scope="col">Mått</th><th scope="col" class="number">Antal</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )


def long_table_html(rows: int = TABLE_ROWS) -> str:
    body = "".join(
        f"<tr><td>R-{i:03d}</td><td>{escape(UNITS[i % len(UNITS)])}</td>"
        f"<td>Risk för utebliven insats vid personalförändringar nr {i}</td>"
        f'<td class="number">{(i % 5) + 1}</td><td class="number">{(i % 4) + 1}</td>'
        f"<td>{'✔ Godkänd' if i % 3 else '✘ Ej godkänd'}</td></tr>"
        for i in range(1, rows + 1)
    )
    return (
        '<table class="risks"><caption>Riskregister</caption><thead><tr>'
        '<th scope="col">Id</th><th scope="col">Enhet</th><th scope="col">Risk</th>'
        '<th scope="col" class="number">Sannolikhet</th>'
        '<th scope="col" class="number">Konsekvens</th><th scope="col">Kontroll</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def chart_svg() -> str:
    values = [("Bemötande", 42), ("Handläggning", 31), ("Utförande", 55), ("Övrigt", 20)]
    bars = "".join(
        f'<rect x="{20 + i * 90}" y="{200 - v * 3}" width="60" height="{v * 3}" fill="#1a4d80"/>'
        f'<text x="{50 + i * 90}" y="218" text-anchor="middle" font-size="11">{escape(n)}</text>'
        for i, (n, v) in enumerate(values)
    )
    return (
        '<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 230" width="400" '
        'height="230" role="img" aria-labelledby="chart-title chart-desc">'
        '<title id="chart-title">Klagomål per kategori 2024</title>'
        '<desc id="chart-desc">Stapeldiagram: Utförande 55, Bemötande 42, '
        f"Handläggning 31, Övrigt 20.</desc>{bars}</svg>"
        "<figcaption>Figur 1. Klagomål per kategori.</figcaption></figure>"
    )


def sample_document(status: str = "Utkast") -> PdfDocument:
    """The berättelse for 2024 of Socialnämnden, as the tests print it."""
    sections = (
        PdfSection("sammanfattning", "Sammanfattning", paragraphs(2) + key_figures_html(), "1"),
        PdfSection(
            "organisation",
            "Övergripande mål och strategier",
            paragraphs(3),
            "2",
            (
                PdfSection("ansvar", "Ansvar för kvalitetsarbetet", paragraphs(2), "2.1"),
                PdfSection("samverkan", "Samverkan för säkerhet", paragraphs(2), "2.2"),
            ),
        ),
        PdfSection("klagomal", "Klagomål och synpunkter", paragraphs(1) + chart_svg(), "3"),
        PdfSection("riskanalys", "Riskanalys", paragraphs(1) + long_table_html(), "4"),
        PdfSection("egenkontroll", "Egenkontroll", paragraphs(4), "5"),
        PdfSection("avvikelser", "Avvikelser och lex Sarah", paragraphs(3), "6"),
        PdfSection("forbattringar", "Förbättringsområden för 2025", paragraphs(2), "7"),
    )
    return PdfDocument(
        title="Kvalitetsberättelse 2024",
        kind="Kvalitetsberättelse",
        organisation=Organisation(
            board="Socialnämnden",
            administration="Socialförvaltningen",
            municipality="Exempelkommun",
        ),
        year=2024,
        status=status,
        date=dt.date(2025, 2, 20),
        author="Kvalitetsstrateg, Socialförvaltningen",
        sections=sections,
    )
