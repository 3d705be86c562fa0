"""The figures as open data: JSON and CSV (UTF-8 with BOM, semicolon, decimal comma)."""

from __future__ import annotations

import csv
import io
import json

from ledningssystem.core.spreadsheet import text_cell
from ledningssystem.report.data import Reports
from ledningssystem.report.figures import Figure
from ledningssystem.report.meta import Approval
from ledningssystem.report.numbers import swedish


def figures_json(reports: Reports, year: int) -> str:
    data = reports.years[year]
    document = {
        "år": year,
        "typ": data.meta.kind.value,
        "status": data.meta.status.value,
        "fastställd": _approval(data.meta.approval),
        "figurer": [f.to_json() for f in reports.figures[year]],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _approval(approval: Approval | None) -> dict[str, str] | None:
    if approval is None:
        return None
    return {
        "datum": approval.date.isoformat(),
        "av": approval.by,
        "paragraf": approval.paragraph,
        "dnr": approval.registration,
    }


def _number(value: float | None, decimals: int) -> str:
    # No thousands separator and an ASCII minus: spreadsheets read the cell as a number.
    if value is None:
        return ""
    return swedish(value, decimals).replace("\u00a0", "").replace("\u2212", "-")


def figures_csv(reports: Reports, year: int) -> str:
    """Excel-friendly CSV: BOM, semicolons, decimal comma, no thousands separator."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "namn",
            "beskrivning",
            "värde",
            "enhet",
            "föregående_år",
            "föregående_värde",
            "förändring",
            "förändring_procent",
            "uppgift_saknas",
            "riktning",
            "utveckling",
            "mätår",
            "källa",  # added last, so readers that address columns by position still work
            "nedre",  # a bound or range ("över 90 %", "65–80 %"): värde is then empty
            "övre",
            "del",  # a share's part and whole: the small-number rule needs the whole
            "bas",
        ]
    )
    for figure in reports.figures[year]:
        writer.writerow(_row(figure))
    return "\ufeff" + out.getvalue()


def _row(f: Figure) -> list[str]:
    return [
        text_cell(f.name),  # names and labels are the author's text: never a formula
        text_cell(f.label),
        _number(f.value, f.decimals),
        text_cell(f.unit),
        str(f.previous_year) if f.previous is not None else "",
        _number(f.previous, f.decimals),
        _number(f.delta, f.decimals),
        _number(f.delta_percent if f.unit != "%" else None, 0),
        str(f.missing),
        f.direction or "",
        f.development or "",
        str(f.measured_year or ""),
        text_cell(f.source),  # kända_summor: where a figure not counted from rows comes from
        _number(f.bound.lower if f.bound else None, max(f.decimals, _places(f))),
        _number(f.bound.upper if f.bound else None, max(f.decimals, _places(f))),
        *(str(f.to_json().get(key, "")) for key in ("del", "bas")),
    ]


def _places(f: Figure) -> int:
    return f.bound.places if f.bound else 0
