"""Reports over many results, as one self-contained HTML page each: a cohort (``batch
--report``) and a job market (``decode --jsonl --report``).

Drawn from a merged tally (``engine.tally``): tables for the numbers, charts (inline SVG from
``engine.charts``) for the picture; every text escaped, no external asset, so the page
works offline and can be sent as it is. Nothing here prints: each page is returned as text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape as e

from engine import __version__
from engine.content import Content, ProfileSet
from engine.files import created_at
from engine.i18n import colon, percent, t, whole
from engine.tally import CohortTally, MarketTally

Progress = Callable[[int, int], None] | None

CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1d2430}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid
#d0d7de}table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .6rem;text-align:left;
border-bottom:1px solid #eef1f4}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.chart{max-width:100%;height:auto;display:block;margin:.75rem 0}.muted{color:#57606a}
details{margin:.5rem 0}@media print{body{margin:0}details{display:none}}
"""


class _Steps:
    """Counts the steps of a page as they are done, for a progress bar."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total, self.done, self.progress = total, 0, progress
        self.tick(0)

    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.done, self.total)


def _page(lang: str, title: str, body: list[str]) -> str:
    from engine import charts

    footer = t("report.footer", lang, version=__version__, date=created_at(),
               mpl=charts.version())
    return (f"<!DOCTYPE html>\n<html lang=\"{e(lang)}\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>rolematch{colon(lang)} {e(title)}</title><style>{CSS}</style></head><body>"
            f"<h1>{e(title)}</h1>{''.join(body)}<p class=muted>{e(footer)}</p>"
            f"</body></html>\n")


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], numeric: int) -> str:
    """A table whose last ``numeric`` columns are right-aligned numbers."""
    def cells(values: Sequence[object], tag: str) -> str:
        first = len(values) - numeric
        return "".join(f"<{tag}{' class=n' if i >= first else ''}>{e(str(v))}</{tag}>"
                       for i, v in enumerate(values))
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    return f"<table><thead><tr>{cells(head, 'th')}</tr></thead><tbody>{body}</tbody></table>"


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


SKIPPED_SHOWN = 5
"""Bad lines a cohort page quotes (their line numbers and reasons); the rest are counted."""


def cohort_page(tally: CohortTally, content: Content, lang: str,
                skipped: Sequence[tuple[int, str]] = (), progress: Progress = None) -> str:
    """The cohort report: top roles, close calls, the average profile of each group; and the
    bad lines ``skipped`` (line number, reason), counted and the first quoted, so a page
    never reads as the whole input when lines were left out."""
    from engine import charts
    from engine.explain import CLOSE_CALL_MARGIN

    steps = _Steps(3, progress)
    profiles = content.profiles
    titles = {p.id: p.title.get(lang) for p in profiles.profiles}
    scored = tally.people - tally.not_enough
    body = [f"<p>{e(t('cohort.summary', lang, n=tally.people, k=tally.not_enough))}</p>"]
    if skipped:
        key = "cohort.skipped_one" if len(skipped) == 1 else "cohort.skipped"
        items = "".join(f"<li>{e(t('cohort.skipped_line', lang, line=n, reason=reason))}</li>"
                        for n, reason in skipped[:SKIPPED_SHOWN])
        more = len(skipped) - SKIPPED_SHOWN
        if more > 0:
            items += f"<li>{e(t('cohort.skipped_more', lang, n=more))}</li>"
        body.append(f"<p>{e(t(key, lang, n=len(skipped)))}</p><ul>{items}</ul>")

    ranked = sorted((r for r in tally.roles if tally.top.get(r)),
                    key=lambda r: (-tally.top[r], r))
    body.append(f"<h2>{e(t('cohort.top', lang))}</h2>")
    if ranked:
        body.append(charts.bars("top", t("cohort.top_chart", lang),
                                [titles[r] for r in ranked], [tally.top[r] for r in ranked],
                                t("report.people", lang), lang=lang))
        body.append(_table([t("result.role", lang), t("report.people", lang),
                            t("report.share", lang)],
                           [(titles[r], whole(tally.top[r], lang),
                             percent(_pct(tally.top[r], scored), lang, 1)) for r in ranked], 2))
    steps.tick()

    close = sum(tally.close.values())
    body.append(f"<h2>{e(t('cohort.close', lang))}</h2>")
    summary = t("cohort.close_summary", lang, c=close, n=scored, pct=_pct(close, scored),
                margin=100 * CLOSE_CALL_MARGIN)
    body.append(f"<p>{e(summary)}</p>")
    pairs = sorted(tally.close.items(), key=lambda item: (-item[1], item[0]))[:12]
    if pairs:
        body.append(_table([t("cohort.first", lang), t("cohort.second", lang),
                            t("report.people", lang)],
                           [(titles[a], titles[b], whole(n, lang)) for (a, b), n in pairs], 1))
    steps.tick()

    body.append(f"<h2>{e(t('cohort.profile', lang))}</h2>")
    if ranked:
        dims = [profiles.dimension(d) for d in tally.dimensions]
        means = {r: tally.average(r) for r in ranked}
        matrix = [[100 * float(means[r][i]) for r in ranked]  # type: ignore[index]
                  for i in range(len(dims))]
        labels = [d.label.get(lang) for d in dims]
        body.append(f"<p class=muted>{e(t('cohort.profile_note', lang))}</p>")
        body.append(charts.heatmap(
            "profile", t("cohort.profile_chart", lang), labels, [titles[r] for r in ranked],
            matrix, (t("cohort.group", lang), t("cohort.dimension", lang))))
        body.append(f"<details><summary>{e(t('cohort.table', lang))}</summary>"
                    + _table([t("cohort.dimension", lang), *(titles[r] for r in ranked)],
                             [(label, *(f"{v:.0f}" for v in row))
                              for label, row in zip(labels, matrix, strict=True)],
                             len(ranked)) + "</details>")
    steps.tick()
    return _page(lang, t("cohort.title", lang), body)


def market_page(tally: MarketTally, profiles: ProfileSet, lang: str,
                progress: Progress = None) -> str:
    """The market report: title role against content role, the share that disagree, and
    the terms that decide each role."""
    from engine import charts

    steps = _Steps(3, progress)
    titles: dict[str | None, str] = {p.id: p.title.get(lang) for p in profiles.profiles}
    body = [f"<p>{e(t('market.summary', lang, n=tally.postings, r=tally.recognised))}</p>"]
    if not tally.recognised:
        body.append(f"<p>{e(t('market.none', lang))}</p>")
        steps.tick(3)
        return _page(lang, t("market.title", lang), body)

    roles: list[str | None] = list(tally.roles)
    rows = [r for r in [*roles, None] if any(tally.cross.get((r, c)) for c in [*roles, None])]
    columns = [c for c in [*roles, None] if any(tally.cross.get((r, c)) for r in rows)]
    row_names = [titles[r] if r is not None else t("market.no_title_role", lang) for r in rows]
    column_names = [titles[c] if c is not None else t("market.nothing", lang)
                    for c in columns]
    counts = [[tally.cross.get((r, c), 0) for c in columns] for r in rows]
    body.append(f"<h2>{e(t('market.cross', lang))}</h2>"
                f"<p class=muted>{e(t('market.cross_note', lang))}</p>")
    body.append(charts.heatmap(
        "cross", t("market.cross_chart", lang), row_names, column_names, counts,
        (t("market.content_role", lang), t("market.title_role", lang)),
        shown=[[whole(n, lang) if n else "" for n in row] for row in counts]))
    body.append(f"<details><summary>{e(t('cohort.table', lang))}</summary>"
                + _table([t("market.title_role", lang), *column_names],
                         [(name, *(whole(n, lang) for n in row))
                          for name, row in zip(row_names, counts, strict=True)],
                         len(column_names)) + "</details>")
    steps.tick()

    titled, disagree = tally.titled(), tally.disagree()
    body.append(f"<h2>{e(t('market.disagree', lang))}</h2>")
    summary = t("market.disagree_summary", lang, d=disagree, t=titled,
                pct=_pct(disagree, titled))
    body.append(f"<p>{e(summary)}</p>")
    shares = []
    for r in tally.roles:
        named = sum(n for (title, content), n in tally.cross.items()
                    if title == r and content is not None)
        other = sum(n for (title, content), n in tally.cross.items()
                    if title == r and content is not None and content != r)
        if named:
            shares.append((titles[r], other / named, other, named))
    if shares:
        body.append(charts.bars("disagree", t("market.disagree_chart", lang),
                                [name for name, *_ in shares], [s for _, s, *_ in shares],
                                t("market.share_axis", lang), percent=True, lang=lang))
        body.append(_table([t("market.title_role", lang), t("market.postings", lang),
                            t("report.share", lang)],
                           [(name, f"{whole(other, lang)} / {whole(named, lang)}",
                             percent(100 * share, lang, 1))
                            for name, share, other, named in shares], 2))
    steps.tick()

    body.append(f"<h2>{e(t('market.terms', lang))}</h2>"
                f"<p class=muted>{e(t('market.terms_note', lang))}</p>")
    for r in tally.roles:
        decided = sum(n for (_, content), n in tally.cross.items() if content == r)
        top_terms = tally.deciding(r)
        if not top_terms:
            continue
        postings = e(t("market.postings", lang))
        body.append(f"<h3>{e(titles[r])} ({whole(decided, lang)} {postings})</h3>")
        body.append(_table([t("market.term", lang), t("market.postings", lang),
                            t("market.points", lang)],
                           [(tally.labels.get(term, term),
                             f"{whole(count, lang)} ({percent(_pct(count, decided), lang)})",
                             t("market.points_value", lang, points=points))
                            for term, count, points in top_terms], 2))
    steps.tick()
    return _page(lang, t("market.title", lang), body)
