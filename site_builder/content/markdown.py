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
from markdown_it.rules_block.table import escapedSplit, getLine
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
    md.use(keep_extra_cells_plugin)
    return md


def keep_extra_cells_plugin(md: MarkdownIt) -> None:
    """Keep the text of table cells beyond the header's count, in the row's last cell.

    GFM drops such cells, and a stray `|` inside a cell is enough to make one:
    the words after it vanished from the page without a word. Here they are
    appended to the last cell, after a ` | `, so the row reads as written.
    """
    ruler = md.block.ruler
    for rule in list(ruler.__rules__):
        if rule.name == "table":
            ruler.at("table", _keeping_cells(rule.fn), {"alt": list(rule.alt)})


def _keeping_cells(rule: RuleFuncBlockType) -> RuleFuncBlockType:
    def keeping(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        first = len(state.tokens)
        if not rule(state, start_line, end_line, silent):
            return False
        if not silent:
            _append_extra_cells(state, state.tokens[first:])
        return True

    return keeping


def _append_extra_cells(state: StateBlock, tokens: list[Token]) -> None:
    row: list[Token] = []
    line = -1
    for token in tokens:
        if token.type == "tr_open" and token.map:
            row, line = [], token.map[0]
        elif token.type == "inline" and line >= 0:
            row.append(token)
        elif token.type == "tr_close" and row:
            cells = _cells(getLine(state, line))
            if len(cells) > len(row):
                last = row[-1]
                parts = [last.content, *(c.strip() for c in cells[len(row):])]
                last.content = " | ".join(part for part in parts if part)
            line = -1


def _cells(line: str) -> list[str]:
    """A row's cells as the table rule splits them (outer pipes dropped)."""
    cells = escapedSplit(line.strip())
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


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
