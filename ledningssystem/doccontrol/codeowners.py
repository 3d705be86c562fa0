"""A CODEOWNERS file (GitHub and GitLab syntax) from each document's owner and the roles' Git users.

A pull request that changes a process or rutin then asks the owning role for review. An owner
given as a role in a unit (`ägare: avdelningschef@ifo`) asks only that unit's holder of the role
(`git_per_enhet` in roles/roller.yml), not every avdelningschef. The files that set who reviews
everything else (roles, organisation, settings, CODEOWNERS itself) go to the default reviewer.
"""

from __future__ import annotations

from ledningssystem.core.file_names import ORGANISATION_FILE, ROLES_FILE, SETTINGS_FILE
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.document import ControlledDocument

CODEOWNERS_FILE = "CODEOWNERS"  # the repository root: read by both GitHub and GitLab

# Changing these changes who is asked to review every other file, so someone must review them.
ROUTING_FILES = (CODEOWNERS_FILE, SETTINGS_FILE, ORGANISATION_FILE, ROLES_FILE)

HEADER = """\
# Skapad av `make codeowners` – ändra inte för hand.
# Ägaren till en process eller rutin (fältet ägare) granskar ändringar av den.
# Byt ägare i dokumentet eller Git-användare i roles/roller.yml och kör kommandot igen;
# ett test och CI stoppar om filen inte stämmer.
"""


def render_codeowners(content: Ledningssystem) -> str:
    """One line per routing file, then one per process and rutin file, sorted by path."""
    documents: list[ControlledDocument] = [*content.processes.values()]
    documents += [doc.meta for doc in content.routines.values()]
    lines = [HEADER, *_routing_lines(content), ""]
    for doc in sorted(documents, key=lambda d: d.origin.file):
        path = "/" + _escape(doc.origin.file)
        handles = owner_handles(content, doc)
        if handles:
            lines.append(f"{path} {' '.join(handles)}")
        else:
            lines.append(f"# {path}: {_missing(doc)}")
    return "\n".join(lines) + "\n"


def owner_handles(content: Ledningssystem, doc: ControlledDocument) -> tuple[str, ...]:
    """The Git users who review `doc`: the unit's holder of the role when a unit is named."""
    role = content.roles.get(doc.owner)
    if role is None:
        return ()
    if doc.owner_unit is None:
        return role.git_handles
    # A role held for a division also covers its enheter, unless an enhet has its own holder.
    for node in content.organisation.lineage(doc.owner_unit):
        if role.unit_handles.get(node):
            return role.unit_handles[node]
    return ()


def _routing_lines(content: Ledningssystem) -> list[str]:
    reviewer = content.settings.review.default_reviewer
    role = content.roles.get(reviewer)
    handles = role.git_handles if role else ()
    lines = [
        "# Roller, organisation och inställningar styr vem som granskar allt annat; de granskas av",
        f'# standardgranskaren "{reviewer}" (granskning: standardgranskare i {SETTINGS_FILE}).',
    ]
    for file in sorted(ROUTING_FILES):
        if handles:
            lines.append(f"/{file} {' '.join(handles)}")
        else:
            lines.append(
                f'# /{file}: standardgranskaren "{reviewer}" har ingen Git-användare (git:) '
                "i roles/roller.yml"
            )
    return lines


def _missing(doc: ControlledDocument) -> str:
    if doc.owner_unit:
        return (
            f'ägaren "{doc.owner_ref}" har ingen Git-användare för "{doc.owner_unit}" '
            "(git_per_enhet:) i roles/roller.yml"
        )
    return f'ägaren "{doc.owner}" har ingen Git-användare (git:) i roles/roller.yml'


def _escape(path: str) -> str:
    # Both hosts read a space as the end of the pattern unless it is escaped.
    return path.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#")
