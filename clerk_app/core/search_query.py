"""The search box's little language: words, "quoted phrases" and prefix* terms, all ANDed,
narrowed by filter words (``year:2024``, ``committee:housing``, ``resolved``; see split_filters).

Everything a clerk types is turned into quoted FTS5 strings, so words such as AND, NOT or NEAR
and punctuation are searched for as text rather than read as operators; only two things are
errors, each with a sentence saying what to fix: an unbalanced quote, a bare "*", and a query
of more than MAX_WORDS words (each word costs SQLite a pass over its index entries, so a pasted
page once took over a minute; a repeated term is searched for once).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from clerk_app.core.dates import DateError, parse_date
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


@dataclass(frozen=True)
class SearchFilters:
    """What narrows a search beyond its words; the default narrows nothing."""

    committee: str = ""  # folded; the committee's name must contain it
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    decisions_only: bool = False  # hits in a decision (RESOLVED ...)
    open_actions_only: bool = False  # hits in a point whose action is not done

    def narrowed_by(self, other: SearchFilters) -> SearchFilters:
        """Both sets at once: the dialog's fields and the words typed in the query."""
        starts = [d for d in (self.date_from, other.date_from) if d is not None]
        ends = [d for d in (self.date_to, other.date_to) if d is not None]
        return SearchFilters(
            committee=" ".join(filter(None, (self.committee, other.committee))),
            date_from=max(starts) if starts else None,
            date_to=min(ends) if ends else None,
            decisions_only=self.decisions_only or other.decisions_only,
            open_actions_only=self.open_actions_only or other.open_actions_only,
        )

    def describe(self) -> str:
        """ "Housing, 2024, decisions": what the hits were narrowed to, for the message."""
        parts = [self.committee.title()] if self.committee else []
        if self.date_from and self.date_to and _whole_years(self.date_from, self.date_to):
            years = {self.date_from.year, self.date_to.year}
            parts.append("–".join(str(y) for y in sorted(years)))
        else:
            if self.date_from:
                parts.append(f"from {self.date_from:%d/%m/%Y}")
            if self.date_to:
                parts.append(f"to {self.date_to:%d/%m/%Y}")
        kinds = [
            name
            for name, wanted in (
                ("decisions", self.decisions_only),
                ("open actions", self.open_actions_only),
            )
            if wanted
        ]
        if kinds:
            parts.append(" or ".join(kinds))
        return ", ".join(parts)


def _whole_years(start: dt.date, end: dt.date) -> bool:
    return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)


# year:2024  year:2022-2024  committee:housing  committee:"housing panel"  from:1/4/2024
_FILTER = re.compile(r'(?<!\S)(year|committee|from|to):("[^"]*"|\S*)', re.IGNORECASE)
_KIND_WORDS = {"resolved": "decisions_only", "decisions": "decisions_only"}
_OPEN = re.compile(r"(?<!\S)actions:open(?!\S)", re.IGNORECASE)
_YEARS = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def split_filters(query: str) -> tuple[str, SearchFilters]:
    """The words to find, and the filters typed among them.

    ``year:2024`` or ``year:2022-2024``, ``from:1/4/2024`` ``to:31/3/2025``,
    ``committee:housing`` (or ``committee:"housing panel"``), ``resolved`` or ``decisions``
    (hits in decisions only) and ``actions:open`` (points whose action is not done).  A
    quoted "resolved" is a word to find.  QuerySyntaxError says what a filter lacks.
    """
    found: dict[str, object] = {}

    def take(match: re.Match[str]) -> str:
        name, value = match.group(1).lower(), match.group(2).strip('"').strip()
        if not value:
            raise QuerySyntaxError(f"{name}: needs a value, as in {_EXAMPLE[name]}")
        if name == "committee":
            found["committee"] = " ".join(
                filter(None, (str(found.get("committee", "")), fold(value)))
            )
        elif name == "year":
            years = _YEARS.match(value)
            if years is None:
                raise QuerySyntaxError(
                    f"year:{value} is not a year: write year:2024 or year:2022-2024"
                )
            first, last = int(years.group(1)), int(years.group(2) or years.group(1))
            found["date_from"] = dt.date(min(first, last), 1, 1)
            found["date_to"] = dt.date(max(first, last), 12, 31)
        else:
            try:
                day = parse_date(value)
            except DateError as exc:
                raise QuerySyntaxError(f"{name}:{value}: {exc}") from exc
            found["date_from" if name == "from" else "date_to"] = day
        return " "

    rest = _FILTER.sub(take, query)
    if _OPEN.search(rest):
        found["open_actions_only"] = True
        rest = _OPEN.sub(" ", rest)
    chunks = rest.split('"')
    for index in range(0, len(chunks), 2):  # outside quotes only
        words = chunks[index].split()
        kept = [w for w in words if w.lower() not in _KIND_WORDS]
        if len(kept) != len(words):
            found["decisions_only"] = True
            chunks[index] = " ".join(kept) + " "
    return '"'.join(chunks).strip(), SearchFilters(**found)  # type: ignore[arg-type]  # by name


_EXAMPLE = {
    "year": "year:2024",
    "committee": "committee:housing",
    "from": "from:1/4/2024",
    "to": "to:31/3/2025",
}


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
