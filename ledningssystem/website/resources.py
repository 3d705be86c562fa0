"""After the build: no page, stylesheet or image of the site may load anything from outside it.

The intranet may have no internet, and a request to another server tells that server who
reads what. Every resource URL is checked: src, srcset, poster and data attributes,
<link> hrefs that load (stylesheet, icon, preload …), and url(…)/@import in CSS files,
<style> elements and style attributes. Links a reader follows (<a href>) are not resources.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ledningssystem.core.sanitise import is_external
from ledningssystem.core.scan_memo import FoundFile, ScanMemo, files_under

_LOADING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}
# CSS is ASCII case-insensitive ("URL(" loads too) and allows escapes ("\\75 rl(" is url().
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
_CSS_IMAGE_SET = re.compile(r"image-set\(([^)]*)\)", re.IGNORECASE)
_CSS_STRING = re.compile(r"""['"]([^'"]+)['"]""")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.DOTALL)
_RESOURCE_ATTRIBUTES = {"src", "poster", "data"}
# A script's text up to where html.parser ends it; its start tag (with src) stays.
_SCRIPT_TEXT = re.compile(
    r"""(<script\b(?:[^>"']|"[^"]*"|'[^']*')*>).*?(</\s*script\s*>)""", re.DOTALL
)
_STYLE = re.compile(r"<style|style\s*=")
# What every finding of _markup_urls needs in the raw text (see _may_load_outside).
_MARK = r"(?::|//|\\\\|&)"
_MAYBE_OUTSIDE = re.compile(
    rf"""(?:src|srcset|poster|data|href)\s*=+\s*(?:"[^"]*?{_MARK}|'[^']*?{_MARK}|[^\s"'>]*?{_MARK})"""
    r"""|style\s*=+\s*(?:"[^"]*?&|'[^']*?&|[^\s"'>]*?&)"""
)


def external_resources(site_dir: Path) -> list[str]:
    """ "<file>: <what> → <url>" for every resource in the site that points outside it."""
    return ResourceScan().scan(site_dir)


class ResourceScan:
    """external_resources for a site rebuilt again and again (make serve's dirty rebuilds).

    A file is read again only when its size or modification time changed since the last scan,
    so a rebuild that wrote three pages reads three pages, not the whole site.
    """

    def __init__(self) -> None:
        self._memo: ScanMemo[list[str]] = ScanMemo()

    def scan(self, site_dir: Path) -> list[str]:
        found: list[str] = []
        for file in files_under(site_dir):
            if file.rel.endswith((".html", ".css", ".svg")):
                found += self._memo.get(file, _file_findings)
        self._memo.done()
        return found


def _file_findings(file: FoundFile) -> list[str]:
    rel = file.rel
    text = Path(file.path).read_text(encoding="utf-8", errors="replace")
    if rel.endswith(".css"):
        urls = _css_urls(text)
    elif _may_load_outside(text):
        urls = _markup_urls(text)
    else:
        return []
    return [f"{rel}: {what} → {url}" for what, url in urls if is_external(url)]


def external_resources_report(found: list[str], shown: int = 20) -> str:
    """The Swedish message that stops the build, listing the first `shown` findings."""
    lines = [
        f"Webbplatsen hämtar {len(found)} resurser utanför sig själv; bygget stoppas, "
        "eftersom intranätet ska fungera utan internet och inga anrop får gå till andra servrar:"
    ]
    lines += [f"  {item}" for item in found[:shown]]
    if len(found) > shown:
        lines.append(f"  … och {len(found) - shown} till.")
    lines.append(
        "Lägg bilder, typsnitt och stilmallar i docs/ och länka till dem med relativa sökvägar."
    )
    return "\n".join(lines)


def _may_load_outside(text: str) -> bool:
    """False only when _markup_urls(text) cannot find a URL outside the site.

    Parsing is most of the check's time, and almost no page needs it. A URL outside is an
    attribute value (src, srcset, poster, data, href) that has a scheme's ":", "//" or "\\\\"
    in it, or an entity ("&") that could decode to one; or url( or @import in a <style> or a
    style attribute, written out or behind an entity. The parser lowercases attribute names
    as str.lower does; the search is on the lowercased text, so it finds the same names.
    """
    # Script text is never searched by the parser, and every Material page has "new URL(" in it.
    lowered = _SCRIPT_TEXT.sub(r"\1\2", text.lower())
    if any(word in lowered for word in ("url(", "@import", "image-set(")):
        return True
    if "\\" in lowered and _STYLE.search(lowered):  # a CSS escape can spell url(
        return True
    return _MAYBE_OUTSIDE.search(lowered) is not None


def _css_urls(css: str) -> list[tuple[str, str]]:
    css = _CSS_ESCAPE.sub(_css_unescaped, css)
    found = [("url() i CSS", a or b) for a, b in _CSS_URL.findall(css)]
    for arguments in _CSS_IMAGE_SET.findall(css):
        found += [("image-set() i CSS", url) for url in _CSS_STRING.findall(arguments)]
    return found


def _css_unescaped(match: re.Match[str]) -> str:
    if match[2] is not None:
        return match[2]
    code = int(match[1], 16)
    return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"


def _markup_urls(text: str) -> list[tuple[str, str]]:
    finder = _UrlFinder()
    finder.feed(text)
    finder.close()
    return finder.urls


class _UrlFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in _RESOURCE_ATTRIBUTES & values.keys():
            self.urls.append((f"<{tag} {name}>", values[name]))
        for candidate in values.get("srcset", "").split(","):
            if candidate.strip():
                self.urls.append((f"<{tag} srcset>", candidate.split()[0]))
        if tag == "link" and _LOADING_LINKS & set(values.get("rel", "").lower().split()):
            self.urls.append(("<link href>", values.get("href", "")))
        if tag in {"image", "use", "feimage"}:  # SVG elements that load their href (lowercased)
            for name in ("href", "xlink:href"):
                if name in values:
                    self.urls.append((f"<{tag} {name}>", values[name]))
        if "style" in values:
            self.urls += [(f"<{tag} style>", url) for _, url in _css_urls(values["style"])]
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += [("<style>", url) for _, url in _css_urls(data)]
