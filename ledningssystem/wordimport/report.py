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
    """The same, as aligned plain text for the terminal."""
    lines = []
    for r in results:
        if r.refused:
            lines.append(f"{r.source}: INTE IMPORTERAD – {r.refused}")
            continue
        lines.append(f"{r.source} → {r.target} (id: {r.routine_id})")
        lines.append(f"    hittade: {', '.join(r.found) or 'inga uppgifter'}")
        if r.images:
            lines.append(f"    bilder: {', '.join(r.images)}")
        lines += [f"    varning: {w}" for w in r.warnings]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
