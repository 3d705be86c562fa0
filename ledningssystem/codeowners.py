"""A CODEOWNERS file (GitHub and GitLab syntax) from each document's owner and the roles' Git users.

A pull request that changes a process or rutin then asks the owning role for review.
"""

from __future__ import annotations

from ledningssystem.model.content import Ledningssystem
from ledningssystem.model.document import ControlledDocument

CODEOWNERS_FILE = "CODEOWNERS"  # the repository root: read by both GitHub and GitLab

HEADER = """\
# Skapad av `make codeowners` – ändra inte för hand.
# Ägaren till en process eller rutin (fältet ägare) granskar ändringar av den.
# Byt ägare i dokumentet eller Git-användare i roles/roller.yml och kör kommandot igen;
# ett test och CI stoppar om filen inte stämmer.
"""


def render_codeowners(content: Ledningssystem) -> str:
    """One line per process and rutin file, sorted by path."""
    documents: list[ControlledDocument] = [*content.processes.values()]
    documents += [doc.meta for doc in content.routines.values()]
    lines = [HEADER]
    for doc in sorted(documents, key=lambda d: d.origin.file):
        path = "/" + _escape(doc.origin.file)
        role = content.roles.get(doc.owner)
        handles = role.git_handles if role else ()
        if handles:
            lines.append(f"{path} {' '.join(handles)}")
        else:
            lines.append(
                f'# {path}: ägaren "{doc.owner}" har ingen Git-användare (git:) i roles/roller.yml'
            )
    return "\n".join(lines) + "\n"


def _escape(path: str) -> str:
    # Both hosts read a space as the end of the pattern unless it is escaped.
    return path.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#")
