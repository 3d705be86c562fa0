"""An engine-neutral copy of the site source: every generated page written, every macro expanded.

The result is a plain MkDocs project (docs/, overrides/, mkdocs.yml) that needs neither the
portal's hooks nor the macros plugin, so Material, ProperDocs or Zensical build it as it is.
What only the hooks do is left out and said so: the Pagefind search index (run
`search-index` on the built site) and the berättelse PDFs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.load import split_front_matter
from ledningssystem.core.urls import in_handbook_docs, in_public_docs
from ledningssystem.render.finished_html import unmarked
from ledningssystem.website.build import SiteBuild, prepare_build
from ledningssystem.website.macro_api import MACROS, MacroContext, MacroError, call_macro

GLUE_PLUGINS = {"macros"}  # plugins whose work the export has already done


class ExportError(Exception):
    """The MkDocs configuration cannot be read or written (Swedish message)."""


@dataclass
class Export:
    """What export_docs wrote."""

    target: Path
    generated: int = 0
    expanded: list[str] = field(default_factory=list)
    copied: int = 0


def export_docs(root: Path, target: Path, config_name: str = "mkdocs.yml") -> Export:
    """Write the complete site source of `root` (built per `config_name`) into `target`.

    The portal sanitises each page's HTML in a hook, which the export does not have: it
    relies on prepare_build's load, which refuses every piece of author markup the sanitiser
    would remove (markup_check, file_scan), so nothing hostile reaches the export. The
    generated pages hold only the engine's own escaped markup."""
    config = _read_config(root / config_name)
    extra = config.get("extra") or {}
    build = prepare_build(root, bool(config.get("use_directory_urls", True)), extra)
    if target.exists() and any(target.iterdir()):
        raise ExportError(f"{target} finns redan och är inte tom. Välj en ny mapp.")
    made = not target.exists()
    docs = target / "docs"
    result = Export(target)
    try:
        result.copied, result.expanded = _copy_docs(root / "docs", docs, build)
    except ContentErrors:
        if made:  # nothing half-written is left behind
            shutil.rmtree(target, ignore_errors=True)
        raise
    for page in build.pages:
        _write(docs / page.src, unmarked(page.markdown))  # no hook puts finished HTML back
        result.generated += 1
    for uri, path in build.assets.items():  # images beside the rutiner (routine_assets)
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, docs / uri)
        result.copied += 1
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir and (root / custom_dir).is_dir():
        shutil.copytree(root / custom_dir, target / custom_dir)
    _write(target / "mkdocs.yml", _plain_config(config))
    return result


def _read_config(path: Path) -> dict[str, Any]:
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ExportError(f"{path.name} går inte att läsa: {error}") from None
    if not isinstance(config, dict):
        raise ExportError(f"{path.name} är ingen MkDocs-konfiguration.")
    return config


def _copy_docs(source: Path, docs: Path, build: SiteBuild) -> tuple[int, list[str]]:
    """Copy the docs/ files this site publishes; expand the macros of `render_macros` pages."""
    keep = in_public_docs if build.context.public else in_handbook_docs
    copied, expanded, errors = 0, list[str](), list[ContentError]()
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        src = path.relative_to(source).as_posix()
        if not keep(src):
            continue
        markdown = _expanded(path, src, build, errors) if path.suffix == ".md" else None
        if markdown is None:
            (docs / src).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, docs / src)
            copied += 1
        else:
            _write(docs / src, markdown)
            expanded.append(src)
    if errors:
        raise ContentErrors(errors)
    return copied, expanded


def _expanded(path: Path, src: str, build: SiteBuild, errors: list[ContentError]) -> str | None:
    """The page with its macros run, or None when it does not opt in (`render_macros: true`)."""
    text = path.read_text(encoding="utf-8")
    parts = split_front_matter(text)
    meta = yaml.safe_load(parts[0]) if parts else None
    if not isinstance(meta, dict) or meta.get("render_macros") is not True:
        return None
    assert parts is not None
    meta.pop("render_macros")
    context = MacroContext(build.content, build.context.linker(src), src)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    environment.globals.update({name: _bound(name, context) for name in MACROS})
    try:
        body = environment.from_string(parts[1]).render()
    except (MacroError, jinja2.TemplateError) as error:
        errors.append(ContentError(f"docs/{src}", None, "", str(error)))
        return None
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    return (f"---\n{front}---\n" if front else "") + body


def _bound(name: str, context: MacroContext) -> Any:
    return lambda *args, **kwargs: call_macro(name, context, *args, **kwargs)


def _plain_config(config: dict[str, Any]) -> str:
    """mkdocs.yml without the portal's hooks and without the macros plugin."""
    plain = {key: value for key, value in config.items() if key != "hooks"}
    plugins = [p for p in config.get("plugins") or [] if _plugin_name(p) not in GLUE_PLUGINS]
    plain["plugins"] = plugins  # an empty list, not absent: absent means "search" to MkDocs
    header = (
        "# Skapad av python -m ledningssystem export-docs: alla sidor och makron är färdiga,\n"
        "# så varken hooks eller mkdocs-macros behövs. Ändra innehållet i källan, inte här.\n"
    )
    return header + yaml.safe_dump(plain, allow_unicode=True, sort_keys=False)


def _plugin_name(plugin: object) -> str:
    if isinstance(plugin, dict):
        return str(next(iter(plugin), ""))
    return str(plugin)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
