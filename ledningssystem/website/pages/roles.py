"""A page per role ("vad ansvarar jag för?") and the index of roles."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from functools import partial

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.role import Role
from ledningssystem.core.urls import ROLE_INDEX, role_page
from ledningssystem.website.pages.memo import FRONT_MATTER
from ledningssystem.website.pages.page import BuildContext, Page, template_page
from ledningssystem.website.responsibilities import render_role_responsibilities


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    shown = _documents_shown(content) if context.memo.enabled else {}
    for role in content.roles.values():
        yield context.memo.page(
            partial(_role_key, context, shown, role),
            partial(role_document_page, content, context, role),
        )
    roles = sorted(content.roles.values(), key=lambda r: r.name.casefold())
    yield template_page(ROLE_INDEX, "pages/role_index.md.jinja", context, in_nav=True, roles=roles)


def role_document_page(content: Ledningssystem, context: BuildContext, role: Role) -> Page:
    src = role_page(role.id)
    return template_page(
        src,
        "pages/role.md.jinja",
        context,
        edit_path="roles/roller.yml",
        role=role,
        responsibilities=render_role_responsibilities(
            content, role.id, context.linker(src), finish=True
        ),
    )


def _role_key(context: BuildContext, shown: dict[str, set[str]], role: Role) -> Hashable:
    # Names, steps and letters of processes, never their prose: listed digests.
    return ("roll", role.id, context.memo.listed_files(shown.get(role.id, set())))


def _documents_shown(content: Ledningssystem) -> dict[str, set[str]]:
    """Role id → the files its page shows besides shared content: the processes where it has
    a letter or is the owner, those its årshjul activities name, and the front matter of the
    rutiner it owns. A document that stops naming the role leaves the set: a new key."""
    shown: dict[str, set[str]] = {}
    for process in content.processes.values():
        roles = {process.owner, *(r for step in process.steps for r in step.responsibility)}
        for role_id in roles:
            shown.setdefault(role_id, set()).add(process.origin.file)
    for activity in content.activities:
        if activity.process in content.processes:
            file = content.processes[activity.process].origin.file
            shown.setdefault(activity.responsible, set()).add(file)
    for doc in content.routines.values():
        shown.setdefault(doc.meta.owner, set()).add(doc.meta.origin.file + FRONT_MATTER)
    return shown
