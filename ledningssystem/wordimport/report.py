"""The summary of a Word import: a table for the terminal and a Markdown report for the review."""

from __future__ import annotations

from ledningssystem.wordimport.importer import ImportedFile


def summary_markdown(results: list[ImportedFile], folder: str) -> str:
    """File → rutin id, fields found, warnings; then what each file still needs."""
    imported = [r for r in results if not r.refused]
    lines = [
        "# Import av Word-dokument",
        "",
        f"{len(imported)} av {len(results)} filer importerades som utkast till `{folder}/`. "
        "Granska varje rutin mot originalet, fyll i det som saknas och skicka in en "
        "ändringsbegäran.",
        "",
        "| Fil | Rutin | Uppgifter som hittades | Varningar |",
        "|---|---|---|---|",
    ]
    for r in results:
        target = f"`{r.target}`" if r.target and not r.refused else "**inte importerad**"
        found = ", ".join(r.found) or "–"
        notes = [f"**Stoppad:** {r.refused}"] if r.refused else [*r.warnings]
        if r.images and not r.refused:
            notes.append(f"{len(r.images)} bild(er) kopierade")
        lines.append(
            f"| {_cell(r.source)} | {target} | {_cell(found)} | {_cell('; '.join(notes) or '–')} |"
        )
    return "\n".join(lines) + "\n"


def summary_text(results: list[ImportedFile]) -> str:
    """A table for the terminal (file → rutin id, fields found, warnings), then the details."""
    header = ("Fil", "Rutin (id)", "Uppgifter som hittades", "Varningar")
    rows = [header]
    for r in results:
        found = ", ".join(f.split(" (")[0] for f in r.found) or "–"
        notes = "stoppad" if r.refused else str(len(r.warnings))
        rows.append((r.source, "INTE IMPORTERAD" if r.refused else r.routine_id, found, notes))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True)) + "  " + row[3]
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len(header[3]))
    for r in results:
        if r.refused:
            lines.append(f"\n{r.source}: inte importerad – {r.refused}")
            continue
        lines.append(f"\n{r.source} → {r.target}")
        if r.images:
            lines.append(f"    bilder: {', '.join(r.images)}")
        lines += [f"    varning: {w}" for w in r.warnings]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
