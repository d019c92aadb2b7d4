"""The search box's little language: words, "quoted phrases" and prefix* terms, all ANDed.

Everything a clerk types is turned into quoted FTS5 strings, so words such as AND, NOT or NEAR
and punctuation are searched for as text rather than read as operators; only two things are
errors, each with a sentence saying what to fix: an unbalanced quote, a bare "*", and a query
of more than MAX_WORDS words (each word costs SQLite a pass over its index entries, so a pasted
page once took over a minute; a repeated term is searched for once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk_app.core.folding import fold, fold_with_offsets

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 32


class QuerySyntaxError(ValueError):
    """``str()`` says what is wrong with the query and how to put it right."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # folded; several for a phrase
    prefix: bool = False


def parse_query(query: str) -> list[Term]:
    """The terms of ``query``; QuerySyntaxError for an unbalanced quote, a bare * or nothing."""
    if query.count('"') % 2:
        raise QuerySyntaxError('the search has an opening " without a closing one')
    terms: list[Term] = []
    for index, chunk in enumerate(query.split('"')):
        if index % 2:  # inside quotes: one phrase
            words = tuple(_WORD.findall(fold(chunk)))
            if words:
                terms.append(Term(words))
            continue
        for raw in chunk.split():
            prefix = raw.endswith("*")
            words = tuple(_WORD.findall(fold(raw)))
            if not words:
                if "*" in raw:
                    raise QuerySyntaxError('"*" must follow the start of a word, as in tenan*')
                continue
            if prefix and len(words) == 1:
                terms.append(Term(words, prefix=True))
            else:
                # "Ó'Briain" or "2024/25" split into several words: keep them together.
                terms.append(Term(words))
    if not terms:
        raise QuerySyntaxError("type a word to search for")
    unique = list(dict.fromkeys(terms))  # "the the the": every copy matches the same places
    count = sum(len(term.words) for term in unique)
    if count > MAX_WORDS:
        raise QuerySyntaxError(
            f"the search has {count} words; use at most {MAX_WORDS} (the rarest ones find most)"
        )
    return unique


def fts_match(terms: list[Term]) -> str:
    """The FTS5 MATCH expression for ``terms`` (every term must appear)."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.words) + '"'
        parts.append(quoted + "*" if term.prefix else quoted)
    return " AND ".join(parts)


def highlight_spans(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Where the terms' words occur in ``text`` (original spelling), as sorted (start, end)."""
    folded, offsets = fold_with_offsets(text)
    wanted = {w for t in terms for w in t.words if not t.prefix}
    prefixes = tuple(w for t in terms if t.prefix for w in t.words)
    spans = []
    for match in _WORD.finditer(folded):
        word = match.group()
        if word in wanted or (prefixes and word.startswith(prefixes)):
            if offsets is None:
                spans.append((match.start(), match.end()))
            else:  # "ﬁ" folded to "fi": back to the characters the clerk typed
                spans.append((offsets[match.start()], offsets[match.end() - 1] + 1))
    return spans


def snippet(
    text: str, terms: list[Term], *, width: int = 160, mark: tuple[str, str] = ("[", "]")
) -> str:
    """A window of ``text`` around the first hit, hits wrapped in ``mark``."""
    spans = highlight_spans(text, terms)
    if not spans:
        return text[:width] + ("…" if len(text) > width else "")
    first = spans[0][0]
    start = max(0, first - width // 3)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > start - 20 else start
    end = min(len(text), start + width)
    out = ["…" if start else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out += [text[cursor:s], mark[0], text[s:e], mark[1]]
        cursor = e
    out.append(text[cursor:end])
    out.append("…" if end < len(text) else "")
    return "".join(out).replace("\n", " ")
