"""The screen of ``rolematch fit``: one person against one posting, drawn from its document.

Plain text, wrapped between words to the width given; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Collection

from engine.export import AnswerGapDoc, AskDoc, FitDocument, FitWhatIfDoc, not_asked
from engine.i18n import t
from engine.i18n import wrap as lines_of  # wrap() below adds the fit's indents


def gap_line(g: AnswerGapDoc, lang: str, asked: Collection[str] | None = None) -> str:
    """A fit what-if in the person's scale words, worded like a result's gaps (``asked``: the
    questions quick mode asked, as the result's gaps read them)."""
    suggested = "_suggested" if isinstance(g, FitWhatIfDoc) and g.suggestion else ""
    key = (f"fit.gap_unasked{suggested}_line" if not_asked(g.question_id, g.answer, asked)
           else f"fit.gap_skipped{suggested}_line" if g.answer is None
           else "fit.gap_suggested_line" if suggested
           else "fit.gap_tools_line" if isinstance(g.typical, list) else "fit.gap_line")
    return t(key, lang, question=g.label, you=g.answer_label, typical=g.typical_label,
             now=100 * g.score_now, then=100 * g.score_if)


def ask_line(ask: AskDoc, key: str, lang: str) -> str:
    """One ask: a dimension with the posting's value and the person's (both in [0, 1]), a
    blend with how much of the posting's level the person has (a blend's value is a length,
    which can be above 1: "posting 114%" would read as more than the posting)."""
    if ask.kind == "blend":
        share = min(1.0, ask.person / ask.posting) if ask.posting > 0 else 1.0
        return t("fit.blend_line", lang, label=ask.label, pts=100 * ask.score, share=share)
    return t(key, lang, label=ask.label, pts=100 * ask.score, posting=ask.posting,
             you=ask.person)


def fit_screen(doc: FitDocument, width: int = 80) -> str:
    """The fit, the two roles side by side, what the person covers and what they lack."""
    lang = doc.lang

    def wrap(text: str, indent: int = 0, hang: int = 2) -> list[str]:
        return lines_of(text, max(20, width), " " * indent, " " * (indent + hang))

    head = t("fit.titled", lang, title=doc.title) if doc.title else t("fit.title", lang)
    if not doc.recognised or doc.score is None:
        return "\n".join([head, t("fit.nothing", lang)]) + "\n"
    total = len(doc.covered) + len(doc.lacking)
    bar_width = max(10, min(30, width - 40))
    filled = round(max(0.0, doc.score) * bar_width)
    lines = [head, f"{t('fit.match', lang, pct=100 * doc.score, n=total)}  "
                   + "#" * filled + "." * (bar_width - filled)]
    if doc.asked is not None:  # a quick-mode result: what it never asked counts as nothing
        lines += wrap(t("fit.quick_result", lang, n=len(doc.asked)))
    lines.append("")
    if doc.posting_role is not None:
        lines += wrap(t("fit.posting_role", lang, role=doc.posting_role.title,
                        posting=100 * doc.posting_role.posting_score,
                        you=100 * doc.posting_role.person_score))
    person = doc.person_role
    if person is None:
        lines += wrap(t("fit.no_person_role", lang))
    elif doc.posting_role is not None and person.role_id == doc.posting_role.role_id:
        lines += wrap(t("fit.same_role", lang))
    else:
        lines += wrap(t("fit.person_role", lang, role=person.title, you=100 * person.person_score,
                        posting=100 * person.posting_score))
    if doc.covered:
        lines += ["", t("fit.covered", lang, n=len(doc.covered), total=total)]
        for ask in doc.covered:
            lines += wrap("+ " + ask_line(ask, "fit.ask_line", lang), indent=2)
    if doc.lacking:
        lines += ["", t("fit.lacking", lang, n=len(doc.lacking), total=total)]
        first_for: dict[str, str] = {}  # a what-if already shown -> the ask it was shown for
        for ask in doc.lacking:
            lines += wrap("- " + ask_line(ask, "fit.lack_line", lang), indent=2)
            if ask.what_if is None:
                detail = t("fit.no_what_if", lang)
            else:
                detail = gap_line(ask.what_if, lang, doc.asked)
                if detail in first_for:  # one answer raising two asks: said once
                    detail = t("fit.same_what_if", lang, label=first_for[detail])
                else:
                    first_for[detail] = ask.label
            lines += wrap(detail, indent=6)
    return "\n".join(lines) + "\n"
