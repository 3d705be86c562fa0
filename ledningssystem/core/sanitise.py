"""The HTML authors may write, and sanitising every page's rendered content to it.

Rutiner, process descriptions and the berättelse's texts are Markdown, which passes raw
HTML through. Each page's content HTML is cleaned with nh3 (the Rust crate ammonia)
against one allow-list: what Markdown and the portal's own pages and diagrams produce,
plus what authors need (tables, details/summary, abbr, kbd, sup/sub, span/div with
class). Scripts, iframes, forms, event handlers and javascript: links are removed, and a
resource (img src, srcset, …) may only point inside the site. `markup_problems` tells the
same rules to `check`, with file and line, before any build.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

_TEXT_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre",
    "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}  # fmt: skip
# The portal's own diagrams (templates/diagrams/*.svg.jinja) are inline SVG.
_SVG_TAGS = {
    "svg", "g", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text",
    "tspan", "title", "desc",
}  # fmt: skip
ALLOWED_TAGS = frozenset(_TEXT_TAGS | _SVG_TAGS)

_GENERIC = {"class", "id", "title", "role", "tabindex", "lang", "dir", "hidden"}
_SVG_ATTRIBUTES = {
    "viewBox", "xmlns", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
    "rx", "ry", "d", "points", "fill", "stroke", "stroke-width", "stroke-dasharray",
    "font-size", "font-weight", "text-anchor", "dominant-baseline", "dx", "dy", "transform",
    "opacity",
    "focusable",  # focusable="false": the lane labels are not a tab stop (older browsers)
}  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC,
    # style: the process map's hotspots are placed in percent; download: the BPMN file link
    "a": {"href", "style", "download"},
    "div": {"style"},  # style: a chart's box is as wide as its drawing (max-width)
    "abbr": set(),
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "scope"},
    "th": {"colspan", "rowspan", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    **{tag: set(_SVG_ATTRIBUTES) for tag in _SVG_TAGS},
}
# Hotspot and chart boxes: positions and sizes, nothing that can load anything.
_STYLE_PROPERTIES = {"left", "top", "right", "bottom", "width", "height", "max-width"}
_PREFIXES = {"aria-", "data-"}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data"}
_EXTERNAL = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\)")


def is_external(url: str) -> bool:
    """Whether loading `url` leaves the site (a scheme or //host). Relative paths, #ids and
    data: URLs (the resource is inside the page itself) do not."""
    return bool(_EXTERNAL.match(url)) and not url.strip().lower().startswith("data:")


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if name in _RESOURCE_ATTRIBUTES and is_external(value):
        return None  # an image from elsewhere is a request outside the site
    return value


def _resource_tag_pattern() -> re.Pattern[str]:
    """The start of a tag on which the allow-list keeps a resource attribute (any case)."""
    tags = {tag for tag, names in ALLOWED_ATTRIBUTES.items() if names & _RESOURCE_ATTRIBUTES}
    if "*" in tags:
        return re.compile("")  # every tag may carry one
    if "img" in tags:
        tags.add("image")  # an HTML parser reads <image> as <img>
    return re.compile("<(?:" + "|".join(sorted(tags, key=len, reverse=True)) + ")", re.I)


_RESOURCE_TAG = _resource_tag_pattern()


def sanitise_html(html: str) -> str:
    """`html` with everything outside the allow-list removed."""
    # nh3 calls the filter from Rust for every attribute (a process map has thousands): a
    # third of the sanitiser's time at city size. Only a tag that may keep a resource
    # attribute (<img src>) needs it, so HTML without one is cleaned without it, alike.
    needs_filter = _RESOURCE_TAG.search(html) is not None
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        generic_attribute_prefixes=_PREFIXES,
        url_schemes=_URL_SCHEMES,
        attribute_filter=_keep_attribute if needs_filter else None,
        filter_style_properties=_STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=False,
    )


def markup_problems(markdown: str) -> list[tuple[int, str]]:
    """(line, Swedish description) of each piece of raw HTML in `markdown` that the site
    would remove: a tag or attribute outside the allow-list, a javascript: link, an
    image from outside the site. Code blocks and code spans are not HTML and are skipped."""
    text = _without_code(markdown)
    finder = _TagFinder()
    finder.feed(text)
    finder.close()
    problems = finder.problems
    for number, line in enumerate(text.split("\n"), start=1):
        if _EXTERNAL_IMAGE.search(line):
            problems.append((number, "bilden hämtas utanför webbplatsen"))
        if _SCRIPT_LINK.search(html.unescape(line)):  # a browser decodes java&#115;cript:
            problems.append((number, _RUNS_CODE))
        if any(_HANDLER.search(found) for found in _ATTR_LIST.findall(line)):
            problems.append((number, _HANDLER_IN_ATTR_LIST))
    return sorted(set(problems))  # [x](<javascript:…>) is both an autolink and a link


# Markdown's own syntax for what raw HTML would do: ![alt](https://…), [x](javascript:…)
# and its reference form, a line `[a]: javascript:…` that [x][a] uses.
_EXTERNAL_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_SCRIPT_LINK = re.compile(r"(?:\]\(|^ {0,3}\[[^\]]+\]:)\s*<?\s*(javascript|vbscript|data):", re.I)
# attr_list's `{: onclick=… }` puts an attribute on the element; only the sanitiser removes
# it from the portal, and an export (plain Material) would keep it.
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_HANDLER_IN_ATTR_LIST = "attributlistan {: … } sätter ett on…=-attribut som kör kod"
_HANDLER = re.compile(r"(?:^|\s)on[a-z]+\s*=", re.I)


_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _without_code(markdown: str) -> str:
    """`markdown` with fenced blocks and code spans blanked, lines kept."""
    out, fence = [], ""
    for line in markdown.split("\n"):
        marker = _FENCE.match(line)
        if fence:
            out.append("")
            if marker and marker.group(1) == fence:
                fence = ""
            continue
        if marker:
            fence = marker.group(1)
            out.append("")
            continue
        out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(out)


_SCRIPT_SCHEME = re.compile(r"(javascript|vbscript|data):", re.I)
_RUNS_CODE = "länken kör kod (javascript:)"
_AUTOLINK = re.compile(r"^(https?:|ftp:|mailto:|[^\s]*@)", re.I)


class _TagFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if _AUTOLINK.match(tag):
            return  # <https://…> and <namn@example.org> are Markdown links, not HTML
        if _SCRIPT_SCHEME.match(tag):
            self.problems.append((line, _RUNS_CODE))  # the autolink <javascript:…>
            return
        if tag not in ALLOWED_TAGS:
            self.problems.append((line, f"HTML-taggen <{tag}> är inte tillåten"))
            return
        # markdown="1" asks md_in_html to read Markdown inside the element.
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | _GENERIC | {"markdown"}
        allowed_lower = {a.lower() for a in allowed}
        for name, value in attrs:
            if name not in allowed_lower and not name.startswith(tuple(_PREFIXES)):
                self.problems.append((line, f'attributet {name}="…" på <{tag}> är inte tillåtet'))
            elif problem := _value_problem(tag, name, value or ""):
                self.problems.append((line, problem))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _value_problem(tag: str, name: str, value: str) -> str | None:
    """What is wrong with an allowed attribute's value, if anything."""
    if name in _RESOURCE_ATTRIBUTES and is_external(value):
        return f"<{tag}> hämtar något utanför webbplatsen ({name}=…)"
    if name == "href" and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
        return f"länken på <{tag}> kör kod (href=…)"
    if name == "style" and not _style_allowed(value.lower()):
        # the sanitiser drops the rest (colours, url(), …), so the author would see it vanish
        return (
            f'style="…" på <{tag}> får bara ange storlek och läge '
            f"({', '.join(sorted(_STYLE_PROPERTIES))})"
        )
    return None


_STYLE_PROPERTY = re.compile(r"(?:^|;)\s*([^:;\s]+)\s*:")


def _style_allowed(style: str) -> bool:
    properties = _STYLE_PROPERTY.findall(style)
    return "url(" not in style and all(p in _STYLE_PROPERTIES for p in properties)
