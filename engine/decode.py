"""Decode a job posting: which skills, tools and activities it asks for, and which of the
roles it really describes, with the evidence.

The vocabulary is content (``profiles/vocabulary.yaml``). Matching is one pass over the words
of a folded copy of the text (lower case, accents removed, same length as the original, so every
match points back at the words the posting used). The posting's vector is ranked against the
profiles with the same cosine as the quiz, and explained the same way, over the skill and tool
dimensions: a posting describes the job, not what the person enjoys, so what it says about the
work itself (client contact, on-call, strategy...) is shown but not counted.

A role that joins others' work (MLOps: machine learning and operations; the vocabulary's
``blends``) gets one more column in the posting's vector: the length of the vector on each of
the blend's parts, the weakest counting, so it is zero unless the posting asks for every part.
The blended role weighs it; the roles whose work is one of the parts (``counts_against``: the
ML engineer for MLOps) may weigh it below zero, so that asking for both parts together counts
against them. Its share of each cosine is explained like a dimension's, by the terms behind the
weakest part, for or against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.content import Blend, ProfileSet, Term, Text, VocabularyFile
from engine.errors import DecodeError, Msg, problem
from engine.explain import Evidence, Voice, evidence, explain
from engine.export import (
    DECODE_SCHEMA_VERSION,
    BlendDoc,
    BlendPartDoc,
    DecodeDocument,
    FoundDoc,
    FragileTermDoc,
    GapDoc,
    PostingConfidenceDoc,
    PostingContributionDoc,
    PostingRoleDoc,
    PreferenceDoc,
    TermShareDoc,
    bulk,
    stamp,
)
from engine.vectors import Array, cosine, unit_rows
from engine.words import TOKEN, fold
from engine.words import tokens as _tokens

CONTEXT_WINDOW = 80
JOIN = re.compile(r"[\s\-./_&']*")
"""What may stand between the words of one match: the separators names and phrases are written
with ("Weights & Biases", "CI/CD", "Node.js", "d'intégration"), so a match never spans a comma
or a bracket ("AWS (SageMaker" is AWS, then SageMaker, not "AWS SageMaker"), with one
exception (``CLOSED``)."""
CLOSED = re.compile(r"[\s\-./_&']*[)\]][\s\-./_&']*")
"""A gap with the bracket that closes one opened right before the match's first word: "(ML)
Systems", "(Gen)AI" read as "ML Systems" and "GenAI" (the words shown without the bracket)."""


def distinct(words: list[str]) -> list[str]:
    """The words without repeats, ignoring case, accents and separators ("MLOps" = "MLOPs",
    "CI/CD" = "ci cd"); each kept as first written."""
    out: dict[tuple[str, ...], str] = {}
    for w in words:
        out.setdefault(_tokens(w), w)
    return list(out.values())


def _variants(alias: str, phrase: bool) -> set[tuple[str, ...]]:
    """The token sequences an alias matches: as written, joined ("powerbi", "cicd"), and for
    phrases, with the last word in the plural ("dashboard" -> "dashboards") or, for a phrase
    written in the plural, in the singular ("recommender systems" -> "recommender system",
    "technologies" -> "technology"; not "analysis" or "business")."""
    tokens = _tokens(alias)
    if not tokens:
        return set()
    out = {tokens}
    if len(tokens) > 1:
        out.add(("".join(tokens),))
    last = tokens[-1]
    if phrase and last.isalpha() and len(last) >= 3:
        head = tokens[:-1]
        if not last.endswith("s"):
            out |= {(*head, last + "s"), (*head, last + "es")}
        elif last.endswith("ies") and len(last) > 4:
            out.add((*head, last[:-3] + "y"))
        elif len(last) >= 4 and not last.endswith(("ss", "us", "is")):
            out.add((*head, last[:-1]))
    if phrase and len(tokens) > 1:
        # "ML" is short for "machine learning": a phrase written one way matches the other
        # ("ML pipelines" = "machine learning pipelines")
        out |= {spelled for variant in out for spelled in _ml_spellings(variant)}
    return out


def _ml_spellings(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    """``tokens`` with "ml" spelled out as "machine learning", or the other way round."""
    out: set[tuple[str, ...]] = set()
    for i, word in enumerate(tokens):
        if word == "ml":
            out.add((*tokens[:i], "machine", "learning", *tokens[i + 1:]))
        elif word == "machine" and tokens[i + 1:i + 2] == ("learning",):
            out.add((*tokens[:i], "ml", *tokens[i + 2:]))
    return out


@dataclass(frozen=True)
class _Alias:
    term: int
    text: str
    tokens: tuple[str, ...]
    exact: bool
    phrase: bool


class Matcher:
    """The vocabulary compiled to a token index; ``find`` makes one pass over a text's words,
    taking the longest alias that starts at each word (like a regex alternation would)."""

    def __init__(self, vocabulary: VocabularyFile) -> None:
        self.terms: list[Term] = list(vocabulary.terms)
        # one-word aliases by their word, longer ones by their first two words
        self.single: dict[str, list[_Alias]] = {}
        self.multi: dict[tuple[str, str], list[_Alias]] = {}
        for ti, term in enumerate(self.terms):
            kinds = ([(n, False, False) for n in term.names]
                     + [(p, True, False) for p in (*term.en, *term.fr)]
                     + [(n, False, True) for n in term.exact])
            for text, phrase, exact in kinds:
                for tokens in _variants(text, phrase):
                    alias = _Alias(ti, text, tokens, exact, phrase)
                    if len(tokens) == 1:
                        self.single.setdefault(tokens[0], []).append(alias)
                    else:
                        self.multi.setdefault((tokens[0], tokens[1]), []).append(alias)
        for aliases in (*self.single.values(), *self.multi.values()):
            aliases.sort(key=lambda a: (-len(a.tokens), a.exact, a.term))
        self.starts = set(self.single) | {first for first, _ in self.multi}
        self.context = [
            re.compile(r"(?<![a-z0-9])(?:" + "|".join(
                r"[\s\-./_]*".join(re.escape(t) for t in _tokens(w)) for w in term.context)
                + r")(?![a-z0-9])")
            if term.context else None
            for term in self.terms
        ]

    def find(self, text: str) -> dict[int, list[str]]:
        """Term index -> the words in ``text`` that matched it, in order of appearance."""
        found: dict[int, list[str]] = {}
        for alias, said in self._scan(text):
            found.setdefault(alias.term, []).append(said)
        return found

    def names(self, text: str) -> set[tuple[int, tuple[str, ...]]]:
        """The tool names (a term's ``names`` and ``exact``, not its phrases) ``text`` holds:
        (term index, the name's words as the vocabulary writes it)."""
        return {(alias.term, _tokens(alias.text)) for alias, _ in self._scan(text)
                if not alias.phrase}

    def _scan(self, text: str) -> Iterator[tuple[_Alias, str]]:
        """Each match in ``text``: the alias, and the words as the text shows them."""
        folded = fold(text)
        words = TOKEN.findall(folded)
        starts, single, multi = self.starts, self.single, self.multi
        candidates = [i for i, w in enumerate(words) if w in starts]
        if not candidates:
            return
        spans = [m.span() for m in TOKEN.finditer(folded)]
        last = len(words) - 1
        resume = 0  # matches do not overlap: skip the words a match consumed
        for i in candidates:
            if i < resume:
                continue
            longer = multi.get((words[i], words[i + 1])) if i < last else None
            for alias in (*(longer or ()), *single.get(words[i], ())):
                n = len(alias.tokens)
                if n > 2 and tuple(words[i:i + n]) != alias.tokens:
                    continue
                start, end = spans[i][0], spans[i + n - 1][1]
                said = text[start:end] if n == 1 else _joined(text, folded, spans, i, n)
                if said is not None and self._accept(alias, text, folded, start, end):
                    yield alias, " ".join(said.split())
                    resume = i + n
                    break

    def _accept(self, alias: _Alias, text: str, folded: str, start: int, end: int) -> bool:
        term = self.terms[alias.term]
        if alias.exact:
            if text[start:end] != alias.text:
                return False
            if text[end:end + 1] in ("-", "&", "'") or text[start - 1:start] in ("-", "&", "'"):
                return False  # "go-to", "R&D", "let's go"
        context = self.context[alias.term]
        if context is not None and (alias.exact or not term.exact):
            window = folded[max(0, start - CONTEXT_WINDOW):end + CONTEXT_WINDOW]
            itself = folded[start:end]
            if not any(h.group(0) != itself for h in context.finditer(window)):
                return False
        return True


def _joined(text: str, folded: str, spans: list[tuple[int, int]], i: int, n: int) -> str | None:
    """The words ``i`` to ``i + n - 1`` of ``text`` as one match shows them, or None when
    something other than a separator stands between two of them (``JOIN``, ``CLOSED``)."""
    opened = folded[spans[i][0] - 1:spans[i][0]] in ("(", "[")
    out = [text[spans[i][0]:spans[i][1]]]
    for k in range(i, i + n - 1):
        gap_start, gap_end = spans[k][1], spans[k + 1][0]
        gap = text[gap_start:gap_end]
        if not JOIN.fullmatch(folded, gap_start, gap_end):
            if not (opened and CLOSED.fullmatch(folded, gap_start, gap_end)):
                return None
            opened = False  # that bracket is closed: no other
            gap = gap.replace(")", "").replace("]", "")
        out += [gap, text[gap_end:spans[k + 1][1]]]
    return "".join(out)


_MATCHERS: dict[int, tuple[ProfileSet, Matcher]] = {}


def matcher_for(profiles: ProfileSet) -> Matcher:
    """The compiled vocabulary beside these profiles, built once."""
    cached = _MATCHERS.get(id(profiles))
    if cached is None or cached[0] is not profiles:
        from engine.content import load_vocabulary

        cached = _MATCHERS[id(profiles)] = (profiles, Matcher(load_vocabulary(profiles)))
    return cached[1]


@dataclass(frozen=True)
class Blends:
    """The vocabulary's blends over these dimensions: per blend, the dimension indices of each
    part, and the roles' weights on the blends (roles x blends: the blended role's, and minus
    each role's ``counts_against``)."""

    blends: tuple[Blend, ...]
    parts: tuple[tuple[list[int], ...], ...]
    weights: Array
    names: tuple[tuple[str, Text], ...]  # (id, label) of every column: dimensions, then blends
    flat: list[int]  # every part's dimensions, part after part
    part_starts: list[int]  # where each part starts in ``flat``
    blend_starts: list[int]  # where each blend's parts start among all parts

    @classmethod
    def of(cls, profiles: ProfileSet, blends: list[Blend]) -> Blends:
        index = {d: i for i, d in enumerate(profiles.dimension_ids)}
        weights = np.zeros((len(profiles.profiles), len(blends)))
        for b, blend in enumerate(blends):
            weights[profiles.role_ids.index(blend.role), b] = blend.weight
            for role, against in blend.counts_against.items():
                weights[profiles.role_ids.index(role), b] = -against
        parts = tuple(tuple([index[d] for d in part.dimensions] for part in blend.parts)
                      for blend in blends)
        names = (*((d.id, d.label) for d in profiles.dimensions),
                 *((b.id, b.label) for b in blends))
        flat = [d for blend in parts for dims in blend for d in dims]
        sizes = [len(dims) for blend in parts for dims in blend]
        part_starts = np.cumsum([0, *sizes[:-1]]).tolist() if sizes else []
        blend_starts = np.cumsum([0, *(len(blend) for blend in parts[:-1])]).tolist()
        return cls(tuple(blends), parts, weights, names, flat, part_starts,
                   blend_starts if parts else [])

    def lengths(self, v: Array) -> Array:
        """Rows x parts (every blend's, in order): the length of each row of ``v`` on each
        part, the squares added row by row (one row alone or among many: the same bits)."""
        if not self.flat:
            return np.zeros((len(v), 0))
        squares = v[:, self.flat] * v[:, self.flat]
        out: Array = np.sqrt(np.add.reduceat(squares, self.part_starts, axis=1))
        return out

    def extend(self, v: Array, lengths: Array | None = None) -> Array:
        """Rows of ``v`` (rows x dims) with each blend's value after them: the length of its
        weakest part (``lengths``: of ``v``, when already computed)."""
        v = np.atleast_2d(v)
        if not self.blends:
            return v
        lengths = self.lengths(v) if lengths is None else lengths
        out: Array = np.hstack([v, np.minimum.reduceat(lengths, self.blend_starts, axis=1)])
        return out

    def _weakest(self, lengths: Array) -> list[tuple[int, float]]:
        """Per blend, for one row of lengths: the weakest part's index and length."""
        row = lengths.tolist()
        if not self.blends:
            return []
        ends = [*self.blend_starts[1:], len(row)]
        out = []
        for start, end in zip(self.blend_starts, ends, strict=True):
            part = min(range(start, end), key=lambda k: (row[k], k))
            out.append((part - start, row[part]))
        return out

    def columns(self, u: Array, rows: Array, lengths: Array) -> Array:
        """Items x blends: each item's part of the blends' values in ``u`` (``lengths``: its
        part lengths), from its part of ``u`` (``rows``, items x dims, adding up to ``u``):
        the blend's value is ``sum u_d^2 / L`` over its weakest part (L its length), so an
        item's part is ``sum rows_d u_d / L``."""
        out = np.zeros((len(rows), len(self.blends)))
        for b, (k, length) in enumerate(self._weakest(lengths)):
            if length > 0:
                dims = self.parts[b][k]
                # added in the part's order, whatever the number of rows
                out[:, b] = np.cumsum(rows[:, dims] * (u[dims] / length), axis=1)[:, -1]
        return out

    def documents(self, lengths: Array, lang: str, profiles: ProfileSet) -> list[BlendDoc]:
        """What each blend found, from one row of part lengths."""
        row = lengths.tolist()
        docs = []
        for b, (blend, parts, (weakest, value)) in enumerate(zip(
                self.blends, self.parts, self._weakest(lengths), strict=True)):
            start = self.blend_starts[b]
            docs.append(BlendDoc(
                id=blend.id, role_id=blend.role, label=blend.label.get(lang), value=value,
                weakest=weakest,
                parts=[BlendPartDoc(label=part.label.get(lang),
                                    dimensions=[profiles.dimension_ids[d] for d in dims],
                                    length=row[start + k])
                       for k, (part, dims) in enumerate(zip(blend.parts, parts, strict=True))]))
        return docs


_BLENDS: dict[int, tuple[ProfileSet, Blends]] = {}


def blends_for(profiles: ProfileSet) -> Blends:
    """The vocabulary's blends beside these profiles, compiled once."""
    cached = _BLENDS.get(id(profiles))
    if cached is None or cached[0] is not profiles:
        from engine.content import load_vocabulary

        blends = list(load_vocabulary(profiles).blends)
        cached = _BLENDS[id(profiles)] = (profiles, Blends.of(profiles, blends))
    return cached[1]


ANY_ORDER = frozenset({"architect", "architects", "architecte", "architectes"})
"""Titles with one of these words also match with their words in any order: architects'
titles put their specialty before or after the word ("Solutions Architect, AI/ML" holds AI
Architect), engineers' do not ("Software Engineer, Data Science" is no data engineer)."""

_TitleVariants = tuple[list[tuple[str, int, tuple[str, ...]]],
                       list[tuple[str, int, frozenset[str]]]]
_TITLES: dict[int, tuple[ProfileSet, _TitleVariants]] = {}


def _title_variants(profiles: ProfileSet) -> _TitleVariants:
    """(role id, length of the name, token sequence) for every way a title can name a role,
    and (role id, length, words) for the ones that match in any order; built once per
    profiles."""
    cached = _TITLES.get(id(profiles))
    if cached is None or cached[0] is not profiles:
        variants = [(p.id, len(name), variant) for p in profiles.profiles
                    for name in (p.title.en, p.title.fr, *p.other_titles)
                    for variant in _variants(name, phrase=True)]
        any_order = [(rid, length, frozenset(variant)) for rid, length, variant in variants
                     if len(variant) > 1 and ANY_ORDER.intersection(variant)]
        cached = _TITLES[id(profiles)] = (profiles, (variants, any_order))
    return cached[1]


def title_role(title: str | None, profiles: ProfileSet) -> str | None:
    """The role a posting's title names (title or other titles, the longest name winning), or
    None if none or several. Names are matched with their words in order; an architect's,
    when no name matches in order, in any order (``ANY_ORDER``)."""
    if not title:
        return None
    words = _tokens(title)
    present = set(words)
    hits: dict[str, int] = {}
    in_order, any_order = _title_variants(profiles)
    for rid, length, variant in in_order:
        n = len(variant)
        if variant[0] in present and any(words[i:i + n] == variant
                                         for i in range(len(words) - n + 1)):
            hits[rid] = max(hits.get(rid, 0), length)
    if not hits and not ANY_ORDER.isdisjoint(present):
        for rid, length, bag in any_order:
            if bag <= present:
                hits[rid] = max(hits.get(rid, 0), length)
    if not hits:
        return None
    best = max(hits.values())
    winners = [rid for rid, n in hits.items() if n == best]
    return winners[0] if len(winners) == 1 else None


# --------------------------------------------------------------------------- decoding


def counted_dimensions(profiles: ProfileSet) -> NDArray[np.bool_]:
    """The dimensions decode ranks on: skills and tools. A posting describes the job, not what
    the person enjoys, so the work-preference dimensions are shown, not counted."""
    return np.array([d.group != "preference" for d in profiles.dimensions])


def posting_vector(profiles: ProfileSet, found: dict[int, list[str]], matcher: Matcher,
                   counted: NDArray[np.bool_]) -> tuple[Array, Array]:
    """The posting's vector, and each found term's effects (terms x dims), on the counted
    dimensions (zero elsewhere).

    Each term found adds ``effect x log(1 + k)`` to a dimension, k being how often the posting
    uses it (a theme a posting keeps coming back to weighs more, with diminishing returns);
    the vector is then scaled so its largest value is 1. Cosine similarity does not depend on
    that scale, and every value stays in [0, 1] like a quiz vector.
    """
    dims = profiles.dimension_ids
    index = {d: i for i, d in enumerate(dims)}
    effects = np.zeros((len(found), len(dims)))
    for row, ti in enumerate(found):
        weight = float(np.log1p(len(found[ti])))
        for d, w in matcher.terms[ti].effects.items():
            effects[row, index[d]] = w * weight
    effects *= counted
    return _scaled(effects.sum(axis=0)), effects


def _scaled(totals: Array) -> Array:
    """Each vector (the last axis) divided by its largest value, so it lies in [0, 1]."""
    tops = totals.max(axis=-1, keepdims=True) if totals.size else np.ones(totals.shape[:-1])
    out: Array = totals / np.where(tops > 0, tops, 1.0)
    return out


def _evidence(matcher: Matcher, found: dict[int, list[str]], profiles: ProfileSet,
              counted: NDArray[np.bool_], weights: Array,
              blends: Blends) -> tuple[Evidence, Array]:
    """The posting's vector (its blends after the dimensions) and its terms as the
    explainer's items (one per term found), and the lengths of its blends' parts; ``weights``
    are extended with the blends too."""
    u, effects = posting_vector(profiles, found, matcher, counted)
    sums = effects.sum(axis=0)
    # exact: u_d is proportional to the sum of the terms' weighted effects
    shares = np.where(effects > 0, u[None, :] * effects / np.where(sums > 0, sums, 1.0), 0.0)

    def leave_out(items: list[int]) -> Array:
        return blends.extend(_scaled(sums[None, :] - effects[items]))

    lengths = blends.lengths(u[None, :])
    ev = evidence(blends.extend(u, lengths)[0],
                  np.hstack([effects, blends.columns(u, effects, lengths[0])]),
                  np.hstack([shares, blends.columns(u, shares, lengths[0])]), weights, True,
                  list(range(len(found))), leave_out)
    return ev, lengths[0]


def posting_extended(profiles: ProfileSet, text: str) -> Array:
    """A posting's vector with its blends after the dimensions, as decode ranks it."""
    matcher = matcher_for(profiles)
    u, _ = posting_vector(profiles, matcher.find(text), matcher, counted_dimensions(profiles))
    out: Array = blends_for(profiles).extend(u)[0]
    return out


def _voice(matcher: Matcher, term_ids: list[int], matched: dict[int, list[str]],
           lang: str) -> Voice:
    """A posting's terms, as a decoded posting names them."""
    terms = matcher.terms

    def cite(i: int, d: int, effect: float, share: float, score: float) -> TermShareDoc:
        term = terms[term_ids[i]]
        return TermShareDoc(term=term.id, label=term.label.get(lang),
                            matched=matched[term_ids[i]], effect=effect, share=share,
                            score=score)

    return Voice(role=PostingRoleDoc, contribution=PostingContributionDoc, gap=GapDoc,
                 confidence=PostingConfidenceDoc, items_field="terms",
                 fragile_field="fragile_terms", cite=cite,
                 item_key=lambda i: terms[term_ids[i]].id,
                 flip=lambda i, role: FragileTermDoc(term=terms[term_ids[i]].id,
                                                     top_role_without=role))


def _document(
    found: dict[int, list[str]], ev: Evidence, block_scores: Array, profiles: ProfileSet,
    weights: Array, unit_weights: Array, matcher: Matcher, counted: list[int], lang: str,
    title: str | None, respondent: Any, explain_top: int, blends: Blends, lengths: Array,
) -> DecodeDocument:
    from engine.i18n import t

    dims = [name for name, _ in blends.names]
    counted_names = {dims[d] for d in counted}
    term_ids = list(found)
    matched = {ti: distinct(found[ti]) for ti in term_ids}  # each term's words, listed once
    recognised = bool(ev.u.any())
    ranking, confidence = explain(ev, block_scores, profiles, weights, unit_weights, lang,
                                  _voice(matcher, term_ids, matched, lang), explain_top,
                                  recognised, counted, names=blends.names)
    named = title_role(title, profiles)
    top_id = ranking[0].role_id if recognised else None
    mismatch = None
    if named and top_id and named != top_id:
        first_words = {matcher.terms[ti].id: found[ti][0] for ti in term_ids}
        evidence_words: list[str] = []
        for contrib in ranking[0].top_contributions:
            for item in contrib.terms:
                word = first_words[item.term]
                if word not in evidence_words:
                    evidence_words.append(word)
        named_title = next(p.title.get(lang) for p in profiles.profiles if p.id == named)
        mismatch = t("decode.mismatch", lang, title=named_title, role=ranking[0].title,
                     evidence=", ".join(evidence_words[:5]))
    return DecodeDocument(
        **stamp(lang, respondent, DECODE_SCHEMA_VERSION),
        title=title,
        recognised=recognised,
        # the terms the ranking counts: one that moves only work preferences (on-call) is
        # said once, under preferences, as what the posting says about the work itself
        found=[
            FoundDoc(term=matcher.terms[ti].id, kind=matcher.terms[ti].kind,
                     label=matcher.terms[ti].label.get(lang), matched=matched[ti],
                     count=len(found[ti]), effects=dict(matcher.terms[ti].effects))
            for ti in term_ids if not counted_names.isdisjoint(matcher.terms[ti].effects)
        ],
        vector={dims[d]: float(ev.u[d]) for d in counted},
        blends=blends.documents(lengths, lang, profiles),
        preferences=_preferences(profiles, matcher, found, counted, lang),
        title_role=named, skills_role=top_id, title_mismatch=mismatch,
        confidence=confidence, ranking=ranking,
    )


def _preferences(profiles: ProfileSet, matcher: Matcher, found: dict[int, list[str]],
                 counted: list[int], lang: str) -> list[PreferenceDoc]:
    """What the posting says about the work itself, on the dimensions not counted (see
    ``counted_dimensions``): shown, with the words, moving no score."""
    out = []
    for d, dim in enumerate(profiles.dimensions):
        if d in counted:
            continue
        words = [w for ti, ws in found.items() if dim.id in matcher.terms[ti].effects
                 for w in ws]
        if words:
            out.append(PreferenceDoc(dimension=dim.id, label=dim.label.get(lang),
                                     matched=distinct(words)))
    return out


def check_text(text: Any, source: str) -> str:
    """Refuse what is not a posting: empty, or binary."""
    if isinstance(text, bytes):
        if b"\x00" in text[:8192]:
            raise DecodeError([problem(source, "", Msg("posting.binary"))])
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise DecodeError([problem(source, "", Msg("input.not_utf8"))]) from None
    if not isinstance(text, str) or not text.strip():
        raise DecodeError([problem(source, "", Msg("posting.empty"))])
    if "\x00" in text:
        raise DecodeError([problem(source, "", Msg("posting.binary"))])
    return text


def decode_many(
    items: list[tuple[str, str | None, Any]], profiles: ProfileSet, lang: str = "en",
    explain_top: int = 3,
) -> list[DecodeDocument]:
    """Decode (text, title, id) items with one cosine call for all of them."""
    matcher = matcher_for(profiles)
    blends = blends_for(profiles)
    counted = counted_dimensions(profiles)
    weights = np.hstack([np.array(profiles.weight_rows()) * counted, blends.weights])
    unit_weights = unit_rows(weights)
    if not items:
        return []
    counted_ids = [*(int(d) for d in np.flatnonzero(counted)),
                   *range(len(counted), len(counted) + len(blends.blends))]
    docs, start = [], 0
    with bulk():
        founds = [matcher.find(text) for text, _, _ in items]
        evs = [_evidence(matcher, found, profiles, counted, weights, blends) for found in founds]
        blocks = [ev.block() for ev, _ in evs]
        scores = cosine(np.vstack(blocks), unit_weights)
        for found, (ev, lengths), block, (_, title, rid) in zip(founds, evs, blocks, items,
                                                                strict=True):
            docs.append(_document(found, ev, scores[start:start + len(block)], profiles,
                                  weights, unit_weights, matcher, counted_ids, lang, title,
                                  rid, explain_top, blends, lengths))
            start += len(block)
    return docs


def decode(text: str, profiles: ProfileSet, lang: str = "en", title: str | None = None,
           explain_top: int = 3) -> DecodeDocument:
    """Decode one posting into a document (see ``rolematch schema decode``)."""
    return decode_many([(text, title, None)], profiles, lang, explain_top)[0]
