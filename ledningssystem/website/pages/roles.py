"""A page per role ("vad ansvarar jag för?") and the index of roles."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import ROLE_INDEX, role_page
from ledningssystem.website.pages.page import BuildContext, Page, template_page
from ledningssystem.website.responsibilities import render_role_responsibilities


def pages(content: Ledningssystem, context: BuildContext) -> list[Page]:
    # What a role answers for comes from front matter and processes: the outline.
    return context.memo.listing("roller", partial(_pages, content, context))


def _pages(content: Ledningssystem, context: BuildContext) -> list[Page]:
    return list(_each(content, context))


def _each(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    for role in content.roles.values():
        src = role_page(role.id)
        yield template_page(
            src,
            "pages/role.md.jinja",
            context,
            edit_path="roles/roller.yml",
            role=role,
            responsibilities=render_role_responsibilities(content, role.id, context.linker(src)),
        )
    roles = sorted(content.roles.values(), key=lambda r: r.name.casefold())
    yield template_page(ROLE_INDEX, "pages/role_index.md.jinja", context, in_nav=True, roles=roles)
