"""The one Markdown dialect of the site: CommonMark + tables, strikethrough, footnotes.

Every stage that parses Markdown gets its parser from here, so block ids and
text offsets computed at load time match the tokens the renderer sees.

Nesting is bounded without losing text. markdown-it stops at `maxNesting`
levels of tokens and, past it, drops the rest of the input: the block parser
skips every remaining line (`ParserBlock.tokenize`). Here the container rules
(blockquote, list, footnote definition) decline to open a container whose
content would reach that level, so its lines are parsed by the other rules
at the depth reached: `> > text` or `- item` become paragraph text, markers
included. The cut never fires, and Python recursion stays bounded however
deep the input nests.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.parser_block import RuleFuncBlockType
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

# The levels a container's opening tokens add before its content is parsed:
# blockquote_open; bullet_list_open + list_item_open; footnote_reference_open.
CONTAINER_DEPTH = {"blockquote": 1, "list": 2, "footnote_def": 1}


def make_markdown() -> MarkdownIt:
    """A fresh parser. Raw HTML is parsed; the render stage sanitizes the output."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(bounded_nesting_plugin)
    return md


def bounded_nesting_plugin(md: MarkdownIt) -> None:
    """Make each container rule decline where its content would pass `maxNesting`."""
    limit = int(md.options["maxNesting"])
    ruler = md.block.ruler
    # The Ruler has no public accessor for a rule's function and `alt` list.
    for rule in list(ruler.__rules__):
        if rule.name in CONTAINER_DEPTH:
            ruler.at(rule.name, _bounded(rule.fn, limit - CONTAINER_DEPTH[rule.name]),
                     {"alt": list(rule.alt)})


def _bounded(rule: RuleFuncBlockType, below: int) -> RuleFuncBlockType:
    def bounded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        # Declining also keeps a paragraph going over these lines: its
        # terminator check asks the same (wrapped) rules.
        return state.level < below and rule(state, start_line, end_line, silent)

    return bounded


_PARSER = make_markdown()


def parse(body: str) -> list[Token]:
    """Parse an article body into block-level tokens (inline children attached)."""
    return _PARSER.parse(body, {})
