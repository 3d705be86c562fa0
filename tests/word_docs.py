"""Real .docx files built with python-docx, as a förvaltning's Word rutiner look."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from PIL import Image


def png_bytes(colour: str = "red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def add_link(paragraph: Paragraph, text: str, url: str) -> None:
    """A real Word hyperlink (python-docx has no API for one)."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def rutin_docx(path: Path, extra_line: str = "") -> Path:
    """A rutin with a metadata table at the top, headings, a numbered list, a table, an image
    and a link; `extra_line` adds a paragraph (e.g. one holding a personnummer)."""
    document = docx.Document()
    document.core_properties.keywords = "avvikelse, fall"
    table = document.add_table(rows=5, cols=2)
    rows = [
        ("Dokumentnamn", "Rapportera avvikelse i hemtjänsten"),
        ("Dokumenttyp", "Rutin"),
        ("Fastställd av", "Förvaltningschef"),
        ("Fastställd datum", "2024-03-01"),
        ("Ansvarig", "Avdelningschef IFO"),
    ]
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph("Version: 2.1")
    document.add_paragraph("Diarienummer: SN 2024/17")
    document.add_paragraph("Giltig till: 2026-03-01")
    document.add_heading("Syfte", level=1)
    intro = document.add_paragraph("Rutinen är ")
    intro.add_run("viktig").bold = True
    intro.add_run(" och ")
    intro.add_run("gäller alla").italic = True
    intro.add_run(".")
    document.add_heading("Så här gör du", level=1)
    for step in ("Ta hand om brukaren.", "Rapportera i systemet.", "Informera enhetschefen."):
        document.add_paragraph(step, style="List Number")
    document.add_heading("Kontakter", level=2)
    contacts = document.add_table(rows=2, cols=2)
    contacts.rows[0].cells[0].text, contacts.rows[0].cells[1].text = "Roll", "Telefon"
    contacts.rows[1].cells[0].text, contacts.rows[1].cells[1].text = "SAS", "ankn. 123"
    link = document.add_paragraph("Läs mer hos ")
    add_link(link, "Socialstyrelsen", "https://www.socialstyrelsen.se/")
    document.add_picture(io.BytesIO(png_bytes()))
    if extra_line:
        document.add_paragraph(extra_line)
    document.save(path)
    return path


def header_docx(path: Path, title: str = "Checklista vid hembesök") -> Path:
    """Metadata only in the page header and the document properties."""
    document = docx.Document()
    document.core_properties.title = title
    header = document.sections[0].header
    table = header.add_table(rows=2, cols=3, width=docx.shared.Cm(15))
    for cell, text in zip(table.rows[0].cells, ("Version", "Fastställd", "Revideras"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1.0", "1 mars 2024", "2025-03-01"), strict=True):
        cell.text = text
    document.add_paragraph("Kontrollera att dörren är låst.", style="List Bullet")
    document.save(path)
    return path
