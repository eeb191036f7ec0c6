"""One reader per format, chosen by extension as in Pelican: each turns a file into metadata and raw text.

Readers only read; what counts as the article's text is decided by cleaning, the same for every format.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .cleaning import is_sentence_line
from .decoding import decode
from .errors import IngestError


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases (a few hundred bytes of nested aliases expand to gigabytes), and with
    dates left as text, so that "2025-02-30" is reported as no date by our own check, not raised by PyYAML."""

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML's own class attribute, replaced whole, never mutated)
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


def load_yaml(text: str):
    """safe_load, refusing aliases; used for every YAML file the tool reads."""
    return yaml.load(text, Loader=_NoAliasLoader)


def compose_yaml(text: str):
    """The node tree, for the line numbers of keys (aliases refused likewise)."""
    return yaml.compose(text, Loader=_NoAliasLoader)


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter between `---` lines; malformed front matter is an error, not body text."""
    match = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.S)
    if not match:
        return {}, text
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise IngestError(f"malformed YAML front matter ({exc.__class__.__name__})") from None
    if not isinstance(meta, dict):
        raise IngestError("front matter is not a mapping")
    return meta, text[match.end():]


PARAGRAPH = 100  # characters: a line this long is text, not a menu item or a caption's credit


def read_html(text: str) -> tuple[dict, str]:
    """A saved web page: trafilatura finds the main text (one line per block) and the metadata (title, date via
    htmldate, authors, site name, address). Scripts, navigation, comments and asides never become text."""
    import trafilatura  # imported on first use: most stories have no web pages, and the import costs a second
    from lxml import etree
    from lxml import html as lxml_html

    try:  # a menu is never text, even where broken markup puts it inside a paragraph ("<p>… <nav>Home</nav>")
        tree = lxml_html.fromstring(text)
        for menu in list(tree.iter("nav")):
            menu.drop_tree()
        text = lxml_html.tostring(tree, encoding="unicode")
    except (etree.ParserError, ValueError):
        pass  # not HTML lxml can read: trafilatura says so below

    # favor_precision: furniture on an explainer's page costs more than a lost paragraph; it also keeps a short
    # page's navigation and captions out (trafilatura's fallback for short pages takes the whole body)
    def extract(**settings):
        document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                               include_tables=False, **settings)  # a Document, not a dict
        if document is None or isinstance(document, dict) or document.body is None:
            return None, []
        blocks = [item for block in document.body.iterchildren()  # a list's items are lines of their own
                  for item in (block.iterchildren() if block.tag == "list" else [block])]
        return document, [" ".join("".join(block.itertext()).split()) for block in blocks]

    document, lines = extract(favor_precision=True)
    if not any(map(is_sentence_line, lines)):  # nothing, or a date where the text should be: look again, generously
        generous, more = extract(favor_recall=True)
        if any(len(line) >= PARAGRAPH for line in more) and len("".join(more)) > len("".join(lines)):
            document, lines = generous, more  # only a paragraph of text, never a menu ("Home") taken for one
    if not any(lines):
        raise IngestError("no main text found in the web page")
    meta: dict = {key: value for key, value in (("title", document.title), ("outlet", document.sitename),
                                                ("url", document.url), ("published", document.date)) if value}
    if document.author:
        meta["authors"] = [name.strip() for name in document.author.split(";") if name.strip()]
    return meta, "\n\n".join(line for line in lines if line)


def read_file(path: Path, max_bytes: int) -> tuple[dict, str, bool]:
    """Metadata, text, and whether the text is a page's main text already chosen (see `cleaning.clean`)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"too large ({size:,} bytes; the limit is {max_bytes:,}, set with --max-bytes)")
    text = decode(path.read_bytes())
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return *read_html(text), True
    if suffix in (".md", ".markdown"):
        return *split_front_matter(text), False
    return {}, text, False
